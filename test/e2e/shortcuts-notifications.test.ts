// Issue "Answer and hang up without the popup": real key presses (X server,
// xdotool) and real desktop notifications (Chromium's Linux notifications
// over D-Bus to a test notification server) act on real calls through
// Kamailio; the ringtone and the toolbar follow the phone's state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { offscreenEvaluate, type LaunchedExtensionBrowser } from './harness/browser.js';
import {
  fillAccountForm,
  openOptions,
  openPopup,
  waitForNoPopupCall,
  waitForPopupCallState,
  waitForRegistration,
} from './harness/clickdial.js';
import { openFarEnd, type FarEnd } from './harness/far-end.js';
import type { FarEndServer } from './harness/far-end-server.js';
import type { KamailioServer } from './harness/kamailio.js';
import { POPUP_KEY, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { startNotificationServer, type NotificationServer } from './harness/notification-server.js';
import { offscreenRtp } from './harness/offscreen-rtp.js';
import { pressKeys } from './harness/os-keyboard.js';
import { confirmationText, waitForConfirmation } from './harness/confirmation.js';
import { USERS, aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let kamailio: KamailioServer;
let server: FarEndServer;
let notifications: NotificationServer;
let browser: LaunchedExtensionBrowser;
let farEnd: FarEnd;
let popup: Page;
const ME = aorOf('1001');

before(async () => {
  notifications = await startNotificationServer();
  process.env.DBUS_SESSION_BUS_ADDRESS = notifications.address;
  // Headful (under Xvfb when there is no display): shortcuts need a real window.
  lab = await startPhoneLab({ headless: false, popupShortcut: true });
  ({ kamailio, server, browser, farEnd } = lab);
});

after(async () => {
  await lab?.stop();
  await notifications?.stop();
});

const toolbar = () =>
  browser.serviceWorker.evaluate(async () => ({
    title: await chrome.action.getTitle({}),
    badge: await chrome.action.getBadgeText({}),
  }));

/** What the phone's ringtone element is doing. */
const ringtone = () =>
  offscreenEvaluate(browser.context, () => {
    const audio = document.getElementById('ringtone') as HTMLAudioElement | null;
    return { tone: audio?.dataset.tone ?? 'missing', playing: !!audio && !audio.paused && audio.currentTime > 0 };
  });

const waitForTone = (tone: string, playing: boolean) =>
  waitFor(
    async () => {
      const now = await ringtone();
      return now.tone === tone && now.playing === playing ? now : undefined;
    },
    { what: `ringtone "${tone}" ${playing ? 'playing' : 'stopped'}` },
  );

const press = (keys: string, windowTitle?: string) => pressKeys(browser.display ?? '', keys, windowTitle);

describe('without the popup', () => {
  test('the toolbar says "not set up"; every suggested shortcut was really assigned, and options lists them', async () => {
    await waitFor(async () => /not set up/.test((await toolbar()).title), { what: 'the toolbar title to say not set up' });
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8')) as {
      commands: Record<string, { suggested_key?: { default?: string } }>;
    };
    const suggested = Object.entries(manifest.commands).filter(([, c]) => c.suggested_key?.default);
    assert.ok(suggested.length <= 4, `${suggested.length} suggested keys`);
    const assigned = await browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    for (const [name, command] of suggested) {
      assert.equal(assigned.find((c) => c.name === name)?.shortcut, command.suggested_key?.default, `${name} was not assigned`);
    }
    const options = await openOptions(browser.context, browser.extensionId);
    await options.locator('tr[data-command=answer-call] kbd').filter({ hasText: 'Alt+Shift+J' }).waitFor();
    await fillAccountForm(options, { server: kamailio.wsUrl, aor: ME, password: USERS['1001'] });
    await waitForRegistration(options, 'Registered');
    await options.close();
    popup = await openPopup(browser.context, browser.extensionId);
    await waitFor(async () => /registered as 1001@clickdial.test/.test((await toolbar()).title), { what: 'the toolbar to say registered' });
  });

  test('an incoming call notifies, rings, shows RING; Answer on the notification answers; a key press hangs up', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME);
    const shown = await notifications.waitFor((n) => n.summary === 'Incoming call', 'incoming call');
    assert.match(shown.body, /1002/);
    assert.deepEqual([shown.actions['0'], shown.actions['1']], ['Answer', 'Decline']);
    await waitForTone('ring', true);
    assert.deepEqual(await toolbar(), { title: 'ClickDial: Incoming call from 1002', badge: 'RING' });

    notifications.press(shown, 'Answer');
    await farEnd.waitForCallState('Established');
    await waitForTone('', false);
    await waitFor(() => notifications.shown().find((n) => n.id === shown.id)?.closed, { what: 'the incoming-call notification to close' });
    await waitFor(async () => (await offscreenRtp(browser.context)).inboundBytes > 0, { what: 'audio' });
    assert.equal((await toolbar()).badge, 'CALL');

    await press('alt+shift+k');
    await farEnd.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
    await waitFor(async () => (await toolbar()).badge === '', { what: 'the badge to clear' });
  });

  test('Decline on the notification rejects the call; the ringtone stops', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME);
    const shown = await notifications.waitFor((n) => n.summary === 'Incoming call', 'incoming call');
    await waitForTone('ring', true);
    notifications.press(shown, 'Decline');
    const rejected = await farEnd.waitForEvent('rejected');
    assert.equal(rejected.detail.statusCode, 486);
    await waitForTone('', false);
    await waitFor(() => notifications.shown().find((n) => n.id === shown.id)?.closed, { what: 'the notification to close' });
  });

  test('a key press answers a ringing call, another hangs it up', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME);
    await waitForPopupCallState(popup, 'Incoming call');
    await press('alt+shift+j');
    await farEnd.waitForCallState('Established');
    await waitForPopupCallState(popup, 'In call');
    await press('alt+shift+k');
    await farEnd.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
  });

  test('a call that stops ringing clears its notification and leaves a missed call that calls back', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME);
    const ring = await notifications.waitFor((n) => n.summary === 'Incoming call', 'incoming call');
    await waitForTone('ring', true);
    await farEnd.hangup(); // CANCEL before anyone answered
    await waitForTone('', false);
    await waitFor(() => notifications.shown().find((n) => n.id === ring.id)?.closed, { what: 'the ringing notification to close' });
    const missed = await notifications.waitFor((n) => n.summary === 'Missed call', 'missed call');
    assert.match(missed.body, /1002/);

    await farEnd.autoAnswer(true);
    notifications.press(missed, 'default');
    await farEnd.waitForCallState('Established');
    await waitForPopupCallState(popup, 'In call');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await farEnd.waitForEvent('bye-received');
    await farEnd.autoAnswer(false);
  });

  test('a call answered on another phone of the same account clears the notification and is not missed', async () => {
    // A second registration of 1001 (a desk phone, say): Kamailio forks the call to both.
    const deskPhone = await openFarEnd(browser.context, server, '1001-desk');
    try {
      await deskPhone.register(kamailio.wsUrl, '1001');
      await farEnd.clearEvents();
      const before = notifications.shown().filter((n) => n.summary === 'Missed call').length;
      await farEnd.call(ME);
      const ring = await notifications.waitFor((n) => n.summary === 'Incoming call', 'incoming call');
      await deskPhone.waitForEvent('invite');
      await deskPhone.answer();
      await farEnd.waitForCallState('Established');
      await waitFor(() => notifications.shown().find((n) => n.id === ring.id)?.closed, { what: 'the notification to close' });
      await waitForNoPopupCall(popup);
      await waitForTone('', false);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(notifications.shown().filter((n) => n.summary === 'Missed call').length, before, 'no missed call');
      await farEnd.hangup();
    } finally {
      await deskPhone.close();
    }
  });

  test('an outgoing call plays ringback while it rings, and stops on answer', async () => {
    await farEnd.clearEvents();
    await popup.getByLabel('Number or SIP address').fill('1002');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    await waitForPopupCallState(popup, 'Ringing…');
    await waitForTone('ringback', true);
    await farEnd.answer();
    await waitForPopupCallState(popup, 'In call');
    await waitForTone('', false);
  });

  test('a second call during a call plays the call-waiting tone, not the ringtone', async () => {
    const third = await openFarEnd(browser.context, server, '1003');
    try {
      await third.register(kamailio.wsUrl, '1003');
      await third.call(ME);
      await waitForTone('waiting', true);
      const shown = await notifications.waitFor((n) => n.summary === 'Call waiting', 'call waiting');
      assert.match(shown.body, /1003/);
      await third.hangup();
      await waitForTone('', false);
    } finally {
      await third.close();
    }
    await press('alt+shift+k');
    await farEnd.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
  });

  test("with the PBX's early media (183 with SDP) its audio is heard before the answer, and no local ringback plays", async () => {
    await farEnd.clearEvents();
    await popup.getByLabel('Number or SIP address').fill('1002');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    await farEnd.waitForEvent('invite');
    await farEnd.earlyMedia();
    await waitForPopupCallState(popup, 'Ringing…');
    const early = await waitFor(
      async () => {
        const rtp = await offscreenRtp(browser.context);
        return rtp.inboundBytes > 2000 ? rtp : undefined;
      },
      { what: 'early media to arrive before the answer' },
    );
    assert.ok(early.inboundBytes > 0);
    assert.deepEqual(await ringtone(), { tone: '', playing: false });
    await farEnd.answer();
    await waitForPopupCallState(popup, 'In call');
    await press('alt+shift+k');
    await farEnd.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
  });

  test('a page that swaps the selection as Alt and Shift go down gets its number shown, not called', async () => {
    await farEnd.clearEvents();
    const page = await browser.context.newPage();
    try {
      await page.goto(server.fixtureUrl('attacks/selection-swap.html'));
      // Once ClickDial has linked the numbers (linking moves the text a selection would be in).
      await page.locator('#shown a').waitFor();
      await page.locator('#other a').waitFor({ state: 'attached' });
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('#shown a') as Element);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await page.bringToFront();
      await press('alt+shift+l', 'Contact');
      const confirm = await waitForConfirmation(browser.context, browser.extensionId);
      assert.equal(await page.evaluate(() => (window as { swapped?: boolean }).swapped), true, 'the page swapped the selection');
      // What would be called is what the user sees: the swapped number, from the page's site.
      const shown = await confirmationText(confirm);
      assert.equal(shown.e164, '+14155550102');
      assert.equal(shown.site, '127.0.0.1');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal((await farEnd.state()).events.filter((e) => e.type === 'invite').length, 0, 'the swapped number was dialled');
      await confirm.close();
    } finally {
      await page.close();
    }
  });

  test('the call-selection shortcut calls the number selected on a web page, once confirmed', async () => {
    await farEnd.clearEvents();
    await farEnd.autoAnswer(true);
    const page = await browser.context.newPage();
    try {
      await page.goto(server.fixtureUrl('click-to-call.html'));
      // Once ClickDial has linked the numbers (linking moves the text a selection would be in).
      await page.getByRole('link', { name: '+1 (415) 555-0102' }).waitFor();
      // Select the text "+1 (415) 555-0102" (Kamailio routes it to 1002, as a PBX would).
      await page.evaluate(() => {
        const paragraph = document.getElementById('plain');
        const walker = document.createTreeWalker(paragraph ?? document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf('+1 (415) 555-0102') ?? -1;
          if (at >= 0) {
            range.setStart(node, at);
            range.setEnd(node, at + '+1 (415) 555-0102'.length);
            break;
          }
        }
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await page.bringToFront();
      await press('alt+shift+l', 'ClickDial fixture: click-to-call');
      // The selection is shown before anything is dialled (the page may have swapped it).
      const confirm = await waitForConfirmation(browser.context, browser.extensionId);
      assert.equal((await confirmationText(confirm)).e164, '+14155550102');
      assert.equal(await farEnd.state().then((s) => s.events.filter((e) => e.type === 'invite').length), 0);
      await confirm.locator('button.call[data-armed=true]').click();
      const call = await farEnd.waitForCallState('Established');
      assert.match(call.remoteUri, /1001@clickdial\.test/);
      await press('alt+shift+k');
      await farEnd.waitForEvent('bye-received');
    } finally {
      await farEnd.autoAnswer(false);
      await page.close();
    }
  });

  test('the real toolbar popup switches click-to-call off and on for the site in the active tab', async () => {
    // Other tabs showing popup.html would be found instead of the real popup.
    await popup.close();
    const page = await browser.context.newPage();
    const links = () => page.locator('a[title*="Call with ClickDial"]').count();
    /** Opens the real toolbar popup over the page with its key, which grants activeTab like a click. */
    const inPopup = async <T>(fn: () => T | Promise<T>): Promise<T> => {
      await page.bringToFront();
      await press(POPUP_KEY.toLowerCase());
      return offscreenEvaluate(browser.context, fn, undefined, { targetType: 'page', urlSuffix: 'src/popup/popup.html' });
    };
    const toggle = () =>
      inPopup(async () => {
        for (let i = 0; i < 50 && !document.querySelector('.site-switch input'); i++) await new Promise((r) => setTimeout(r, 50));
        const input = document.querySelector<HTMLInputElement>('.site-switch input');
        if (!input) throw new Error(`no site switch in the popup: ${document.body.innerText}`);
        const before = { label: input.parentElement?.textContent ?? '', checked: input.checked };
        input.click();
        return before;
      });
    try {
      await page.goto(server.fixtureUrl('click-to-call.html'));
      await waitFor(async () => (await links()) > 0, { what: 'the numbers to become links' });
      const off = await toggle();
      assert.deepEqual(off, { label: ' Click-to-call on 127.0.0.1', checked: true });
      await waitFor(async () => (await links()) === 0, { what: 'the links to go when switched off for the site' });
      const on = await toggle();
      assert.equal(on.checked, false);
      await waitFor(async () => (await links()) > 0, { what: 'the links to come back' });
    } finally {
      await page.close();
      popup = await openPopup(browser.context, browser.extensionId);
    }
  });

  test('a text message notifies with the sender and the text; clicking it opens the popup', async () => {
    await popup.close(); // the real popup must be the only popup.html target
    try {
      await farEnd.message(ME, 'Running 5 minutes late');
      const shown = await notifications.waitFor((n) => n.summary === 'Message from 1002', 'the message notification');
      assert.match(shown.body, /Running 5 minutes late/);
      const page = await browser.context.newPage();
      await page.goto(server.fixtureUrl('click-to-call.html'));
      await page.bringToFront();
      notifications.press(shown, 'default');
      const text = await offscreenEvaluate(
        browser.context,
        async () => {
          for (let i = 0; i < 100 && !document.body.innerText.includes('Messages (1)'); i++) await new Promise((r) => setTimeout(r, 50));
          return document.body.innerText;
        },
        undefined,
        { targetType: 'page', urlSuffix: 'src/popup/popup.html' },
      );
      assert.match(text, /Messages \(1\)/);
      await waitFor(() => notifications.shown().find((n) => n.id === shown.id)?.closed, { what: 'the message notification to close' });
      await page.close();
    } finally {
      popup = await openPopup(browser.context, browser.extensionId);
    }
  });

  test('a call from a page that fails while no ClickDial window is open says why in a notification', async () => {
    for (const open of browser.context.pages()) if (open.url().includes('/src/popup/popup.html')) await open.close();
    await farEnd.clearEvents();
    const page = await browser.context.newPage();
    try {
      await page.goto(server.fixtureUrl('click-to-call.html'));
      const link = page.getByRole('link', { name: '+1 (415) 555-0102' });
      await link.hover();
      await new Promise((r) => setTimeout(r, 400));
      await link.click();
      const confirm = await waitForConfirmation(browser.context, browser.extensionId);
      await confirm.locator('button.call[data-armed=true]').click();
      await farEnd.waitForEvent('invite');
      await farEnd.decline(486);
      const shown = await notifications.waitFor(
        (n) => n.summary.startsWith('Call to') && n.summary.endsWith('failed'),
        'the failed-call notification',
      );
      assert.match(shown.body, /Busy \(486/);
    } finally {
      await page.close();
    }
  });

  test('with the call window chosen, a notification brings it back: Answer on a ringing call, and a missed call’s call-back', async () => {
    const url = `chrome-extension://${browser.extensionId}/src/call-window/call-window.html`;
    const windows = () => browser.context.pages().filter((p) => p.url().startsWith(url) && !p.isClosed());
    const closeWindows = async () => {
      for (const w of windows()) await w.close();
    };
    await browser.serviceWorker.evaluate(async () => {
      const { phoneSettings } = await chrome.storage.local.get('phoneSettings');
      await chrome.storage.local.set({ phoneSettings: { ...(phoneSettings as object), callWindow: 'window' } });
    });
    try {
      await farEnd.clearEvents();
      await farEnd.call(ME);
      await waitFor(() => windows()[0], { what: 'the call window opened by the ring' });
      // The user closed it; Answer on the notification brings it back, with the call.
      await closeWindows();
      const ring = await notifications.waitFor((n) => n.summary === 'Incoming call' && !n.closed, 'incoming call');
      notifications.press(ring, 'Answer');
      await farEnd.waitForCallState('Established');
      const answered = await waitFor(() => windows()[0], { what: 'the call window after Answer on the notification' });
      await answered.getByRole('button', { name: 'Hang up' }).click();
      await farEnd.waitForEvent('bye-received');
      await closeWindows();

      // A missed call's call-back opens it too. Earlier tests' notifications are cleared first: with
      // one of theirs still up, the test's notification server and Chrome disagreed on which
      // notification a press was for.
      await browser.serviceWorker.evaluate(async () => {
        for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
      });
      await farEnd.clearEvents();
      await farEnd.call(ME);
      await waitFor(() => windows()[0], { what: 'the call window opened by the ring' });
      await closeWindows();
      await farEnd.hangup(); // CANCEL: a missed call
      const missed = await notifications.waitFor((n) => n.summary === 'Missed call' && !n.closed, 'missed call');
      await farEnd.autoAnswer(true);
      notifications.press(missed, 'default');
      await farEnd.waitForCallState('Established');
      const calledBack = await waitFor(() => windows()[0], { what: 'the call window after the call-back' });
      await calledBack.getByRole('button', { name: 'Hang up' }).click();
      await farEnd.waitForEvent('bye-received');
    } finally {
      await farEnd.autoAnswer(false);
      await closeWindows();
      await browser.serviceWorker.evaluate(async () => {
        const { phoneSettings } = await chrome.storage.local.get('phoneSettings');
        await chrome.storage.local.set({ phoneSettings: { ...(phoneSettings as object), callWindow: 'never' } });
      });
    }
  });

  test('a shortcut with nothing to act on says so in a notification', async () => {
    await press('alt+shift+j');
    const shown = await notifications.waitFor((n) => n.body === 'No call is ringing.', 'the "no call" message');
    assert.equal(shown.summary, 'ClickDial');
  });
});
