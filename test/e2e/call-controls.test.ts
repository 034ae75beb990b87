// Issue 5, part 1: hold, mute, key tones (SIP INFO and RFC 4733) and transfer
// (blind, attended, cancelled, and being transferred), driven through the
// popup as a user would, each proven at the far end through a real Kamailio.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openOptions, waitForNoPopupCall } from './harness/clickdial.js';
import {
  card,
  dial,
  dtmfTonesPlayed,
  offscreenEnergyOver,
  recordDtmfTones,
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

async function callB(): Promise<void> {
  await b.clearEvents();
  await b.autoAnswer(true);
  await dial(popup, '1002');
  await b.waitForCallState('Established');
  await waitForCardState(popup, '1002', 'In call');
}

async function hangUpAll(): Promise<void> {
  await waitFor(
    async () => {
      const button = popup.getByRole('button', { name: 'Hang up' }).first();
      if ((await popup.locator('article.call').count()) === 0) return true;
      await button.click({ timeout: 1000 }).catch(() => undefined);
      return undefined;
    },
    { what: 'every call hung up', intervalMs: 300 },
  );
}

async function setDtmfMethod(label: RegExp): Promise<void> {
  const options = await openOptions(rig.browser.context, rig.browser.extensionId);
  await options.getByRole('radio', { name: label }).check();
  await options.getByTestId('call-settings-status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
}

describe('call controls in the popup', () => {
  test('hold and resume: the far end hears silence, then us again; the popup says so', async () => {
    await callB();
    await waitForHearing(b, '1002 to hear us');
    await card(popup, '1002').getByRole('button', { name: 'Hold' }).click();
    await waitForCardState(popup, '1002', 'On hold');
    await waitForSilence(b, '1002 to hear nothing while we hold');
    assert.equal((await b.state()).calls.at(-1)?.state, 'Established');
    await card(popup, '1002').getByRole('button', { name: 'Resume' }).click();
    await waitForCardState(popup, '1002', 'In call');
    await waitForHearing(b, '1002 to hear us after resume');
  });

  test('mute and unmute: one direction only; we still hear the far end', async () => {
    await card(popup, '1002').getByRole('button', { name: 'Mute', pressed: false }).click();
    await card(popup, '1002').getByText('Muted: they cannot hear you').waitFor();
    await waitForSilence(b, '1002 to hear nothing while we are muted');
    assert.ok((await offscreenEnergyOver(rig.browser.context, 400)) > 0.001, 'we keep hearing 1002 while muted');
    // Mute keeps its name (a toggle): pressed again, it unmutes.
    await card(popup, '1002').getByRole('button', { name: 'Mute', pressed: true }).click();
    await waitForHearing(b, '1002 to hear us after unmute');
    assert.equal(await card(popup, '1002').getByText('Muted').count(), 0);
  });

  test('the far end holds us (sendonly re-INVITE): the popup says so, then back', async () => {
    await b.hold();
    await waitForCardState(popup, '1002', 'Held by the other side');
    await card(popup, '1002').getByText('They put you on hold').waitFor();
    await b.unhold();
    await waitForCardState(popup, '1002', 'In call');
  });

  test('key tones as SIP INFO from the keypad and the keyboard: the far end reports the digits', async () => {
    await setDtmfMethod(/SIP INFO/);
    await popup.bringToFront();
    await card(popup, '1002').getByRole('button', { name: 'Keypad' }).click();
    await card(popup, '1002').getByRole('button', { name: 'Tone 5' }).click();
    await popup.locator('body').click({ position: { x: 2, y: 2 } }); // focus off any field
    await popup.keyboard.press('1');
    await popup.keyboard.press('#');
    const tones = await waitFor(
      async () => {
        const got = (await b.state()).events.filter((e) => e.type === 'dtmf').map((e) => String(e.detail.tone));
        return got.length >= 3 ? got.join('') : undefined;
      },
      { what: '1002 to receive three INFO tones' },
    );
    assert.equal(tones, '51#');
    assert.equal(await card(popup, '1002').getByLabel('Tones sent').textContent(), '51#');
  });

  test('key tones in the audio (RFC 4733): telephone-event negotiated, the DTMF sender plays them, no INFO', async () => {
    await setDtmfMethod(/RFC 4733/);
    await popup.bringToFront();
    await b.clearEvents();
    assert.match(await b.remoteSdp(), /a=rtpmap:\d+ telephone-event\/8000/, 'our SDP offers telephone-event');
    assert.ok((await recordDtmfTones(rig.browser.context)) >= 1, 'an audio DTMF sender to watch');
    await popup.locator('body').click({ position: { x: 2, y: 2 } });
    await popup.keyboard.press('7');
    await popup.keyboard.press('9');
    await card(popup, '1002').getByRole('button', { name: 'Tone *' }).click();
    await waitFor(async () => ((await dtmfTonesPlayed(rig.browser.context)) === '79*' ? true : undefined), {
      what: `the RTCDTMFSender to play 79* (played "${await dtmfTonesPlayed(rig.browser.context).catch(() => '?')}")`,
    });
    assert.equal((await b.state()).events.filter((e) => e.type === 'dtmf' || e.type === 'info').length, 0, 'no SIP INFO sent');
    await hangUpAll();
    await b.autoAnswer(false);
  });

  test('blind transfer: 1002 ends up talking to 1003, with audio; we have no call', async () => {
    await callB();
    await c.clearEvents();
    await c.autoAnswer(true);
    await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
    // An empty target is refused with words.
    await popup.getByRole('button', { name: 'Transfer now' }).click();
    await popup.getByText('Enter a number or SIP address to transfer to.').waitFor();
    await popup.getByLabel('Transfer to').fill('1003');
    await popup.getByRole('button', { name: 'Transfer now' }).click();
    const refer = await b.waitForEvent('refer');
    assert.equal(refer.detail.referTo, aorOf('1003'));
    await waitFor(async () => (await c.state()).calls.some((x) => x.state === 'Established' && x.remoteUri === aorOf('1002')), {
      what: '1003 connected to 1002',
    });
    await waitForHearing(c, '1003 to hear 1002');
    await waitForNoPopupCall(popup);
    await b.hangup().catch(() => undefined);
    await c.autoAnswer(false);
  });

  test('attended transfer, cancelled: back to the first call', async () => {
    await callB();
    await c.clearEvents();
    await c.autoAnswer(true);
    await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
    await popup.getByLabel('Transfer to').fill('1003');
    await popup.getByRole('button', { name: 'Consult first' }).click();
    await waitForCardState(popup, '1003', 'In call');
    await waitForCardState(popup, '1002', 'On hold');
    await waitForHearing(c, '1003 to hear us while consulting');
    await waitForSilence(b, '1002 on hold while we consult');
    await card(popup, '1003').getByRole('button', { name: 'Cancel transfer' }).click();
    await c.waitForEvent('bye-received');
    await waitForCardState(popup, '1002', 'In call');
    await waitForHearing(b, '1002 to hear us again');
  });

  test('attended transfer: talk to 1003 first, then complete; 1002 and 1003 talk, we have no call', async () => {
    await c.clearEvents();
    await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
    await popup.getByLabel('Transfer to').fill('1003');
    await popup.getByRole('button', { name: 'Consult first' }).click();
    await waitForCardState(popup, '1003', 'In call');
    await card(popup, '1003')
      .getByText(/Consulting before transferring 1002/)
      .waitFor();
    await waitForHearing(c, '1003 to hear us while consulting');
    await card(popup, '1003').getByRole('button', { name: 'Complete transfer' }).click();
    const refer = await b.waitForEvent('refer');
    assert.ok(refer.detail.replaces, 'the REFER carries Replaces');
    await c.waitForEvent('invite', (e) => e.detail.replaces !== null);
    await waitFor(async () => (await c.state()).calls.some((x) => x.state === 'Established' && x.remoteUri === aorOf('1002')), {
      what: '1003 connected to 1002',
    });
    await waitForHearing(c, '1003 to hear 1002 after the transfer');
    await waitForNoPopupCall(popup, 15_000);
    await c.hangup().catch(() => undefined);
    await c.autoAnswer(false);
  });

  test('being transferred: the far end REFERs us to 1003; the popup shows it', async () => {
    await b.clearEvents();
    await c.autoAnswer(true);
    await b.call(aorOf('1001'));
    await waitForCardState(popup, '1002', 'Incoming call');
    await card(popup, '1002').getByRole('button', { name: 'Answer' }).click();
    await b.waitForCallState('Established');
    await b.transfer(aorOf('1003'));
    await card(popup, '1002')
      .getByText(/Being transferred to 1003@clickdial\.test/)
      .waitFor();
    await card(popup, '1003').getByText('Transferred to you by 1002').waitFor();
    await waitForCardState(popup, '1003', 'In call');
    await waitForHearing(c, '1003 to hear us after we were transferred');
    await hangUpAll();
    await c.autoAnswer(false);
  });

  test('every one of these calls is in the history, transferred ones included', async () => {
    await popup.getByRole('tab', { name: 'History' }).click();
    const entries = popup.locator('.history-entry');
    // 3 calls to 1002 (hold/DTMF, blind, attended incl. cancel), 2 consultations of 1003, 1 from 1002, 1 to 1003 after the REFER.
    await waitFor(async () => (await entries.count()) >= 7, { what: `seven history entries (have ${await entries.count()})` });
    const rows = await entries.evaluateAll((els) =>
      els.map(
        (e) =>
          `${(e as HTMLElement).dataset.direction} ${(e as HTMLElement).dataset.outcome} ${e.querySelector('.history-name')?.textContent}`,
      ),
    );
    assert.deepEqual(rows.slice(0, 2).sort(), ['incoming completed 1002', 'outgoing completed 1003']);
    assert.equal(rows.filter((r) => r === 'outgoing completed 1002').length, 3, rows.join(' | '));
    assert.equal(rows.filter((r) => r === 'outgoing completed 1003').length, 3, rows.join(' | '));
    await popup.getByRole('tab', { name: 'Phone' }).click();
  });
});
