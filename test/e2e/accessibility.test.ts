// Issue 11, point 1: ClickDial as a screen-reader and keyboard user meets it.
// axe-core checks every state of the popup, the options, the microphone
// onboarding, the confirmation window and the call window in the light and the dark colour
// scheme (WCAG 2.1 A/AA and best practices, contrast measured on the page).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { encodeConfirmation, type CallConfirmation } from '../../src/shared/call-confirmation.js';
import { axeViolations, formatViolation, type AxeViolation } from './harness/axe.js';
import { launchBrowser, openExtensionPage, type LaunchedExtensionBrowser } from './harness/browser.js';
import { card, dtmfTonesPlayed, recordDtmfTones, waitForCardState } from './harness/call-controls.js';
import { MICROPHONE, fillAccountForm, openOptions, openPopup, waitForNoPopupCall, waitForRegistration } from './harness/clickdial.js';
import { CONFIRM } from './harness/confirmation.js';
import { CALL_WINDOW_PAGE } from '../../src/shared/call-window.js';
import type { FarEnd } from './harness/far-end.js';
import { startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { USERS, aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let browser: LaunchedExtensionBrowser;
let b: FarEnd; // 1002
let c: FarEnd; // 1003
const ME = aorOf('1001');

before(async () => {
  lab = await startPhoneLab({ farEnds: ['1002', '1003'] });
  browser = lab.browser;
  b = lab.far['1002']!;
  c = lab.far['1003']!;
});

after(() => lab?.stop());

function assertNone(found: AxeViolation[]): void {
  assert.equal(found.length, 0, `axe found ${found.length} violation(s):\n${found.map(formatViolation).join('\n')}`);
}

/** What has keyboard focus: its accessible name as a user hears it (aria-label, else text), and its call card's party. */
async function focused(page: Page): Promise<{ name: string; party: string; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    return {
      name: (el?.getAttribute('aria-label') ?? labelled ?? el?.textContent ?? '').trim(),
      party: el?.closest('article.call')?.querySelector('.call-name')?.textContent ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
    };
  });
}

const named = (name: string, expected: string | RegExp) => (typeof expected === 'string' ? name === expected : expected.test(name));

async function waitForFocus(page: Page, name: string | RegExp, party = ''): Promise<void> {
  await waitFor(
    async () => {
      const now = await focused(page);
      return named(now.name, name) && (party === '' || now.party === party);
    },
    {
      what: `focus on "${name}"${party ? ` of the call with ${party}` : ''} (it is on ${JSON.stringify(await focused(page))})`,
      timeoutMs: 5000,
    },
  );
}

/** Presses Tab (Shift+Tab with `back`) until focus is on `name`: how a keyboard user gets to a control. */
async function tabTo(page: Page, name: string | RegExp, { back = false, party = '' } = {}): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    const now = await focused(page);
    if (named(now.name, name) && (party === '' || now.party === party)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${String(name)}" (focus is on ${JSON.stringify(await focused(page))})`);
}

/** The live regions' words (the no-break space that makes a repeat heard again left out). */
async function spoken(page: Page, which: 'polite' | 'assertive'): Promise<string> {
  return ((await page.getByTestId(`live-${which}`).textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

async function waitForSpoken(page: Page, which: 'polite' | 'assertive', expected: string | RegExp): Promise<void> {
  await waitFor(
    async () => {
      const text = await spoken(page, which);
      return typeof expected === 'string' ? text === expected : expected.test(text);
    },
    { what: `the ${which} live region to say ${String(expected)} (it says "${await spoken(page, which)}")`, timeoutMs: 8000 },
  );
}

/** Ends the far ends' calls: a test that failed half-way leaves none behind for the next. */
async function endCalls(): Promise<void> {
  for (const far of [b, c]) {
    await far.autoAnswer(false);
    for (const call of (await far.state()).calls.filter((x) => x.state !== 'Terminated')) await far.hangup(call.id).catch(() => undefined);
  }
}

async function dialFromPopup(popup: Page, target: string): Promise<void> {
  const input = popup.getByLabel('Number or SIP address');
  if (!(await input.isVisible())) await popup.getByRole('button', { name: 'New call' }).click();
  await input.fill(target);
  await popup.getByRole('button', { name: 'Call', exact: true }).click();
}

describe('accessibility', () => {
  test('axe: no critical, serious or moderate violation in any state, light and dark', async () => {
    const found: AxeViolation[] = [];
    const check = async (page: Page, state: string) => found.push(...(await axeViolations(page, state)));

    const popup = await openPopup(browser.context, browser.extensionId);
    await waitForRegistration(popup, 'Not set up');
    await check(popup, 'popup, not set up');

    const options = await openOptions(browser.context, browser.extensionId);
    await options.locator('form.account').waitFor();
    await options.locator('input[name=maxCalls]').waitFor();
    await check(options, 'options, no account');
    await fillAccountForm(options, { server: 'https://pbx.example.com', aor: 'nope', password: '' });
    await options.locator('form.account [role=alert]').first().waitFor();
    await check(options, 'options, account form errors');

    const microphone = await openExtensionPage(browser.context, browser.extensionId, MICROPHONE);
    await microphone.getByTestId('microphone-result').waitFor();
    await check(microphone, 'onboarding, allowed');
    await microphone.close();

    await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: ME, password: USERS['1001'], displayName: 'Ada Agent' });
    await waitForRegistration(options, 'Registered');
    await options.getByRole('button', { name: /^Remove / }).click();
    await options.getByRole('button', { name: 'Keep' }).waitFor();
    await check(options, 'options, registered, asked to remove the account');
    await options.getByRole('button', { name: 'Keep' }).click();
    await options.locator('input[name=maxCalls]').fill('0');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('textarea[name=allowList]').fill('not a host!');
    await options.getByRole('button', { name: 'Save click-to-call settings' }).click();
    await options.getByTestId('click-to-call-status').waitFor();
    await options.getByRole('button', { name: 'Test microphone' }).click();
    await check(options, 'options, settings errors and the microphone test');
    await options.getByRole('button', { name: 'Stop microphone test' }).click();
    await options.locator('input[name=maxCalls]').fill('2');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();

    await popup.bringToFront();
    await waitForRegistration(popup, 'Registered');
    await check(popup, 'popup, registered');
    await dialFromPopup(popup, 'not a number!');
    await popup.getByRole('alert', { name: 'Error' }).waitFor();
    await check(popup, 'popup, error banner');
    await popup.getByRole('button', { name: 'Dismiss' }).click();

    // An outgoing call that rings, then is answered.
    await dialFromPopup(popup, '1002');
    await waitForCardState(popup, '1002', 'Ringing…');
    await check(popup, 'popup, outgoing call ringing');
    await b.answer();
    await waitForCardState(popup, '1002', 'In call');
    await check(popup, 'popup, in call');
    // The call window shows the same call (opened here as a tab: the harness keeps it from opening by itself).
    const callWindow = await openExtensionPage(browser.context, browser.extensionId, CALL_WINDOW_PAGE);
    await waitForCardState(callWindow, '1002', 'In call');
    await check(callWindow, 'call window, in call');
    await callWindow.close();
    await popup.bringToFront();
    await card(popup, '1002').getByRole('button', { name: 'Keypad' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Tone 5' }).click();
    await check(popup, 'popup, keypad open');
    await card(popup, '1002').getByRole('button', { name: 'Keypad' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Transfer' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Transfer now' }).click();
    await card(popup, '1002').getByRole('alert').waitFor();
    await check(popup, 'popup, transfer open (with its error)');
    await card(popup, '1002').getByRole('button', { name: 'Close transfer' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Hold' }).click();
    await waitForCardState(popup, '1002', 'On hold');
    await check(popup, 'popup, call on hold');
    await card(popup, '1002').getByRole('button', { name: 'Resume' }).click();
    await waitForCardState(popup, '1002', 'In call');

    // A second caller while in a call: call waiting.
    await c.call(ME);
    await waitForCardState(popup, '1003', 'Call waiting');
    await check(popup, 'popup, call waiting');
    await card(popup, '1003').getByRole('button', { name: 'Decline' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
    await check(popup, 'popup, after a call');

    // An incoming call alone.
    await b.call(ME);
    await waitForCardState(popup, '1002', 'Incoming call');
    await check(popup, 'popup, incoming call ringing');
    const ringingWindow = await openExtensionPage(browser.context, browser.extensionId, CALL_WINDOW_PAGE);
    await waitForCardState(ringingWindow, '1002', 'Incoming call');
    await check(ringingWindow, 'call window, incoming call ringing');
    await card(ringingWindow, '1002').getByRole('button', { name: 'Decline' }).click();
    await waitForNoPopupCall(ringingWindow);
    await check(ringingWindow, 'call window, no call (the dial pad)');
    await ringingWindow.close();
    await popup.bringToFront();
    await waitForNoPopupCall(popup);

    // A refused outgoing call leaves its notice.
    await b.clearEvents();
    const declined = b.waitForEvent('invite').then(() => b.decline(486));
    await dialFromPopup(popup, '1002');
    await declined;
    await popup.locator('.banner.notice').waitFor();
    await check(popup, 'popup, a refused call (notice)');

    await popup.getByRole('tab', { name: 'History' }).click();
    await popup.locator('.history-entry').first().waitFor();
    await check(popup, 'popup, history');

    await b.message(ME, 'Hello from 1002');
    await popup.getByRole('tab', { name: 'Messages (1)' }).click();
    await popup.getByRole('button', { name: 'Conversation with 1002' }).waitFor();
    await check(popup, 'popup, messages with one unread');
    await popup.getByRole('button', { name: 'Conversation with 1002' }).click();
    await popup.locator('.message.in').waitFor();
    await check(popup, 'popup, a conversation');
    await popup.getByRole('button', { name: '‹ Messages' }).click();
    await popup.getByRole('button', { name: 'New message' }).click();
    await popup.getByRole('button', { name: 'Send' }).click();
    await popup.getByText('Type a message to send.').waitFor();
    await check(popup, 'popup, new message with its error');
    await popup.getByRole('tab', { name: 'Phone' }).click();

    // A registration that fails.
    await options.bringToFront();
    await options.locator('input[name=password]').fill('not-the-password');
    await options.getByRole('button', { name: 'Save and connect' }).click();
    await waitForRegistration(options, 'Registration failed');
    await check(options, 'options, registration failed');
    await popup.bringToFront();
    await waitForRegistration(popup, 'Registration failed');
    await check(popup, 'popup, registration failed');
    await options.locator('input[name=password]').fill(USERS['1001']);
    await options.getByRole('button', { name: 'Save and connect' }).click();
    await waitForRegistration(popup, 'Registered');
    await options.close();

    // The confirmation window, with warnings and the call-at-once offer, and broken.
    const confirmation: CallConfirmation = {
      dial: '+19005550123',
      site: 'crm.example',
      source: 'link',
      text: 'Call support',
      reasons: ['asked', 'text-differs', 'high-cost', 'not-seen'],
      region: 'US',
    };
    const confirm = await openExtensionPage(browser.context, browser.extensionId, `${CONFIRM}#${encodeConfirmation(confirmation)}`);
    await confirm.getByTestId('confirm-warnings').waitFor();
    await check(confirm, 'confirmation window');
    await confirm.close();
    const broken = await openExtensionPage(browser.context, browser.extensionId, `${CONFIRM}#broken`);
    await broken.getByRole('alert').waitFor();
    await check(broken, 'confirmation window, broken');
    await broken.close();
    await popup.close();

    assertNone(found);
  });

  test('live regions say calls ringing, waiting, answered, held and ended with how, registration changes and new messages', async () => {
    await endCalls();
    const popup = await openPopup(browser.context, browser.extensionId);
    await waitForRegistration(popup, 'Registered');
    await waitForNoPopupCall(popup);
    assert.equal(await spoken(popup, 'polite'), '', 'the state the popup opens with is shown, not said');

    await b.call(ME);
    await waitForSpoken(popup, 'assertive', 'Incoming call from 1002.');
    await waitForFocus(popup, 'Answer', '1002');
    await card(popup, '1002').getByRole('button', { name: 'Answer' }).click();
    await waitForSpoken(popup, 'polite', 'In call with 1002.');
    await card(popup, '1002').getByRole('button', { name: 'Hold' }).click();
    await waitForSpoken(popup, 'polite', '1002 is on hold.');
    await card(popup, '1002').getByRole('button', { name: 'Resume' }).click();
    await waitForSpoken(popup, 'polite', 'Back in the call with 1002.');

    await c.call(ME);
    await waitForSpoken(popup, 'assertive', 'Call waiting: 1003 is calling.');
    await waitForFocus(popup, 'Hold and answer', '1003');
    await card(popup, '1003').getByRole('button', { name: 'Decline' }).click();
    await waitForSpoken(popup, 'polite', 'Declined the call from 1003.');
    await b.hangup();
    await waitForSpoken(popup, 'polite', /^Call with 1002 ended after \d+ seconds?\.$/);

    // Refused: the reason is said.
    await b.clearEvents();
    const refused = b.waitForEvent('invite').then(() => b.decline(486));
    await dialFromPopup(popup, '1002');
    await refused;
    await waitForSpoken(popup, 'polite', 'Call to 1002 failed: Busy (486 Busy Here).');
    // The caller gives up: missed.
    await b.call(ME);
    await waitForSpoken(popup, 'assertive', 'Incoming call from 1002.');
    await b.hangup();
    await waitForSpoken(popup, 'polite', 'Missed call from 1002.');

    await b.message(ME, 'Can you call me back?');
    await waitForSpoken(popup, 'polite', 'New message from 1002: Can you call me back?');

    // A registration change is said in the popup and in the options.
    const options = await openOptions(browser.context, browser.extensionId);
    await waitFor(async () => (await options.locator('input[name=aor]').inputValue()) === ME, { what: 'the saved account to load' });
    await options.locator('input[name=password]').fill('not-the-password');
    await options.getByRole('button', { name: 'Save and connect' }).click();
    const failed = /^1001@clickdial\.test: Registration failed\. Wrong user name or password/;
    await waitForSpoken(options, 'polite', failed);
    await waitForSpoken(popup, 'polite', failed);
    await options.locator('input[name=password]').fill(USERS['1001']);
    await options.getByRole('button', { name: 'Save and connect' }).click();
    await waitForSpoken(options, 'polite', '1001@clickdial.test: Registered.');
    await waitForSpoken(popup, 'polite', '1001@clickdial.test: Registered.');
    await options.close();
    await popup.close();
  });

  test('keyboard only: dial, hold, key tones, transfer, answer, messages and a setting, focus where the user is', async () => {
    await endCalls();
    await b.autoAnswer(true);
    await c.autoAnswer(true);
    const popup = await openPopup(browser.context, browser.extensionId);
    await waitForRegistration(popup, 'Registered');
    await waitForNoPopupCall(popup);
    const keys = popup.keyboard;

    // Dial: the dial field has focus when the popup opens; Enter calls; focus goes to Hang up.
    await waitForFocus(popup, 'Number or SIP address');
    await keys.type('1002');
    await keys.press('Enter');
    await waitForCardState(popup, '1002', 'In call');
    await waitForFocus(popup, 'Hang up', '1002');

    // Hold and resume: focus stays on the control (Hold becomes Resume and back).
    await tabTo(popup, 'Hold', { back: true });
    await keys.press('Enter');
    await waitForCardState(popup, '1002', 'On hold');
    await waitForFocus(popup, 'Resume', '1002');
    await keys.press('Enter');
    await waitForCardState(popup, '1002', 'In call');
    await waitForFocus(popup, 'Hold', '1002');

    // Key tones from the keyboard with the keypad open; Escape closes it and focus is back on Keypad.
    await recordDtmfTones(browser.context);
    await tabTo(popup, 'Keypad');
    await keys.press('Enter');
    await card(popup, '1002').getByRole('group', { name: 'Key tones' }).waitFor();
    await keys.press('4');
    await keys.press('2');
    await keys.press('#');
    await waitFor(async () => (await dtmfTonesPlayed(browser.context)) === '42#', { what: 'the tones 42# to be played' });
    assert.equal(await card(popup, '1002').locator('.dtmf-sent').textContent(), '42#');
    await keys.press('Escape');
    await card(popup, '1002').getByRole('group', { name: 'Key tones' }).waitFor({ state: 'detached', timeout: 5000 });
    await waitForFocus(popup, 'Keypad', '1002');

    // Transfer: the field takes focus; Escape closes it back to Transfer; then a blind transfer to 1003.
    await tabTo(popup, 'Transfer');
    await keys.press('Enter');
    await waitForFocus(popup, 'Transfer to');
    await keys.press('Escape');
    await waitForFocus(popup, 'Transfer', '1002');
    await keys.press('Enter');
    await waitForFocus(popup, 'Transfer to');
    await c.clearEvents();
    await keys.type('1003');
    await keys.press('Enter');
    await c.waitForCallState('Established');
    await waitForNoPopupCall(popup);
    // The call is gone: focus is back in the dial field.
    await waitForFocus(popup, 'Number or SIP address');
    await c.hangup().catch(() => undefined);

    // Answer: a ringing call takes focus to Answer, wherever it was.
    await keys.type('55');
    await b.call(ME);
    await waitForFocus(popup, 'Answer', '1002');
    await keys.press('Enter');
    await waitForCardState(popup, '1002', 'In call');
    await waitForFocus(popup, 'Hang up', '1002');
    await keys.press('Enter');
    await waitForNoPopupCall(popup);
    await waitForFocus(popup, 'Number or SIP address');

    // Messages: the arrows move between tabs; a new message; Escape back to the list, on its conversation.
    await tabTo(popup, 'Phone', { back: true });
    await keys.press('ArrowRight');
    await keys.press('ArrowRight');
    await waitForFocus(popup, /^Messages/);
    assert.equal(await popup.locator('#tab-messages').getAttribute('aria-selected'), 'true');
    await tabTo(popup, 'New message');
    await keys.press('Enter');
    await waitForFocus(popup, 'Message to');
    await keys.type('1002');
    await keys.press('Tab');
    await waitForFocus(popup, 'Message');
    await keys.type('Sent with the keyboard');
    await b.clearEvents();
    await tabTo(popup, 'Send');
    await keys.press('Enter');
    assert.equal((await b.waitForEvent('message')).detail.body, 'Sent with the keyboard');
    await popup.locator('.message.out', { hasText: 'Sent with the keyboard' }).waitFor();
    await waitForFocus(popup, 'Message');
    await keys.press('Escape');
    await popup.getByRole('button', { name: /^Conversation with 1002/ }).waitFor();
    // The list is drawn first, and focus put on its button after (the focus keeper's retries).
    await waitForFocus(popup, /^Conversation with 1002/);
    await tabTo(popup, 'Messages', { back: true });
    await keys.press('Home');
    await waitForFocus(popup, 'Phone');
    await popup.close();

    // A setting: 'Calls at once' by its label, Enter saves; Escape takes back a question.
    const options = await openOptions(browser.context, browser.extensionId);
    await options.locator('input[name=maxCalls]').waitFor();
    await tabTo(options, 'Calls at once');
    await options.keyboard.press('Control+A');
    await options.keyboard.type('3');
    await options.keyboard.press('Enter');
    await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = await options.evaluate(() => chrome.storage.local.get('phoneSettings'));
    assert.equal((saved.phoneSettings as { maxCalls: number }).maxCalls, 3);
    await tabTo(options, 'Remove 1001@clickdial.test', { back: true });
    await options.keyboard.press('Enter');
    await waitForFocus(options, 'Keep');
    await options.keyboard.press('Escape');
    await waitForFocus(options, 'Remove 1001@clickdial.test');
    await options.close();
    await b.autoAnswer(false);
    await c.autoAnswer(false);
  });

  test('axe: the microphone warnings and the onboarding before and after a refusal, light and dark', async () => {
    // Another user, who never allowed the microphone (the lab's browser has it allowed).
    const fresh = await launchBrowser({ micUi: 'none' });
    try {
      const found: AxeViolation[] = [];
      const options = await openOptions(fresh.context, fresh.extensionId);
      await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: aorOf('1004'), password: USERS['1004'] });
      await waitForRegistration(options, 'Registered');
      await options.getByTestId('microphone-state').filter({ hasText: 'Not yet allowed' }).waitFor();
      found.push(...(await axeViolations(options, 'options, microphone not allowed')));
      const popup = await openPopup(fresh.context, fresh.extensionId);
      await popup.getByText('ClickDial needs your microphone for calls.').waitFor();
      found.push(...(await axeViolations(popup, 'popup, microphone warning')));
      const microphone = await openExtensionPage(fresh.context, fresh.extensionId, MICROPHONE);
      await microphone.getByRole('button', { name: 'Allow microphone' }).waitFor();
      found.push(...(await axeViolations(microphone, 'onboarding, not asked yet')));
      // Headless Chromium dismisses the permission bubble: a refusal.
      await microphone.getByRole('button', { name: 'Allow microphone' }).click();
      await microphone.getByTestId('microphone-result').filter({ hasText: 'blocked' }).waitFor();
      found.push(...(await axeViolations(microphone, 'onboarding, refused')));
      await popup.bringToFront();
      await popup.getByText('The microphone is blocked for ClickDial.').waitFor();
      await waitFor(async () => (await popup.getByTestId('registration-state').textContent())?.includes('microphone blocked'), {
        what: 'the popup to say the microphone is blocked',
      });
      found.push(...(await axeViolations(popup, 'popup, microphone blocked')));
      assertNone(found);
    } finally {
      await fresh.close();
    }
  });
});
