// Issue 5, part 2: several calls (call waiting, switching, the exact limit,
// one audio element per call), text messages both ways, the call history, and
// the audio device settings, through the popup and the options page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { offscreenEvaluate } from './harness/browser.js';
import { unplugOffscreenMicrophone } from './harness/offscreen-rtp.js';
import { openOptions, waitForNoPopupCall } from './harness/clickdial.js';
import {
  card,
  dial,
  offscreenAudioElements,
  offscreenEnergyOver,
  startRig,
  waitForCardState,
  waitForHearing,
  waitForSilence,
  type Rig,
} from './harness/call-controls.js';
import type { FarEnd } from './harness/far-end.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;
let popup: Page;
let b: FarEnd; // 1002
let c: FarEnd; // 1003

before(async () => {
  rig = await startRig(['1002', '1003']);
  popup = rig.popup;
  b = rig.far['1002']!;
  c = rig.far['1003']!;
});

after(async () => {
  await rig?.stop();
});

async function setMaxCalls(n: number): Promise<void> {
  const options = await openOptions(rig.browser.context, rig.browser.extensionId);
  await options.locator('input[name=maxCalls]').fill(String(n));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
  await popup.bringToFront();
}

describe('several calls, messages, history, audio devices', () => {
  test('the call limit is exact: with 1, a second caller gets 486 and the popup never rings', async () => {
    await setMaxCalls(1);
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    await c.clearEvents();
    await c.call(aorOf('1001'));
    const rejected = await c.waitForEvent('rejected');
    assert.equal(rejected.detail.statusCode, 486);
    assert.equal(await popup.locator('article.call').count(), 1);
    // Placing a second call is refused in words.
    assert.equal(await popup.getByRole('button', { name: /New call \(at most 1 at once\)/ }).isDisabled(), true);
  });

  test('call waiting: answer the second call (the first goes on hold), switch back and forth; audio follows', async () => {
    await setMaxCalls(2);
    await c.clearEvents();
    await c.call(aorOf('1001'));
    await waitForCardState(popup, '1003', 'Call waiting');
    await card(popup, '1003').getByRole('button', { name: 'Hold and answer' }).click();
    await c.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'On hold');
    await waitForCardState(popup, '1003', 'In call');
    await waitForHearing(c, '1003 to hear us');
    await waitForSilence(b, '1002 on hold');

    await card(popup, '1002').getByRole('button', { name: 'Resume' }).click();
    await waitForCardState(popup, '1002', 'In call');
    await waitForCardState(popup, '1003', 'On hold');
    await waitForHearing(b, '1002 to hear us after switching');
    await waitForSilence(c, '1003 on hold after switching');
    assert.equal(await popup.getByRole('button', { name: /New call \(at most 2 at once\)/ }).isDisabled(), true);

    // Ending the held call never silences the other: its own <audio> keeps playing.
    await card(popup, '1003').getByRole('button', { name: 'Hang up' }).click();
    await c.waitForEvent('bye-received');
    await waitFor(async () => (await popup.locator('article.call').count()) === 1, { what: 'one call left' });
    const elements = await offscreenAudioElements(rig.browser.context);
    assert.equal(elements.length, 1, JSON.stringify(elements));
    assert.equal(elements[0]?.live, true, 'the remaining call still plays');
    assert.ok((await offscreenEnergyOver(rig.browser.context, 400)) > 0.001, 'we still hear 1002');
    await waitForHearing(b, '1002 still hears us');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
    await b.autoAnswer(false);
  });

  test('messages both ways: send to 1002, receive from 1002 with an unread count, kept in storage', async () => {
    await popup.getByRole('tab', { name: 'Messages' }).click();
    await popup.getByRole('button', { name: 'New message' }).click();
    // Bad input is refused with words.
    await popup.getByRole('button', { name: 'Send' }).click();
    await popup.getByText('Type a message to send.').waitFor();
    await popup.getByLabel('Message to').fill('not a number!');
    await popup.getByLabel('Message', { exact: true }).fill('hello');
    await popup.getByRole('button', { name: 'Send' }).click();
    await popup.getByText(/is not a phone number or SIP address/).waitFor();

    await b.clearEvents();
    await popup.getByLabel('Message to').fill('1002');
    await popup.getByLabel('Message', { exact: true }).fill('Hello 1002, ClickDial here');
    await popup.getByRole('button', { name: 'Send' }).click();
    const got = await b.waitForEvent('message');
    assert.equal(got.detail.body, 'Hello 1002, ClickDial here');
    assert.equal(got.detail.from, aorOf('1001'));
    await popup.locator('.message.out', { hasText: 'Hello 1002, ClickDial here' }).waitFor();
    // Back to release 0.1's shape (the bare map, no version), as a profile from then has it:
    // the next message is added to it through the migration, and nothing is lost.
    await popup.evaluate(async () => {
      const { conversations } = await chrome.storage.local.get('conversations');
      await chrome.storage.local.set({ conversations: (conversations as { byContact: unknown }).byContact });
    });

    await popup.getByRole('button', { name: '‹ Messages' }).click();
    await b.message(aorOf('1001'), 'Hi back from 1002');
    await popup.getByRole('tab', { name: 'Messages (1)' }).waitFor();
    await popup.getByLabel('1 unread').waitFor();
    await popup.getByRole('button', { name: 'Conversation with 1002' }).click();
    await popup.locator('.message.in', { hasText: 'Hi back from 1002' }).waitFor();
    await popup.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
    const stored = await popup.evaluate(() => chrome.storage.local.get('conversations'));
    // Stored with a version (shared/stored-conversations.ts).
    const { byContact } = stored.conversations as {
      version: 1;
      byContact: Record<string, { messages: { body: string }[]; unread: number }>;
    };
    const conversation = byContact['sip:1002@clickdial.test'];
    assert.deepEqual(
      conversation?.messages.map((m) => m.body),
      ['Hello 1002, ClickDial here', 'Hi back from 1002'],
    );
    assert.equal(conversation?.unread, 0);
  });

  test('history: outgoing, incoming and missed calls with durations; call back in one click; clear', async () => {
    // Back to release 0.1's shape (the bare list, no version), as a profile from then has it:
    // the popup shows it through the migration, and the next call is added to it.
    const stored = () => popup.evaluate(() => chrome.storage.local.get('callHistory').then((v) => v.callHistory));
    const before = ((await stored()) as { entries: unknown[] }).entries;
    await popup.evaluate((entries) => chrome.storage.local.set({ callHistory: entries }), before);
    await popup.getByRole('tab', { name: 'History' }).click();
    const entries = popup.locator('.history-entry');
    await waitFor(async () => (await entries.count()) >= 3, { what: 'three history entries' });
    const rows = await entries.evaluateAll((els) =>
      els.map((e) => ({
        outcome: (e as HTMLElement).dataset.outcome,
        direction: (e as HTMLElement).dataset.direction,
        text: e.textContent ?? '',
      })),
    );
    // Newest first: 1002 (outgoing, completed), 1003 (incoming, completed), 1003 (missed at the limit).
    assert.deepEqual(
      rows.slice(0, 3).map((r) => [r.direction, r.outcome]),
      [
        ['outgoing', 'completed'],
        ['incoming', 'completed'],
        ['incoming', 'missed'],
      ],
    );
    assert.match(rows[0]!.text, /1002.*Outgoing.*\d:\d\d/);
    assert.match(rows[2]!.text, /1003.*Missed/);

    await b.clearEvents();
    await b.autoAnswer(true);
    await popup.getByRole('button', { name: 'Call back 1002' }).first().click();
    await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
    await b.autoAnswer(false);

    await popup.getByRole('tab', { name: 'History' }).click();
    await waitFor(async () => (await entries.count()) >= 4, { what: 'the call back in the history' });
    const after = (await stored()) as { version: number; entries: unknown[] };
    assert.equal(after.version, 2);
    assert.deepEqual(after.entries.slice(1), before, 'the old entries kept, after the new one');
    await popup.getByRole('button', { name: 'Clear history' }).click();
    await popup.getByText('No calls yet.').waitFor();
    await popup.getByRole('tab', { name: 'Phone' }).click();
  });

  const ringtoneSink = () => offscreenEvaluate(rig.browser.context, () => (document.getElementById('ringtone') as HTMLAudioElement).sinkId);

  test('audio devices: choices persist and reach every call; an unplugged device falls back with a notice', async () => {
    const options = await openOptions(rig.browser.context, rig.browser.extensionId);
    const mic = options.locator('select[name=inputDevice]');
    const speaker = options.locator('select[name=outputDevice]');
    await waitFor(async () => (await speaker.locator('option').count()) > 1, { what: 'speakers to be listed' });
    const micValues = await mic.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    const speakerValues = await speaker.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    const [micId] = micValues;
    const [speakerId] = speakerValues;
    assert.ok(micId && speakerId, `devices: ${JSON.stringify({ micValues, speakerValues })}`);
    await mic.selectOption(micId);
    await options.getByTestId('audio-status').filter({ hasText: 'Saved.' }).waitFor();
    await speaker.selectOption(speakerId);
    await waitFor(
      async () =>
        ((await options.evaluate(() => chrome.storage.local.get('phoneSettings'))).phoneSettings as { outputDeviceId?: string } | undefined)
          ?.outputDeviceId === speakerId,
      {
        what: 'the speaker choice to be saved',
      },
    );
    // The level meter moves with the (fake) microphone; the speaker test plays.
    await options.getByRole('button', { name: 'Test microphone' }).click();
    await waitFor(async () => Number(await options.getByLabel('Microphone level').getAttribute('value')) > 0, {
      what: 'the level meter to move',
    });
    await options.getByRole('button', { name: 'Stop microphone test' }).click();
    await options.getByRole('button', { name: 'Play test sound' }).click();
    await options.getByTestId('speaker-test').filter({ hasText: 'Played a test tone' }).waitFor();
    await options.reload();
    await waitFor(async () => (await mic.inputValue()) === micId && (await speaker.inputValue()) === speakerId, {
      what: 'the choices to persist',
    });

    await b.autoAnswer(true);
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    await waitFor(async () => (await offscreenAudioElements(rig.browser.context))[0]?.sinkId === speakerId, {
      what: 'the call to play on the chosen speaker',
    });
    assert.equal(await ringtoneSink(), speakerId, 'the ringtone plays on the chosen speaker too');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);

    // The devices are gone (as if unplugged since they were chosen), in release 0.1's shape
    // (no version): read through the migration, saved again with the version.
    await options.evaluate(async () => {
      const { phoneSettings } = await chrome.storage.local.get('phoneSettings');
      const { version: _version, ...settings } = phoneSettings as Record<string, unknown>;
      await chrome.storage.local.set({
        phoneSettings: {
          ...settings,
          inputDeviceId: 'unplugged-mic',
          inputDeviceLabel: 'USB Headset',
          outputDeviceId: 'unplugged-speaker',
          outputDeviceLabel: 'USB Headset',
        },
      });
    });
    await options.reload();
    await options.getByText('"USB Headset" is not connected: calls use the default microphone until it is back.').waitFor();
    await options.getByRole('radio', { name: /SIP INFO/ }).check(); // any save hands the settings to the phone
    await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();
    assert.deepEqual((await options.evaluate(() => chrome.storage.local.get('phoneSettings'))).phoneSettings, {
      version: 2,
      dtmfMethod: 'info',
      maxCalls: 2,
      inputDeviceId: 'unplugged-mic',
      inputDeviceLabel: 'USB Headset',
      outputDeviceId: 'unplugged-speaker',
      outputDeviceLabel: 'USB Headset',
      // As the harness saved it (harness/browser.ts), kept through the migration.
      callWindow: 'never',
    });
    await options.close();

    await popup.bringToFront();
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    await popup
      .getByRole('status')
      .filter({ hasText: /USB Headset.* not (connected|available)/ })
      .first()
      .waitFor();
    await waitForHearing(b, '1002 to hear us through the default microphone');
    await waitFor(async () => (await offscreenAudioElements(rig.browser.context))[0]?.sinkId === '', {
      what: 'call audio on the default speaker',
    });
    assert.equal(await ringtoneSink(), '', 'the ringtone falls back to the default speaker too');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
  });

  test('a microphone unplugged mid-call: the call goes on with the default microphone, with a notice', async () => {
    await b.clearEvents();
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    await waitForHearing(b, '1002 to hear us');
    assert.equal(await unplugOffscreenMicrophone(rig.browser.context), 1);
    await popup.getByRole('status').filter({ hasText: 'The microphone was disconnected' }).first().waitFor();
    await waitForHearing(b, '1002 to hear us again through the default microphone');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
    await b.autoAnswer(false);
  });

  test('the far end completes an attended transfer to us (INVITE with Replaces): we end up talking to 1003', async () => {
    await b.clearEvents();
    await c.clearEvents();
    await b.autoAnswer(true);
    await c.autoAnswer(true);
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    const withUs = (await b.state()).calls.find((x) => x.state === 'Established' && /1001@/.test(x.remoteUri))?.id;
    assert.ok(withUs, '1002 has a call with us');
    // 1002 consults 1003, then joins us to 1003 (REFER to 1003 with Replaces of its call with us).
    const withC = await b.call(aorOf('1003'));
    await b.waitForCallState('Established', withC);
    await b.transfer(withUs, withC);
    await waitForCardState(popup, '1003', 'In call');
    await card(popup, '1003').getByText('Transferred to you by 1002').waitFor();
    await waitFor(async () => (await popup.locator('article.call').count()) === 1, { what: 'the call with 1002 to be replaced' });
    await waitForHearing(c, '1003 to hear us');
    await card(popup, '1003').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
    await b.autoAnswer(false);
    await c.autoAnswer(false);
  });
});
