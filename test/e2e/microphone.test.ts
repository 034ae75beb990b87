// Issue "A real call from the toolbar popup", point 5: a user who has not
// allowed the microphone is told what to do, both when calling and when
// answering, instead of the call failing silently (SIP.js would reject an
// incoming call with 480). Also: malformed and forbidden messages get an
// error reply and never break the router.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchedExtensionBrowser } from './harness/browser.js';
import { openOptions, openPopup, popupCalls, registrationText, waitForNoPopupCall, waitForPopupCallState } from './harness/clickdial.js';
import type { FarEnd } from './harness/far-end.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let browser: LaunchedExtensionBrowser;
let farEnd: FarEnd;
let popup: Page;

before(async () => {
  // No earlier grant: a user who never said yes.
  lab = await startPhoneLab({ microphoneGranted: false });
  ({ browser, farEnd } = lab);
  await setUpAccount(lab);
  const options = await openOptions(browser.context, browser.extensionId);
  assert.equal(await options.getByTestId('microphone-state').textContent(), 'Not yet allowed');
  await options.close();
  popup = await openPopup(browser.context, browser.extensionId);
});

after(() => lab?.stop());

describe('without the microphone', () => {
  test('calling says what to do and sends no INVITE', async () => {
    await popup.getByText('ClickDial needs your microphone for calls.').waitFor();
    await farEnd.clearEvents();
    await popup.getByLabel('Number or SIP address').fill('1002');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    const alert = popup.getByRole('alert').filter({ hasText: 'microphone' });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Allow microphone/);
    assert.deepEqual(await popupCalls(popup), []);
    await popup.waitForTimeout(500);
    assert.equal((await farEnd.state()).events.filter((e) => e.type === 'invite').length, 0);
  });

  test('answering says what to do and the call keeps ringing (no 480)', async () => {
    await farEnd.clearEvents();
    await farEnd.call(aorOf('1001'));
    await waitForPopupCallState(popup, 'Incoming call');
    await popup.getByRole('button', { name: 'Answer' }).click();
    await popup.getByRole('alert').filter({ hasText: 'may not use the microphone' }).waitFor();
    await popup.waitForTimeout(500);
    assert.equal((await popupCalls(popup))[0]?.state, 'Incoming call');
    const state = await farEnd.state();
    assert.equal(state.events.filter((e) => e.type === 'rejected').length, 0, JSON.stringify(state.events));
    assert.equal(state.calls.at(-1)?.state, 'Establishing');
    await popup.getByRole('button', { name: 'Decline' }).click();
    await waitForNoPopupCall(popup);
  });

  test('the onboarding tab opens from the popup and explains a refusal and how to undo it', async () => {
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Allow microphone' }).first().click(),
    ]);
    await tab.waitForLoadState();
    assert.match(tab.url(), /src\/options\/microphone\.html$/);
    // Headless Chromium dismisses the permission bubble: Chrome reports it as a refusal.
    await tab.getByRole('button', { name: 'Allow microphone' }).click();
    const result = tab.getByTestId('microphone-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    assert.match(text, /blocked/);
    assert.match(text, /chrome:\/\/settings\/content\/microphone/);
    // The phone learns of it: the popup now says the microphone is blocked, and the status is not "Registered".
    await popup.getByText('The microphone is blocked for ClickDial.').waitFor();
    await waitFor(async () => (await registrationText(popup)) === "Can't take calls: microphone blocked", {
      what: 'the status to say calls cannot be taken',
    });
    assert.equal(await popup.locator('.account-status .dot').first().getAttribute('class'), 'dot bad');
    const title = await browser.serviceWorker.evaluate(() => chrome.action.getTitle({}));
    assert.match(title, /can't take calls: the microphone is blocked/);
    const options = await openOptions(browser.context, browser.extensionId);
    await waitFor(async () => (await registrationText(options)) === "Can't take calls: microphone blocked", {
      what: 'the options to say so too',
    });
    await options.close();
    await tab.close();
  });
});

describe('the message router', () => {
  const send = (message: unknown) =>
    popup.evaluate((m) => chrome.runtime.sendMessage(m).catch((e: unknown) => ({ thrown: String(e) })), message);

  test('answers unknown, malformed and forbidden messages with errors, and keeps working', async () => {
    assert.deepEqual(await send({ target: 'router', type: 'phone.selfDestruct', payload: {} }), {
      ok: false,
      error: { code: 'unknown-type', message: 'Unknown message type "phone.selfDestruct".' },
    });
    assert.deepEqual(await send({ hello: 'world' }), {
      ok: false,
      error: { code: 'bad-message', message: 'Malformed message: no target.' },
    });
    assert.deepEqual(await send('just a string'), {
      ok: false,
      error: { code: 'bad-message', message: 'Malformed message: not an object.' },
    });
    const badCall = (await send({ target: 'router', type: 'phone.call', payload: { target: 42 } })) as {
      ok: boolean;
      error?: { code: string };
    };
    assert.equal(badCall.ok, false);
    assert.equal(badCall.error?.code, 'bad-message');
    const internal = (await send({ target: 'router', type: 'phone.configure', payload: { account: null, wantsOnline: false } })) as {
      ok: boolean;
      error?: { code: string };
    };
    assert.deepEqual([internal.ok, internal.error?.code], [false, 'forbidden']);
    const refused = (await send({ target: 'router', type: 'phone.call', payload: { target: 'call me maybe' } })) as {
      ok: boolean;
      error?: { message: string };
    };
    assert.equal(refused.ok, false);
    assert.match(refused.error?.message ?? '', /not a phone number or SIP address/);
    // The router still works and the phone is still registered.
    const snapshot = (await send({ target: 'router', type: 'phone.getSnapshot', payload: {} })) as {
      ok: boolean;
      value: { accounts: { registration: string }[] };
    };
    assert.deepEqual([snapshot.ok, snapshot.value.accounts.map((a) => a.registration)], [true, ['registered']]);
  });
});
