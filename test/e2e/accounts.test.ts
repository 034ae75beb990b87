// Issue 9, point 6: several SIP accounts. Two Kamailio servers on loopback,
// each serving its own domain, a far end 1002 on each; ClickDial signs in to
// both through the options page, calls and is called on each, keeps one
// working while the other has a wrong password, and names the line on calls,
// the history and messages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { extensionIdOf, launchBrowser, type LaunchedExtensionBrowser } from './harness/browser.js';
import { card, dial, waitForCardState } from './harness/call-controls.js';
import { fillAccountForm, openOptions, openPopup, setClickToCall, waitForNoPopupCall } from './harness/clickdial.js';
import { waitForConfirmation } from './harness/confirmation.js';
import { openFarEnd, type FarEnd } from './harness/far-end.js';
import { startFarEndServer, type FarEndServer } from './harness/far-end-server.js';
import { startKamailio, type KamailioServer } from './harness/kamailio.js';
import { USERS } from './harness/users.js';
import { waitFor } from './harness/wait.js';

const SECOND = 'second.test';
let kamA: KamailioServer;
let kamB: KamailioServer;
let server: FarEndServer;
let browser: LaunchedExtensionBrowser;
let farA: FarEnd; // 1002@clickdial.test, on server A
let farB: FarEnd; // 1002@second.test, on server B
let options: Page;
let popup: Page;
const ME_A = 'sip:1001@clickdial.test';
const ME_B = `sip:1001@${SECOND}`;

/** Each account row of a page (options or popup): its address and its state in words. */
async function accountStates(page: Page, rows: string): Promise<Record<string, string>> {
  const entries = await page
    .locator(rows)
    .evaluateAll((els) =>
      els.map((el) => [
        el.querySelector('.aor, .account-aor')?.textContent?.replace(/ \(default.*\)$/, '') ?? '',
        el.querySelector('[data-testid=registration-state]')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(entries);
}

async function waitForStates(page: Page, rows: string, want: Record<string, string>): Promise<void> {
  await waitFor(async () => JSON.stringify(await accountStates(page, rows)) === JSON.stringify(want), {
    what: `accounts ${JSON.stringify(want)} on ${page.url()} (now ${JSON.stringify(await accountStates(page, rows).catch(() => ({})))})`,
  });
}

const OPTION_ROWS = 'li.account-row';
const POPUP_ROWS = '.account-status';

before(async () => {
  [kamA, kamB, server] = await Promise.all([startKamailio(), startKamailio({ domain: SECOND }), startFarEndServer()]);
  browser = await launchBrowser({ headless: true, micUi: 'none', grantMicrophoneTo: extensionIdOf('dist') });
  await browser.context.grantPermissions(['microphone'], { origin: server.origin });
  [farA, farB] = await Promise.all([openFarEnd(browser.context, server, 'far-a'), openFarEnd(browser.context, server, 'far-b')]);
  await farA.register(kamA.wsUrl, '1002');
  await farB.register(kamB.wsUrl, '1002', undefined, SECOND);
});

after(async () => {
  await Promise.all([farA, farB].map((f) => f?.close().catch(() => undefined)));
  await browser?.close();
  await Promise.all([server?.close(), kamA?.stop(), kamB?.stop()]);
});

describe('several SIP accounts', () => {
  test('two accounts are added in the options; each registers with its own server', async () => {
    options = await openOptions(browser.context, browser.extensionId);
    await fillAccountForm(options, { server: kamA.wsUrl, aor: ME_A, password: USERS['1001'] });
    await waitForStates(options, OPTION_ROWS, { '1001@clickdial.test': 'Registered' });
    await options.getByRole('button', { name: 'Add account' }).click();
    await waitFor(async () => (await options.locator('input[name=aor]').inputValue()) === '', { what: 'an empty form' });
    await fillAccountForm(options, { server: kamB.wsUrl, aor: ME_B, password: USERS['1001'] });
    await waitForStates(options, OPTION_ROWS, { '1001@clickdial.test': 'Registered', '1001@second.test': 'Registered' });

    popup = await openPopup(browser.context, browser.extensionId);
    await waitForStates(popup, POPUP_ROWS, { '1001@clickdial.test': 'Registered', '1001@second.test': 'Registered' });
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('accounts'));
    const accounts = stored.accounts as { accounts: { id: string; account: { aor: string } }[]; defaultId: string };
    assert.deepEqual(
      accounts.accounts.map((a) => a.account.aor),
      [ME_A, ME_B],
    );
    assert.equal(accounts.defaultId, accounts.accounts[0]?.id, 'the first account is the default');
  });

  test('calls go out on the default account, or on the one chosen in the dialer', async () => {
    await farA.clearEvents();
    await farB.clearEvents();
    await farA.autoAnswer(true);
    await farB.autoAnswer(true);
    try {
      await dial(popup, '1002');
      await waitForCardState(popup, '1002', 'In call');
      assert.equal(await card(popup, '1002').getByTestId('call-line').textContent(), 'From 1001@clickdial.test');
      await farA.waitForCallState('Established');
      assert.equal((await farB.state()).calls.length, 0, 'the second server saw no call');
      await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
      await farA.waitForEvent('bye-received');
      await waitForNoPopupCall(popup);

      await popup.getByLabel('Call from').selectOption({ label: '1001@second.test' });
      await dial(popup, '1002');
      await waitForCardState(popup, '1002', 'In call');
      assert.equal(await card(popup, '1002').getByTestId('call-line').textContent(), 'From 1001@second.test');
      const call = await farB.waitForCallState('Established');
      assert.equal(call.remoteUri?.replace(/;.*$/, ''), ME_B, 'the far end on the second server sees our second address');
      assert.equal((await farA.state()).calls.filter((c) => c.state !== 'Terminated').length, 0);
      await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
      await farB.waitForEvent('bye-received');
      await waitForNoPopupCall(popup);
    } finally {
      await farA.autoAnswer(false);
      await farB.autoAnswer(false);
    }
    // The history says which line each call was on.
    await popup.getByRole('tab', { name: 'History' }).click();
    const kinds = await popup.locator('.history-kind').allTextContents();
    assert.deepEqual(kinds.slice(0, 2), ['Outgoing · from 1001@second.test', 'Outgoing · from 1001@clickdial.test']);
    await popup.getByRole('tab', { name: 'Phone' }).click();
  });

  test('an incoming call shows the account it came in on, on each account', async () => {
    await farB.clearEvents();
    await farB.call(ME_B);
    await waitForCardState(popup, '1002', 'Incoming call');
    assert.equal(await card(popup, '1002').getByTestId('call-line').textContent(), 'To 1001@second.test');
    await card(popup, '1002').getByRole('button', { name: 'Answer' }).click();
    await waitForCardState(popup, '1002', 'In call');
    await farB.waitForCallState('Established');
    await farB.hangup();
    await waitForNoPopupCall(popup);

    await farA.clearEvents();
    await farA.call(ME_A);
    await waitForCardState(popup, '1002', 'Incoming call');
    assert.equal(await card(popup, '1002').getByTestId('call-line').textContent(), 'To 1001@clickdial.test');
    await card(popup, '1002').getByRole('button', { name: 'Decline' }).click();
    const rejected = await farA.waitForEvent('rejected');
    assert.equal(rejected.detail.statusCode, 486);
    await waitForNoPopupCall(popup);
  });

  test('a message to the second account is answered from it', async () => {
    await farB.clearEvents();
    await farB.message(ME_B, 'Hello on the second line');
    await popup.getByRole('tab', { name: /Messages/ }).click();
    await popup.getByRole('button', { name: 'Conversation with 1002' }).click();
    assert.equal(await popup.locator('.conversation-line').textContent(), 'on 1001@second.test');
    await popup.getByLabel('Message', { exact: true }).fill('Answered from the second line');
    await popup.getByRole('button', { name: 'Send' }).click();
    const received = await farB.waitForEvent('message');
    assert.equal(received.detail.body, 'Answered from the second line');
    await popup.getByRole('tab', { name: 'Phone' }).click();
  });

  test('a wrong password on one account says so there, while the other keeps working', async () => {
    await options.bringToFront();
    await options.getByRole('button', { name: 'Edit 1001@second.test' }).click();
    await waitFor(async () => (await options.locator('input[name=aor]').inputValue()) === ME_B, { what: 'the second account in the form' });
    await options.locator('input[name=password]').fill('not-the-password');
    await options.getByRole('button', { name: 'Save and connect' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@clickdial.test': 'Registered', '1001@second.test': 'Registration failed' });
    const errors = await popup.locator(`${POPUP_ROWS} [data-testid=registration-error]`).allTextContents();
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /Wrong user name or password/);
    const title = await browser.serviceWorker.evaluate(() => chrome.action.getTitle({}));
    assert.match(title, /1001@second\.test: Wrong user name or password/);

    // The first account still takes calls.
    await farA.clearEvents();
    await farA.call(ME_A);
    await waitForCardState(popup, '1002', 'Incoming call');
    await card(popup, '1002').getByRole('button', { name: 'Decline' }).click();
    await farA.waitForEvent('rejected');
    await waitForNoPopupCall(popup);

    await options.locator('input[name=password]').fill(USERS['1001']);
    await options.getByRole('button', { name: 'Save and connect' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@clickdial.test': 'Registered', '1001@second.test': 'Registered' });
  });

  test('accounts are disconnected, made default, reordered and removed in the options', async () => {
    await options.getByRole('listitem', { name: '1001@clickdial.test' }).getByRole('button', { name: 'Disconnect' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@clickdial.test': 'Offline', '1001@second.test': 'Registered' });
    await popup.getByRole('button', { name: 'Go online as 1001@clickdial.test' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@clickdial.test': 'Registered', '1001@second.test': 'Registered' });

    await options.getByRole('button', { name: 'Make 1001@second.test the default' }).click();
    await options.getByRole('button', { name: 'Move 1001@second.test up' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@second.test': 'Registered', '1001@clickdial.test': 'Registered' });
    // The dialer now starts on the new default.
    assert.equal(await popup.getByLabel('Call from').locator('option:checked').textContent(), '1001@second.test');

    // A number clicked on a page goes out on the default account, and the confirmation says so.
    await setClickToCall(browser.serviceWorker);
    const page = await browser.context.newPage();
    await page.goto(server.fixtureUrl('click-to-call.html'));
    const link = page.getByRole('link', { name: '+1 (415) 555-0102' }).first();
    await link.hover();
    await new Promise((r) => setTimeout(r, 400));
    await link.click();
    const confirm = await waitForConfirmation(browser.context, browser.extensionId);
    assert.equal(await confirm.getByTestId('confirm-line').textContent(), '1001@second.test');
    await farB.clearEvents();
    await farB.autoAnswer(true);
    try {
      await confirm.locator('button.call[data-armed=true]').click();
      await farB.waitForCallState('Established');
      // The card writes the number as people in the default country (US) do.
      await waitForCardState(popup, '(415) 555-0102', 'In call');
      assert.equal(await card(popup, '(415) 555-0102').getByTestId('call-line').textContent(), 'From 1001@second.test');
      await card(popup, '(415) 555-0102').getByRole('button', { name: 'Hang up' }).click();
      await farB.waitForEvent('bye-received');
      await waitForNoPopupCall(popup);
    } finally {
      await farB.autoAnswer(false);
      await page.close();
    }

    await options.getByRole('button', { name: 'Remove 1001@clickdial.test' }).click();
    await options.getByRole('group', { name: 'Remove 1001@clickdial.test?' }).getByRole('button', { name: 'Remove' }).click();
    await waitForStates(popup, POPUP_ROWS, { '1001@second.test': 'Registered' });
    await waitForStates(options, OPTION_ROWS, { '1001@second.test': 'Registered' });
    // Removed means unregistered: a call to the removed address no longer reaches us.
    await farA.clearEvents();
    await farA.call(ME_A);
    const rejected = await farA.waitForEvent('rejected');
    assert.equal(rejected.detail.statusCode, 480);
    assert.equal(await popup.locator('article.call').count(), 0);
    assert.equal(await popup.getByLabel('Call from').count(), 0, 'one account: no line to choose');
  });
});
