// Issue 13, point 5: SIP session timers (RFC 4028) against a far end that
// requires them, as FreeSWITCH or Asterisk can: a 10 s session interval (the
// shortest ClickDial takes), kept up over 3 intervals with the call
// established at both ends. The far end (far-end.js sessionTimers) hangs up
// when one of its UPDATE refreshes fails or when no refresh reaches it in
// time, so a phone without timers loses both calls. Through real Kamailio.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForNoPopupCall } from './harness/clickdial.js';
import { card, dial, startRig, waitForCardState, waitForHearing, type Rig } from './harness/call-controls.js';
import type { FarEnd } from './harness/far-end.js';
import { aorOf } from './harness/users.js';

const INTERVAL_S = 10;
/** Three session intervals and a little. */
const THREE_INTERVALS_MS = 3 * INTERVAL_S * 1000 + 1500;

let rig: Rig;
let popup: Page;
let b: FarEnd;

before(async () => {
  rig = await startRig(['1002']);
  popup = rig.popup;
  b = rig.far['1002']!;
});

after(async () => {
  await rig?.stop();
});

async function count(type: 'refresh-sent' | 'refresh-failed' | 'timer-expired' | 'update-received'): Promise<number> {
  return (await b.state()).events.filter((e) => e.type === type).length;
}

describe('session timers with a far end that requires them', () => {
  test('the far end refreshes by UPDATE every 5 s: all answered 200, the call stays up for 3 intervals', async () => {
    await b.clearEvents();
    await b.sessionTimers({ interval: INTERVAL_S, refresher: 'uac' });
    const callId = await b.call(aorOf('1001'));
    await waitForCardState(popup, '1002', 'Incoming call');
    await card(popup, '1002').getByRole('button', { name: 'Answer' }).click();
    await b.waitForCallState('Established', callId);
    await new Promise((r) => setTimeout(r, THREE_INTERVALS_MS));
    const refreshes = (await b.state()).events.filter((e) => e.type === 'refresh-sent');
    assert.ok(refreshes.length >= 6, `six refreshes in three intervals (${refreshes.length})`);
    assert.deepEqual(
      refreshes.map((e) => e.detail.status),
      refreshes.map(() => 200),
    );
    assert.equal(await count('refresh-failed'), 0);
    await b.waitForCallState('Established', callId, { timeoutMs: 100 });
    await waitForCardState(popup, '1002', 'In call', 100);
    await waitForHearing(b, '1002 to still hear us');
    await b.hangup(callId);
    await waitForNoPopupCall(popup);
  });

  test('ClickDial is the refresher (refresher=uac on our call): it sends UPDATEs in time for 3 intervals', async () => {
    await b.clearEvents();
    await b.sessionTimers({ interval: INTERVAL_S, refresher: 'uac' });
    await b.autoAnswer(true);
    await dial(popup, '1002');
    const call = await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await new Promise((r) => setTimeout(r, THREE_INTERVALS_MS));
    const updates = (await b.state()).events.filter((e) => e.type === 'update-received');
    assert.ok(updates.length >= 6, `six refreshes from ClickDial in three intervals (${updates.length})`);
    for (const u of updates) {
      assert.equal(u.detail.sessionExpires, `${INTERVAL_S};refresher=uac`);
      assert.match(String(u.detail.supported), /\btimer\b/);
    }
    assert.equal(await count('timer-expired'), 0);
    await b.waitForCallState('Established', call.id, { timeoutMs: 100 });
    await waitForCardState(popup, '1002', 'In call', 100);
    await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
    await b.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
    await b.autoAnswer(false);
    await b.sessionTimers(undefined);
  });
});
