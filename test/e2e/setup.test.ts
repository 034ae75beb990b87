// Issue 11, point 3: installing opens a short setup (account, microphone,
// click-to-call, a test call, pinning the icon); errors in plain words with
// "Retry now", which reconnects at once; skippable, resumable, keyboard usable.
// Real Chromium with the built extension installed into a fresh profile, real
// Kamailio (behind the tests' own TCP proxy), a far-end phone as 1002.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolation } from './harness/axe.js';
import { FIRST_RUN_PAGE } from './harness/browser.js';
import { OPTIONS } from './harness/clickdial.js';
import { startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { startMuteWebSocketServer, type OddServer } from './harness/odd-servers.js';
import { startTcpProxy, type TcpProxy } from './harness/tcp-proxy.js';
import { USERS, aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let setup: Page;
let proxy: TcpProxy;
let mute: OddServer;

const registration = async (): Promise<string> =>
  (await setup
    .getByTestId('setup-registration')
    .textContent()
    .catch(() => '')) ?? '';
const step = (): Promise<string | null> => setup.locator('section.step').getAttribute('data-step');

before(async () => {
  lab = await startPhoneLab({ firstRun: 'keep' });
  mute = await startMuteWebSocketServer();
  // The account's server, as far as the phone knows: first a server that takes the WebSocket and never answers SIP.
  proxy = await startTcpProxy(Number(new URL(mute.wsUrl).port));
});

after(async () => {
  await proxy?.close();
  await mute?.close();
  await lab?.stop();
});

/** axe-core on the setup as it is now, light and dark (as for every surface: test/e2e/accessibility.test.ts). */
async function noAxeViolations(state: string): Promise<void> {
  const found = await axeViolations(setup, state);
  assert.equal(found.length, 0, `axe found ${found.length} violation(s):\n${found.map(formatViolation).join('\n')}`);
}

describe('the first-run setup', () => {
  test('installing opens it in a tab, at the account step', async () => {
    const page = lab.browser.firstRunPage;
    assert.ok(page, 'a tab opened on install');
    setup = page;
    assert.equal(setup.url(), `chrome-extension://${lab.browser.extensionId}/${FIRST_RUN_PAGE}`);
    await setup.getByRole('heading', { level: 1, name: 'Set up ClickDial' }).waitFor();
    assert.equal(await step(), 'account');
    assert.equal(await setup.getByRole('button', { name: /1\. Your SIP account/ }).getAttribute('aria-current'), 'step');
  });

  test('the account step says a server that does not answer in plain words; "Retry now" reconnects at once', async () => {
    const form = setup.locator('form.account');
    await form.locator('input[name=server]').fill(proxy.wsUrl);
    await form.locator('input[name=aor]').fill(aorOf('1001'));
    await form.locator('input[name=password]').fill(USERS['1001']);
    await form.getByRole('button', { name: 'Save and connect' }).click();
    const error = setup.getByTestId('setup-registration-error');
    await error.filter({ hasText: /has not answered the registration/ }).waitFor({ timeout: 8000 });
    await noAxeViolations('setup, account step with a registration error');
    // The server is right now, but the phone's connection is still to the mute one: on its own it would wait.
    proxy.retarget(lab.kamailio.port);
    await setup.waitForTimeout(2000);
    assert.notEqual(await registration(), 'Registered');
    const at = Date.now();
    await setup.getByRole('button', { name: 'Retry now' }).click();
    await waitFor(async () => (await registration()) === 'Registered', {
      timeoutMs: 5000,
      what: `Registered (now "${await registration()}")`,
    });
    const tookMs = Date.now() - at;
    assert.ok(tookMs < 2000, `registered ${tookMs} ms after Retry now`);
    assert.equal(await error.count(), 0, 'the error is gone');
    assert.equal(await setup.getByRole('button', { name: 'Retry now' }).count(), 0);
    await noAxeViolations('setup, account step registered');
  });

  test('Next moves on by keyboard, focus on the new step; the microphone step says it is allowed', async () => {
    await setup.getByRole('button', { name: 'Next' }).focus();
    await setup.keyboard.press('Enter');
    await waitFor(async () => (await step()) === 'microphone', { what: 'the microphone step' });
    await waitFor(async () => (await setup.evaluate(() => document.activeElement?.id)) === 'step-heading', {
      what: 'focus on the new step heading',
    });
    await setup.getByTestId('microphone-result').filter({ hasText: 'Microphone allowed' }).waitFor();
    await noAxeViolations('setup, microphone step');
    assert.match((await setup.getByRole('button', { name: /1\. Your SIP account/ }).textContent()) ?? '', /\(done\)/);
  });

  test('the click-to-call step explains the permission and says it is on', async () => {
    await setup.getByRole('button', { name: 'Next' }).click();
    await waitFor(async () => (await step()) === 'click-to-call', { what: 'the click-to-call step' });
    assert.match(await setup.locator('section.step').innerText(), /Read and change all your data on all websites/);
    await setup.getByTestId('host-access-state').filter({ hasText: 'Click-to-call is on for all sites' }).waitFor();
    await noAxeViolations('setup, click-to-call step');
  });

  test('a test call reaches the far end, shows its state, and hangs up', async () => {
    await setup.getByRole('button', { name: 'Next' }).click();
    await waitFor(async () => (await step()) === 'test-call', { what: 'the test call step' });
    await lab.farEnd.clearEvents();
    await setup.getByLabel('Number to call').fill('1002');
    await setup.getByRole('button', { name: 'Call', exact: true }).click();
    await lab.farEnd.waitForEvent('invite');
    const state = setup.getByTestId('test-call-state');
    await state.filter({ hasText: 'Ringing' }).waitFor();
    await lab.farEnd.answer();
    await state.filter({ hasText: 'In call' }).waitFor();
    await noAxeViolations('setup, test call in progress');
    await setup.getByRole('button', { name: 'Hang up' }).click();
    await lab.farEnd.waitForEvent('bye-received');
    await state.filter({ hasText: 'got through' }).waitFor();
    await setup.getByRole('button', { name: /4\. A test call \(done\)/ }).waitFor();
  });

  test('closed half way, it goes on where it was left; the pin step has a picture; Finish says it is set up', async () => {
    await setup.reload();
    await waitFor(async () => (await step()) === 'test-call', { what: 'the test call step after a reload' });
    assert.equal(await setup.getByLabel('Number to call').inputValue(), '1002');
    await setup.getByRole('button', { name: 'Next' }).click();
    await waitFor(async () => (await step()) === 'pin', { what: 'the pin step' });
    await setup.getByRole('img', { name: /puzzle-piece menu/ }).waitFor();
    await noAxeViolations('setup, pin step');
    await setup.getByRole('button', { name: 'Finish' }).click();
    await setup.getByRole('status').filter({ hasText: 'ClickDial is set up' }).waitFor();
    await setup.reload();
    await setup.getByRole('status').filter({ hasText: 'ClickDial is set up' }).waitFor();
    await noAxeViolations('setup, finished');
  });

  test('the popup of a phone with no account opens the setup (the open tab, not another)', async () => {
    // Takes the account away: the popup then offers the setup.
    const { accounts } = await lab.browser.serviceWorker.evaluate(() =>
      chrome.storage.local.get('accounts').then((v) => v.accounts as { accounts: { id: string }[] }),
    );
    const popup = await lab.browser.context.newPage();
    await popup.goto(`chrome-extension://${lab.browser.extensionId}/src/popup/popup.html`);
    for (const account of accounts) {
      await popup.evaluate((id) => chrome.runtime.sendMessage({ target: 'router', type: 'account.remove', payload: { id } }), account.id);
    }
    await popup.getByRole('button', { name: 'Set up account' }).click();
    await waitFor(async () => (await setup.evaluate(() => document.visibilityState)) === 'visible', { what: 'the setup tab in front' });
    const open = lab.browser.context.pages().filter((p) => p.url().includes(FIRST_RUN_PAGE));
    assert.equal(open.length, 1);
    await popup.close();
  });

  test('the options link to it', async () => {
    const options = await lab.browser.context.newPage();
    await options.goto(`chrome-extension://${lab.browser.extensionId}/${OPTIONS}`);
    await options.getByRole('link', { name: 'The setup' }).click();
    await options.getByRole('heading', { level: 1, name: 'Set up ClickDial' }).waitFor();
    await options.close();
  });
});
