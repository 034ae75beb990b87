// Issue 13, point 6: attended transfer through a proxy that routes addresses
// of record only (Kamailio started with AOR_ONLY: no route to WebSocket
// Contacts, and a REFER whose Refer-To is not an address of the domain gets
// 403, as most PBXs' edge proxies do). ClickDial's Refer-To names the target
// by its AOR with Replaces (src/offscreen/attended-refer.ts), so the transfer
// completes; SIP.js's own REFER (the target's Contact) is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForNoPopupCall } from './harness/clickdial.js';
import { card, dial, startRig, waitForCardState, waitForHearing, type Rig } from './harness/call-controls.js';
import type { FarEnd } from './harness/far-end.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;
let popup: Page;
let b: FarEnd; // 1002, the transferee
let c: FarEnd; // 1003, the target

before(async () => {
  rig = await startRig(['1002', '1003'], { kamailio: { defines: ['AOR_ONLY'] } });
  popup = rig.popup;
  b = rig.far['1002']!;
  c = rig.far['1003']!;
});

after(async () => {
  await rig?.stop();
});

describe('attended transfer through an edge proxy that routes addresses of record only', () => {
  test("the proxy refuses a REFER to the target's Contact (what SIP.js sends) with 403", async () => {
    await c.autoAnswer(true);
    // 1002 calls us (answered in the popup) and 1003, then transfers us to 1003 the SIP.js way.
    await b.call(aorOf('1001'));
    await waitForCardState(popup, '1002', 'Incoming call');
    await card(popup, '1002').getByRole('button', { name: 'Answer' }).click();
    const toUs = (await b.waitForCallState('Established')).id;
    const toC = await b.call(aorOf('1003'));
    await b.waitForCallState('Established', toC);
    await b.transfer(toC, toUs);
    const refused = await b.waitForEvent('refer-rejected');
    assert.equal(refused.detail.statusCode, 403);
    await b.hangup(toC);
    await b.hangup(toUs);
    await waitForNoPopupCall(popup);
  });

  test('ClickDial completes it: 1002 and 1003 talk to each other, our two legs end', async () => {
    await b.clearEvents();
    await c.clearEvents();
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
    await popup.getByLabel('Transfer to').fill('1003');
    await popup.getByRole('button', { name: 'Consult first' }).click();
    await waitForCardState(popup, '1003', 'In call');
    await waitForHearing(c, '1003 to hear us while consulting');
    await card(popup, '1003').getByRole('button', { name: 'Complete transfer' }).click();

    const refer = await b.waitForEvent('refer');
    const [referTo, headers] = String(refer.detail.referTo).split('?');
    assert.equal(referTo, aorOf('1003'), 'Refer-To is the address of record');
    assert.match(
      headers ?? '',
      /^Replaces=[^;=]+%3Bto-tag%3D[^;=]+%3Bfrom-tag%3D[^;=]+$/i,
      'with the escaped Replaces of the consultation',
    );
    const replacing = await c.waitForEvent('invite', (e) => e.detail.replaces !== null);
    assert.equal(replacing.detail.from, aorOf('1002'));
    await waitFor(async () => (await c.state()).calls.some((x) => x.state === 'Established' && x.remoteUri === aorOf('1002')), {
      what: '1003 connected to 1002',
    });
    await waitFor(async () => (await b.state()).calls.some((x) => x.state === 'Established' && x.remoteUri === aorOf('1003')), {
      what: '1002 connected to 1003',
    });
    assert.equal((await b.state()).events.filter((e) => e.type === 'refer-rejected').length, 0);
    await waitForHearing(c, '1003 to hear 1002 after the transfer');
    await waitForHearing(b, '1002 to hear 1003 after the transfer');
    await waitForNoPopupCall(popup, 15_000);
    // Our first leg ended with our BYE after the NOTIFY 200, the consultation by 1003's BYE.
    await b.waitForEvent('bye-received');
    await c.hangup().catch(() => undefined);
  });
});
