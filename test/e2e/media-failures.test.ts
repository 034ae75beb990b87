// Issue 13 points 9 and 7 (and issue 10 point 2): media that cannot be set up
// ends the call in words with a failed history entry, never a silent "not
// answered"; an audio path lost mid-call is restarted (ICE restart re-INVITE)
// and the call survives. Real Chromium, real Kamailio; the far end is a
// SIP.js page that bends its SDP (far-end.js setMedia) and, for the network
// cases, points both sides' candidates at the tests' own UDP relay.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForNoPopupCall } from './harness/clickdial.js';
import { offscreenEvaluate, onOffscreenObjects } from './harness/extension-cdp.js';
import { card, dial, offscreenEnergyOver, startRig, waitForCardState, waitForHearing, type Rig } from './harness/call-controls.js';
import type { FarEnd } from './harness/far-end.js';
import { startUdpRelay, type UdpRelay } from './harness/udp-relay.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;
let popup: Page;
let b: FarEnd; // 1002
const relays: UdpRelay[] = [];

before(async () => {
  rig = await startRig(['1002']);
  popup = rig.popup;
  b = rig.far['1002']!;
});

afterEach(async () => {
  await b.setMedia({});
  await b.autoAnswer(false);
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

after(async () => {
  await rig?.stop();
});

async function relay(options: { paused?: boolean } = {}): Promise<UdpRelay> {
  const r = await startUdpRelay(options);
  relays.push(r);
  return r;
}

/** Both sides' candidates point at the relay: ClickDial sends to its phonePort, the far end to its farPort. */
function through(r: UdpRelay) {
  return b.setMedia({
    candidates: { host: '127.0.0.1', port: r.phonePort },
    remoteCandidates: { host: '127.0.0.1', port: r.farPort },
  });
}

async function notice(): Promise<string> {
  return (
    (await popup
      .locator('.banner.notice')
      .textContent({ timeout: 500 })
      .catch(() => '')) ?? ''
  );
}

async function waitForNotice(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  return waitFor(async () => (pattern.test(await notice()) ? notice() : undefined), {
    timeoutMs,
    what: `the popup's notice to match ${pattern} (it says "${await notice()}")`,
  });
}

/** The newest history entry, as the popup's History tab shows it. */
async function newestHistoryEntry(): Promise<{ outcome: string; direction: string; kind: string; reason: string }> {
  await popup.getByRole('tab', { name: 'History' }).click();
  const entry = popup.locator('.history-entry').first();
  await entry.waitFor();
  const row = await entry.evaluate((e) => ({
    outcome: (e as HTMLElement).dataset.outcome ?? '',
    direction: (e as HTMLElement).dataset.direction ?? '',
    kind: e.querySelector('.history-kind')?.textContent ?? '',
    reason: e.querySelector('.history-reason')?.textContent ?? '',
  }));
  await popup.getByRole('tab', { name: 'Phone' }).click();
  return row;
}

describe('media that cannot be set up (issue 13.9, issue 10.2)', () => {
  test('a far end that answers without rtcp-mux: ACK and BYE with a Reason, the popup says why, history "failed"', async () => {
    await b.clearEvents();
    await b.setMedia({ stripRtcpMux: true });
    await b.autoAnswer(true);
    await dial(popup, '1002');
    const bye = await b.waitForEvent('bye-received', undefined, { timeoutMs: 10_000 });
    assert.match(String(bye.detail.reason), /SIP;cause=488/);
    const said = await waitForNotice(/could not be connected/);
    assert.match(said, /The call with 1002 could not be connected: the other side does not offer rtcp-mux .*WebRTC media/);
    await waitForNoPopupCall(popup);
    const entry = await newestHistoryEntry();
    assert.deepEqual([entry.direction, entry.outcome, entry.kind], ['outgoing', 'failed', 'Outgoing, failed']);
    assert.match(entry.reason, /audio could not be set up: the other side does not offer rtcp-mux/);
  });

  test('a microphone that cannot be opened (in use by another app): no INVITE, the popup says why, nothing left open, the next call goes out', async () => {
    await b.clearEvents();
    // The browser's answer for a busy device, a moment after the offer was made (the phone makes
    // the offer while the microphone opens): the INVITE, ready by then, must not go.
    await offscreenEvaluate(rig.browser.context, () => {
      const devices = navigator.mediaDevices;
      const real = devices.getUserMedia.bind(devices);
      devices.getUserMedia = () => {
        devices.getUserMedia = real;
        return new Promise((_, reject) =>
          setTimeout(() => reject(new DOMException('Could not start audio source', 'NotReadableError')), 300),
        );
      };
    });
    await dial(popup, '1002');
    const alert = popup.getByRole('alert').filter({ hasText: 'microphone could not be opened' });
    await alert.waitFor();
    assert.match(
      (await alert.textContent()) ?? '',
      /Could not place the call: The microphone could not be opened: another app may be using it/,
    );
    await waitForNoPopupCall(popup);
    await popup.waitForTimeout(300);
    assert.equal((await b.state()).events.filter((e) => e.type === 'invite').length, 0);
    const live = await onOffscreenObjects<number>(
      rig.browser.context,
      'MediaStreamTrack',
      `function () { return this.filter((t) => t.readyState === 'live').length; }`,
    );
    assert.equal(live, 0, 'a microphone track was left open');
    // The phone is not stuck: the next call goes out.
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await waitForCardState(popup, '1002', 'In call');
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await waitForNoPopupCall(popup);
  });

  test('an incoming offer without ICE: the caller gets 488, the phone never rings, and says why', async () => {
    await b.clearEvents();
    await b.setMedia({ stripIce: true });
    await b.call(aorOf('1001'));
    const rejected = await b.waitForEvent('rejected', undefined, { timeoutMs: 10_000 });
    assert.equal(rejected.detail.statusCode, 488);
    assert.match(String(rejected.detail.warning), /^305 ClickDial ".*does not support ICE/);
    const said = await waitForNotice(/Incoming call refused/);
    assert.match(said, /Incoming call refused\. The call with 1002 could not be connected: the other side does not support ICE/);
    assert.equal(await popup.locator('article.call').count(), 0);
    const entry = await newestHistoryEntry();
    assert.deepEqual([entry.direction, entry.outcome, entry.kind], ['incoming', 'failed', 'Incoming, failed']);
    assert.match(entry.reason, /does not support ICE/);
  });

  test('ICE that never connects: the call is ended after 10 s with a BYE and a Reason, in words, history "failed"', async () => {
    const hole = await relay({ paused: true });
    await b.clearEvents();
    await through(hole);
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await b.waitForCallState('Established');
    const established = Date.now();
    const bye = await b.waitForEvent('bye-received', undefined, { timeoutMs: 20_000 });
    const after = Date.now() - established;
    assert.ok(after < 14_000, `the BYE came ${after} ms after the answer`);
    assert.match(String(bye.detail.reason), /Q\.850;cause=41;text="ICE failed"/);
    await waitForNotice(/The call with 1002 was ended: no audio connection could be made with the other side within 10 s/);
    await waitForNoPopupCall(popup);
    const entry = await newestHistoryEntry();
    assert.deepEqual([entry.direction, entry.outcome], ['outgoing', 'failed']);
    assert.match(entry.reason, /No audio connection could be made/);
  });
});

describe('an audio path lost mid-call (issue 13.7)', () => {
  test('the network changes under a call: ClickDial restarts ICE with a re-INVITE and the call goes on', async () => {
    const first = await relay();
    await b.clearEvents();
    await through(first);
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await waitForHearing(b, '1002 to hear us through the relay');
    assert.ok((await offscreenEnergyOver(rig.browser.context, 500)) > 0.01, 'we hear 1002 through the relay');
    assert.equal(await b.selectedRemoteAddress(), `127.0.0.1:${first.farPort}`, 'the audio goes through the relay');
    const ufragBefore = await b.remoteIceUfrag();

    // The old path goes dead for good (a black hole, nothing closed), and a new one exists that
    // only an ICE restart can find: new candidates, offered in a re-INVITE.
    const second = await relay();
    first.pause();
    await through(second);
    const cutAt = Date.now();
    const reinvite = await b.waitForEvent('reinvite', (e) => e.at >= cutAt - 1000, { timeoutMs: 20_000 });
    assert.ok(reinvite.detail.iceUfrag && reinvite.detail.iceUfrag !== ufragBefore, 'the re-INVITE offers a new ice-ufrag');
    await waitForHearing(b, '1002 to hear us again after the ICE restart').catch(async (error: unknown) => {
      throw new Error(
        `${String(error)}; relay datagrams ${JSON.stringify(second.forwarded())}; 1002 took ${await b.remoteSdp()}; ${b.consoleLog().slice(-15).join('\n')}`,
      );
    });
    await waitFor(async () => (await offscreenEnergyOver(rig.browser.context, 300)) > 0.01, { what: 'us to hear 1002 again' });
    assert.equal(await b.selectedRemoteAddress(), `127.0.0.1:${second.farPort}`, 'the audio goes through the new path');
    assert.ok(second.forwarded().toFar > 0 && second.forwarded().toPhone > 0);
    assert.equal((await b.state()).calls.at(-1)?.state, 'Established');
    await waitForCardState(popup, '1002', 'In call');
    await waitForNotice(/The audio connection to 1002 is back/);

    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await b.waitForEvent('bye-received', (e) => e.at >= cutAt);
    await waitForNoPopupCall(popup);
    const entry = await newestHistoryEntry();
    assert.deepEqual([entry.direction, entry.outcome], ['outgoing', 'completed']);
  });
});
