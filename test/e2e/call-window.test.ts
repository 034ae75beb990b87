// Issue 10, points 1 and 2: the call window. A call placed from a web page (a
// call-at-once site) or confirmed in the confirmation window, and a call that
// comes in, open ClickDial's call window by themselves, showing the call with
// the popup's controls; it shows within 300 ms of the click (measured and
// logged here, not asserted: this machine is shared); Answer works there;
// closing it ends nothing; the popup's "Pop out" opens it; the setting "never"
// opens none; a second call brings the one window forward, never a second.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { openOptions, openPopup, popupCalls, setClickToCall, waitForNoPopupCall, waitForPopupCallState } from './harness/clickdial.js';
import { confirmations, waitForConfirmation } from './harness/confirmation.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

const CALL_WINDOW = 'src/call-window/call-window.html';
const ME = aorOf('1001');

let lab: PhoneLab;
let page: Page;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function callWindowPages(): Page[] {
  const url = `chrome-extension://${lab.browser.extensionId}/${CALL_WINDOW}`;
  return lab.browser.context.pages().filter((p) => p.url().startsWith(url) && !p.isClosed());
}

/** Chrome's own count of windows showing the call window (what the user sees), through the service worker. */
function callWindowsInChrome(): Promise<{ type: string; focused: boolean }[]> {
  return lab.browser.serviceWorker.evaluate(async (path) => {
    const url = chrome.runtime.getURL(path);
    const windows = await chrome.windows.getAll({ populate: true });
    return windows
      .filter((w) => (w.tabs ?? []).some((t) => (t.url ?? t.pendingUrl ?? '').startsWith(url)))
      .map((w) => ({ type: w.type ?? '', focused: w.focused }));
  }, CALL_WINDOW);
}

async function waitForCallWindow(what: string): Promise<Page> {
  const window = await waitFor(() => callWindowPages()[0], { what, timeoutMs: 5000 });
  await window.getByTestId('call-window').waitFor();
  return window;
}

/** The pointer rests on the number a moment (as a person's does), then clicks; returns when the click was sent. */
async function humanClick(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  assert.ok(box, 'the number is laid out');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x - 20, y - 10);
  await page.mouse.move(x, y, { steps: 4 });
  await sleep(600);
  const at = Date.now();
  await page.mouse.click(x, y);
  return at;
}

async function openNumbersPage(): Promise<Locator> {
  await page.bringToFront();
  await page.goto(lab.server.fixtureUrl('attacks/mismatch.html'));
  const link = page.getByRole('link', { name: '+1 (415) 555-0102' });
  await link.waitFor();
  return link;
}

async function endAllCalls(): Promise<void> {
  const { calls } = await lab.farEnd.state();
  for (const call of calls.filter((c) => c.state !== 'Terminated')) await lab.farEnd.hangup(call.id).catch(() => undefined);
  await waitFor(async () => (await lab.farEnd.state()).calls.every((c) => c.state === 'Terminated'), { what: 'every call to end' });
}

/** ClickDial has no call left (an ended call's card stays a moment): the next test starts clean. */
async function waitForNoCallHere(): Promise<void> {
  const popup = await openPopup(lab.browser.context, lab.browser.extensionId);
  await waitForNoPopupCall(popup, 15_000);
  await popup.close();
}

async function saveCallWindowSetting(label: RegExp): Promise<void> {
  const options = await openOptions(lab.browser.context, lab.browser.extensionId);
  await options.getByRole('radio', { name: label }).check();
  await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
}

before(async () => {
  lab = await startPhoneLab({ callWindow: 'window' });
  await setUpAccount(lab);
  await setClickToCall(lab.browser.serviceWorker, { callAtOnce: ['127.0.0.1'] });
  page = await lab.browser.context.newPage();
});

afterEach(async () => {
  await endAllCalls();
  await waitForNoCallHere();
  for (const window of callWindowPages()) await window.close().catch(() => undefined);
  for (const confirm of confirmations(lab.browser.context, lab.browser.extensionId)) await confirm.close().catch(() => undefined);
  await lab.farEnd.clearEvents();
  await lab.farEnd.autoAnswer(false);
});

after(() => lab?.stop());

describe('the call window', () => {
  test('a click on a number of a call-at-once site opens the call window showing the call (timed), and the far end gets the INVITE', async () => {
    assert.equal(callWindowPages().length, 0);
    const link = await openNumbersPage();
    const clickedAt = await humanClick(link);
    const shown = await waitFor(() => callWindowPages()[0], { what: 'the call window', timeoutMs: 5000, intervalMs: 10 });
    const pageAt = Date.now();
    await shown.locator('article.call').waitFor();
    const cardAt = Date.now();
    console.log(`call window: page present ${pageAt - clickedAt} ms after the click, call shown after ${cardAt - clickedAt} ms`);
    await lab.farEnd.waitForEvent('invite');
    assert.match(await shown.locator('article.call').innerText(), /4155550102/);
    assert.deepEqual(
      (await callWindowsInChrome()).map((w) => w.type),
      ['popup'],
    );

    // Confirmed in the confirmation window (a number whose link says something else): the window opens too.
    await endAllCalls();
    // The INVITE waited for below is the second call's, not the first one's (which would let the
    // test end before the second call reached the far end, and leave it ringing there).
    await lab.farEnd.clearEvents();
    await shown.close();
    await page.bringToFront();
    await humanClick(page.locator('#mismatch'));
    const confirm = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    const call = confirm.locator('button.call[data-armed=true]');
    await call.waitFor(); // armed after 600 ms without a press (not part of the figure)
    const callAt = Date.now();
    await call.click();
    const again = await waitFor(() => callWindowPages()[0], { what: 'the call window after the confirmation', intervalMs: 10 });
    const againAt = Date.now();
    await again.locator('article.call').waitFor();
    console.log(
      `call window: page present ${againAt - callAt} ms after Call in the confirmation window, call shown after ${Date.now() - callAt} ms`,
    );
    await lab.farEnd.waitForEvent('invite');
  });

  test('a call that comes in opens the window, not focused, showing Answer and saying the call; Enter on Answer answers', async () => {
    // The user types in a page when the call comes in.
    await page.bringToFront();
    await lab.farEnd.call(ME);
    const window = await waitForCallWindow('the call window for the incoming call');
    const answer = window.getByRole('button', { name: 'Answer' });
    await answer.waitFor();
    const [shown] = await callWindowsInChrome();
    console.log(`call window for an incoming call: focused=${String(shown?.focused)}`);
    assert.equal(shown?.focused, false, 'the ringing call did not take the focus');
    // Said in the window's live region (it opened for this call), and focus waits on Answer for the keyboard.
    await waitFor(async () => (await window.getByTestId('live-assertive').textContent())?.trim() === 'Incoming call from 1002.', {
      what: 'the ringing call said in the call window',
    });
    await waitFor(() => answer.evaluate((el) => el === document.activeElement), { what: 'focus on Answer' });
    await window.keyboard.press('Enter');
    await lab.farEnd.waitForCallState('Established');
    const hangUp = window.getByRole('article', { name: 'Call with 1002' }).getByRole('button', { name: 'Hang up' });
    await waitFor(() => hangUp.evaluate((el) => el === document.activeElement), { what: 'focus on Hang up once answered' });
    await waitFor(async () => (await window.getByTestId('live-polite').textContent())?.trim() === 'In call with 1002.', {
      what: 'the answered call said',
    });
  });

  test('closing the call window mid-call leaves the call up; the popup still shows it', async () => {
    await lab.farEnd.autoAnswer(true);
    const link = await openNumbersPage();
    await humanClick(link);
    const window = await waitForCallWindow('the call window');
    await lab.farEnd.waitForCallState('Established');
    await window.close();
    await sleep(1500);
    const { calls } = await lab.farEnd.state();
    assert.deepEqual(
      calls.filter((c) => c.state !== 'Terminated').map((c) => c.state),
      ['Established'],
      'the far end is still in the call',
    );
    const popup = await openPopup(lab.browser.context, lab.browser.extensionId);
    await waitForPopupCallState(popup, 'In call');
    await popup.close();
  });

  test('"Pop out" in the popup opens the call window and closes the popup', async () => {
    const popup = await openPopup(lab.browser.context, lab.browser.extensionId);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Pop out' }).click();
    const window = await waitForCallWindow('the call window from Pop out');
    await window.getByLabel('Number or SIP address').waitFor();
    await closed;
    assert.equal((await callWindowsInChrome()).length, 1);
  });

  test('a second call brings the open call window forward instead of opening another', async () => {
    await lab.farEnd.autoAnswer(true);
    const link = await openNumbersPage();
    await humanClick(link);
    const window = await waitForCallWindow('the call window');
    await lab.farEnd.waitForCallState('Established');
    // A second call comes in (call waiting): still one window, now with both calls.
    await lab.farEnd.autoAnswer(false);
    await lab.farEnd.call(ME);
    await waitFor(async () => (await popupCalls(window)).length === 2, { what: 'both calls in the call window' });
    await sleep(500);
    assert.equal(callWindowPages().length, 1);
    assert.equal((await callWindowsInChrome()).length, 1);
  });

  test('with the side panel chosen, a call from a page (no user action that the worker sees) opens the window instead', async () => {
    await saveCallWindowSetting(/side panel/);
    try {
      const link = await openNumbersPage();
      await humanClick(link);
      await waitForCallWindow('the call window in place of the side panel');
      assert.deepEqual(
        (await callWindowsInChrome()).map((w) => w.type),
        ['popup'],
      );
      await lab.farEnd.waitForEvent('invite');
    } finally {
      await endAllCalls();
      await saveCallWindowSetting(/^In a small window/);
    }
  });

  test('with "never" chosen in the options, a call from a page opens no window', async () => {
    await saveCallWindowSetting(/^Never/);
    try {
      const link = await openNumbersPage();
      await humanClick(link);
      await lab.farEnd.waitForEvent('invite');
      await sleep(1000);
      assert.equal(callWindowPages().length, 0);
      assert.equal((await callWindowsInChrome()).length, 0);
      await endAllCalls();
      await lab.farEnd.call(ME);
      await sleep(1500);
      assert.equal((await callWindowsInChrome()).length, 0, 'nor does a call that comes in');
    } finally {
      await endAllCalls();
      await saveCallWindowSetting(/^In a small window/);
    }
  });
});
