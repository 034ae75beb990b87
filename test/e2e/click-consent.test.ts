// Issue "Only the call the user meant": pages that try to make ClickDial
// dial a number the user did not see and confirm. The user has chosen "call
// at once" for the attacker's site (the worst case: without that choice every
// page number is confirmed first). Far end 1003 answers the attacker's
// numbers (+1 415 555 0199, +1 900 555 0199 and 911 are routed to it by the
// test Kamailio): an INVITE there is a call the page made. Every attack has
// its own page under fixtures/attacks/ and is caught by one defence, so each
// test fails when its defence is taken out. A control test shows that an
// honest click on the same site still calls at once, so "no INVITE" is not
// just a phone that never calls.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { cancelConfirmations, confirmationText, confirmations, waitForConfirmation } from './harness/confirmation.js';
import type { FarEnd } from './harness/far-end.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { waitFor } from './harness/wait.js';
import { fillAccountForm, openOptions, setClickToCall as setSettings, waitForRegistration } from './harness/clickdial.js';
import { USERS, aorOf } from './harness/users.js';

let lab: PhoneLab;
let victim: FarEnd; // 1002: the honest numbers
let attacker: FarEnd; // 1003: the attacker's numbers
const pages: Page[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const invites = async (far: FarEnd) => (await far.state()).events.filter((e) => e.type === 'invite').length;

/** The worst case for every test here: the user chose "call at once" for both loopback sites. */
function setClickToCall(change: Record<string, unknown>): Promise<void> {
  return setSettings(lab.browser.serviceWorker, { callAtOnce: ['127.0.0.1', 'localhost'], ...change });
}

async function open(fixture: string, origin = lab.server.origin): Promise<Page> {
  const page = await lab.browser.context.newPage();
  pages.push(page);
  await page.goto(`${origin}/fixtures/attacks/${fixture}`);
  return page;
}

/** ClickDial's links on a page (title "…Call with ClickDial"). */
const ourLinks = (page: Page | import('playwright-core').Frame) =>
  page.evaluate(() => [...document.querySelectorAll('a')].filter((a) => a.title.includes('Call with ClickDial')).map((a) => a.textContent));

async function waitForOurLink(page: Page, text: string): Promise<void> {
  await waitFor(async () => (await ourLinks(page)).includes(text), { what: `ClickDial to link ${text}` });
}

/** A person's click: the pointer rests on the spot for a moment, then presses. */
async function humanClickAt(page: Page, x: number, y: number, clickCount = 1): Promise<void> {
  await page.mouse.move(x - 20, y - 10);
  await page.mouse.move(x, y, { steps: 4 });
  await sleep(600);
  await page.mouse.click(x, y, { clickCount });
}

async function humanClick(page: Page, target: Locator, clickCount = 1): Promise<void> {
  const box = await target.boundingBox();
  assert.ok(box, 'the target is laid out');
  await humanClickAt(page, box.x + box.width / 2, box.y + box.height / 2, clickCount);
}

/** What the page's own script could see of each click: whether its default was prevented. */
async function recordClicks(page: Page): Promise<() => Promise<boolean[]>> {
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as { seen?: boolean[] }).seen = seen;
    addEventListener('click', (e) => seen.push(e.defaultPrevented));
  });
  return () => page.evaluate(() => (window as { seen?: boolean[] }).seen ?? []);
}

/** Nothing reached the attacker's phone while we waited. */
async function assertNoAttackerCall(): Promise<void> {
  await sleep(1500);
  assert.equal(await invites(attacker), 0, 'the page made ClickDial call the attacker');
}

before(async () => {
  lab = await startPhoneLab({ farEnds: ['1002', '1003'] });
  victim = lab.farEnd;
  attacker = lab.far['1003'] as FarEnd;
  await setUpAccount(lab);
  await setClickToCall({});
});

afterEach(async () => {
  await cancelConfirmations(lab.browser.context, lab.browser.extensionId);
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  await Promise.all([victim.clearEvents(), attacker.clearEvents()]);
  await setClickToCall({});
});

after(() => lab?.stop());

describe('only the call the user meant', () => {
  test('control: on a call-at-once site, an honest click on a visible number calls at once', async () => {
    const page = await open('mismatch.html');
    await waitForOurLink(page, '+1 (415) 555-0102');
    const clicks = await recordClicks(page);
    await humanClick(page, page.getByRole('link', { name: '+1 (415) 555-0102' }));
    await victim.waitForEvent('invite');
    assert.equal(confirmations(lab.browser.context, lab.browser.extensionId).length, 0, 'no confirmation was needed');
    await victim.decline();
    // A click that is confirmed first looks the same to the page as one that was dialled.
    await humanClick(page, page.locator('#premium'));
    await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.deepEqual(await clicks(), [true, true]);
  });

  test('an invisible (opacity 0) number over a "Play" button, or a number under a pointer-events:none picture, is not a call', async () => {
    const page = await open('overlay.html');
    await waitFor(async () => (await ourLinks(page)).filter((t) => t === '+1 415 555 0199').length === 2, {
      what: 'both trap numbers linked',
    });
    await humanClick(page, page.locator('#play'));
    const first = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(first)).warnings, /could not tell that what you clicked was visible/);
    await first.close();
    await humanClick(page, page.locator('#cover'));
    const second = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.equal((await confirmationText(second)).e164, '+14155550199');
    await assertNoAttackerCall();
  });

  test('a link whose text shows another number is shown first, with its text; Enter then calls', async () => {
    const page = await open('mismatch.html');
    await humanClick(page, page.locator('#mismatch'));
    const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    const shown = await confirmationText(window);
    assert.equal(shown.number, '(415) 555-0102');
    assert.equal(shown.e164, '+14155550102');
    assert.equal(shown.site, '127.0.0.1');
    assert.equal(shown.linkText, '“Call support 0800 123”');
    assert.match(shown.warnings, /does not show this number/);
    await sleep(1000);
    assert.equal(await invites(victim), 0, 'nothing was dialled before the user confirmed');
    // Call is the default action: Enter (once the window is armed) places the call.
    await window.locator('button.call[data-armed=true]').waitFor();
    await window.keyboard.press('Enter');
    await victim.waitForEvent('invite');
    await victim.decline();
  });

  test('premium-rate and emergency numbers are always shown first; Escape drops them', async () => {
    const page = await open('mismatch.html');
    await humanClick(page, page.locator('#premium'));
    const premium = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(premium)).warnings, /premium-rate number/);
    await premium.locator('button.call[data-armed=true]').waitFor();
    await premium.keyboard.press('Escape').catch(() => undefined); // the window closes under the key press
    await waitFor(() => premium.isClosed(), { what: 'Escape to close the window' });
    await humanClick(page, page.locator('#emergency'));
    const emergency = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(emergency)).warnings, /emergency number/);
    assert.equal((await confirmationText(emergency)).number, '911');
    await emergency.close();
    // 911 behind an office phone's outside-line prefix: shown first with the same warning, not
    // refused as a short number (the options name no extension length here).
    await humanClick(page, page.locator('#emergency-outside-line'));
    const outsideLine = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(outsideLine)).warnings, /emergency number/);
    assert.equal((await confirmationText(outsideLine)).number, '9911');
    await outsideLine.close();
    await assertNoAttackerCall();
  });

  test('short numbers from pages need the PBX extension length from the options, and are shown first even then', async () => {
    await lab.browser.serviceWorker.evaluate(() => chrome.notifications.clear('click-to-call-problem'));
    const page = await open('mismatch.html');
    await humanClick(page, page.locator('#extension'));
    const notice = await waitFor(
      async () => {
        const shown = await lab.browser.serviceWorker.evaluate(() => chrome.notifications.getAll());
        return Object.keys(shown).includes('click-to-call-problem') ? shown : undefined;
      },
      { what: 'the short-number notice' },
    );
    assert.ok(notice);
    assert.equal(confirmations(lab.browser.context, lab.browser.extensionId).length, 0);
    // The user tells ClickDial their PBX has 4-digit extensions, in the options.
    const options = await openOptions(lab.browser.context, lab.browser.extensionId);
    await options.locator('input[name=extensionMax]').waitFor();
    // Meanwhile a confirmation window's "call at once" adds a site: saving the options keeps it.
    await setClickToCall({ callAtOnce: ['127.0.0.1', 'localhost', 'crm.example'] });
    await options.locator('input[name=extensionMin]').fill('4');
    await options.locator('input[name=extensionMax]').fill('4');
    await options.getByRole('button', { name: 'Save click-to-call settings' }).click();
    await options.getByTestId('click-to-call-status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
    const saved = await lab.browser.serviceWorker.evaluate(() =>
      chrome.storage.local.get<{ clickToCall: { callAtOnce: string[] } }>('clickToCall'),
    );
    assert.deepEqual(saved.clickToCall.callAtOnce, ['127.0.0.1', 'localhost', 'crm.example']);
    await humanClick(page, page.locator('#extension'));
    const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(window)).warnings, /short number/);
    await assertNoAttackerCall();
  });

  test('page CSS that hides our link\'s text and draws "Play video" over it does not make a call', async () => {
    const page = await open('disguise.html');
    await waitForOurLink(page, '+1 415 555 0199');
    const link = page.locator('#promo a');
    assert.equal(await link.evaluate((a) => getComputedStyle(a).fontSize), '0px', 'the page hid the number itself');
    await humanClick(page, link);
    const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.equal((await confirmationText(window)).e164, '+14155550199');
    await window.close();
    // Transparent glyphs on a box the page paints: visible to the hit test, but the number is not shown.
    await humanClick(page, page.locator('#promo2 a'));
    await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    await assertNoAttackerCall();
  });

  test('a <label> that forwards its click to a control inside a tel: link, or a control inside a link, does not make a call', async () => {
    const page = await open('disguise.html');
    await humanClick(page, page.locator('#play-label'));
    assert.equal(await page.evaluate(() => (window as { forwarded?: boolean }).forwarded), true, 'the label forwarded a trusted click');
    const first = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    await first.close();
    // A control inside a visible link: a click on the control is not a click on the link.
    await humanClick(page, page.locator('#agree'));
    await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    await assertNoAttackerCall();
  });

  test('focus moved by the page to a tel: link while the user types: their Enter does not make a call', async () => {
    const page = await open('focus.html');
    await page.locator('#search').click();
    await page.keyboard.type('opening hours', { delay: 30 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'office', 'the page moved focus');
    await page.keyboard.press('Enter');
    const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    // The page's game goes on ("press Enter as fast as you can"): presses that come too soon never call.
    for (let i = 0; i < 8; i++) {
      await window.keyboard.press('Enter');
      await sleep(300);
    }
    await assertNoAttackerCall();
  });

  test('a tel: link slid under the pointer just before the press is not what the user saw', async () => {
    const page = await open('slide.html');
    const box = await page.locator('#skip').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 80, box.y + 25, { steps: 2 });
    await sleep(30);
    await page.mouse.move(box.x + 84, box.y + 27); // the hand moves on: now over the link slid in
    await sleep(120); // a quick click, as on a "Skip ad" button
    await page.mouse.click(box.x + 84, box.y + 27);
    await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    await assertNoAttackerCall();
  });

  test('focus the user moved with Tab, then Enter, calls at once (the keyboard path still works)', async () => {
    const page = await open('mismatch.html');
    await waitForOurLink(page, '+1 (415) 555-0102');
    await page.locator('#extension').focus(); // the link before our number
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '+1 (415) 555-0102');
    await sleep(700);
    await page.keyboard.press('Enter');
    await victim.waitForEvent('invite');
    assert.equal(confirmations(lab.browser.context, lab.browser.extensionId).length, 0);
    await victim.decline();
  });

  test('our link moved elsewhere or restyled by the page since it was linked is not a click the user saw', async () => {
    const page = await open('moved.html');
    await waitFor(() => page.evaluate(() => (window as { tampered?: boolean }).tampered === true), { what: 'the page to move our link' });
    await humanClick(page, page.locator('#box a'));
    const first = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    assert.match((await confirmationText(first)).warnings, /could not tell/);
    await first.close();
    await humanClick(page, page.locator('a.cta'));
    await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    await assertNoAttackerCall();
  });

  test('on a site where click-to-call is off, a frame from another site gets no links and its tel: link calls nothing', async () => {
    await setClickToCall({ denyList: ['127.0.0.1'] });
    const page = await open('framed-top.html');
    const frame = await waitFor(() => page.frames().find((f) => f.url().endsWith('framed-inner.html')), { what: 'the frame' });
    await frame.locator('#inner').waitFor();
    await sleep(1500);
    assert.deepEqual(await ourLinks(frame), [], 'numbers in the frame were linked');
    await humanClick(page, frame.locator('#inner-tel'));
    await sleep(1500);
    assert.equal(await invites(victim), 0);
    assert.equal(confirmations(lab.browser.context, lab.browser.extensionId).length, 0);
  });

  test('a number in a cross-origin frame is always shown first, even on a call-at-once site', async () => {
    const page = await open('framed-top.html', lab.server.origin.replace('127.0.0.1', 'localhost'));
    const frame = await waitFor(() => page.frames().find((f) => f.url().endsWith('framed-inner.html')), { what: 'the frame' });
    await waitFor(async () => (await ourLinks(frame)).includes('+1 (415) 555-0102'), { what: 'the framed number to be linked' });
    await humanClick(page, frame.locator('#inner a').first());
    const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
    const shown = await confirmationText(window);
    assert.equal(shown.site, 'localhost');
    assert.match(shown.warnings, /another site/);
    await sleep(1000);
    assert.equal(await invites(victim), 0);
  });

  test('a double click is one call', async () => {
    const page = await open('mismatch.html');
    await waitForOurLink(page, '+1 (415) 555-0102');
    await humanClick(page, page.getByRole('link', { name: '+1 (415) 555-0102' }), 2);
    await victim.waitForEvent('invite');
    await sleep(2000);
    assert.equal(await invites(victim), 1);
    await victim.decline();
  });

  test('during a call, a click on a number holds nothing until the user confirms the new call', async () => {
    await victim.autoAnswer(true);
    try {
      const page = await open('mismatch.html');
      await waitForOurLink(page, '+1 (415) 555-0102');
      await humanClick(page, page.getByRole('link', { name: '+1 (415) 555-0102' }));
      await victim.waitForCallState('Established');
      await waitForOurLink(page, '+1 415 555 0199');
      await humanClick(page, page.getByRole('link', { name: '+1 415 555 0199' }));
      const window = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
      assert.match((await confirmationText(window)).warnings, /put on hold/);
      await sleep(1500);
      type Reply = { value: { calls: { held: boolean; state: string }[] } };
      const snapshot = await lab.browser.serviceWorker.evaluate((): Promise<Reply> =>
        chrome.runtime.sendMessage({ target: 'phone', type: 'phone.getSnapshot', payload: {} }),
      );
      assert.deepEqual(
        snapshot.value.calls.map((c) => [c.state, c.held]),
        [['active', false]],
        'the current call was put on hold or another call was placed',
      );
      assert.equal(await invites(attacker), 0);
      await victim.hangup();
    } finally {
      await victim.autoAnswer(false);
    }
  });
  test('a click while the phone is still registering (just after Chrome closed its document) waits and calls', async () => {
    // 1004's registrations take 1.5 s at the test Kamailio (a loaded PBX): the click lands while it registers.
    const options = await openOptions(lab.browser.context, lab.browser.extensionId);
    await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: aorOf('1004'), password: USERS['1004'] });
    await waitForRegistration(options, 'Registered');
    await options.close();
    try {
      const page = await open('mismatch.html');
      await waitForOurLink(page, '+1 (415) 555-0102');
      const box = await page.getByRole('link', { name: '+1 (415) 555-0102' }).boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(600);
      await lab.browser.serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await victim.waitForEvent('invite');
      await victim.decline();
    } finally {
      await setUpAccount(lab);
    }
  });
});
