// Issue 13, "what held and must keep holding": 20 service-worker stops during
// a call leave the call alone (the phone's port reconnects; nothing is filed
// as lost), and 10 quick server restarts end with the phone registered once
// (one contact at the server), soon after the last. Real Chromium, real Kamailio.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitForPopupCallState, waitForRegistration, storedHistory } from './harness/clickdial.js';
import { stopServiceWorker } from './harness/browser.js';
import { card, dial, startRig, waitForHearing, type Rig } from './harness/call-controls.js';
import { startKamailio, type KamailioServer } from './harness/kamailio.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;
let kamailio: KamailioServer;

before(async () => {
  rig = await startRig(['1002']);
  kamailio = rig.kamailio;
});

after(async () => {
  await rig?.stop();
  if (kamailio !== rig?.kamailio) await kamailio?.stop();
});

function history(): ReturnType<typeof storedHistory> {
  return storedHistory(rig.browser.serviceWorker);
}

test('20 service-worker stops during a call: the call and its audio go on, nothing is filed as lost', async () => {
  await dial(rig.popup, '1002');
  await rig.farEnd.waitForEvent('invite');
  await rig.farEnd.answer();
  await waitForPopupCallState(rig.popup, 'In call');
  for (let i = 0; i < 20; i += 1) {
    await stopServiceWorker(rig.browser.context);
    await new Promise((r) => setTimeout(r, 150));
  }
  await waitForHearing(rig.farEnd, 'the far end to still hear us');
  await waitForPopupCallState(rig.popup, 'In call');
  assert.deepEqual(await history(), [], 'no call was filed as lost');
  await card(rig.popup, '1002').getByRole('button', { name: 'Hang up' }).click();
  await rig.farEnd.waitForEvent('bye-received');
  await waitFor(async () => (await history())[0]?.outcome === 'completed', { what: 'the call filed as an ordinary one' });
});

test('10 quick server restarts end with one registration, soon after the last', async () => {
  const port = kamailio.port;
  for (let i = 0; i < 10; i += 1) {
    await kamailio.stop();
    kamailio = await startKamailio({ port });
    await new Promise((r) => setTimeout(r, 300));
  }
  const lastAt = Date.now();
  await waitFor(async () => /Contact/.test(await kamailio.rpc('ul.lookup', 'location', `1001@${kamailio.domain}`).catch(() => '')), {
    timeoutMs: 10_000,
    what: 'the phone registered at the last server',
  });
  const backS = (Date.now() - lastAt) / 1000;
  await waitForRegistration(rig.popup, 'Registered', 5000);
  // Give a second REGISTER (from an earlier attempt) the time to show up.
  await new Promise((r) => setTimeout(r, 3000));
  const contacts = (await kamailio.rpc('ul.lookup', 'location', `1001@${kamailio.domain}`)).match(/Contact:/g) ?? [];
  assert.equal(contacts.length, 1, 'one contact at the server');
  assert.ok(backS <= 5, `registered ${backS} s after the last restart`);
});
