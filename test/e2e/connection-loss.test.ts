// Issue 13, point 2: the WebSocket to the SIP server is lost during a call.
// Media is peer to peer, so the call is kept while the phone reconnects: a
// server restarted mid-call leaves the call and its audio going, and hanging
// up afterwards reaches the far end; a server gone for 60 s ends the call after
// 30 s in words, files it as dropped, and the BYE still reaches the far end
// when the server is back. Real Kamailio (stopped and started on its port),
// a far end that survives the loss too (far-end.js survive()).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { waitForPopupCallState, waitForRegistration, storedHistory } from './harness/clickdial.js';
import { card, dial, popupAlerts, startRig, waitForHearing, type Rig } from './harness/call-controls.js';
import { startKamailio, type KamailioServer } from './harness/kamailio.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;
let kamailio: KamailioServer;

before(async () => {
  rig = await startRig(['1002']);
  kamailio = rig.kamailio;
  await rig.farEnd.survive(true);
});

after(async () => {
  await rig?.stop();
  // The server of the last restart (the lab stops the one it started).
  if (kamailio !== rig?.kamailio) await kamailio?.stop();
});

beforeEach(async () => {
  await rig.farEnd.clearEvents();
});

async function farEndRegistered(): Promise<boolean> {
  return kamailio
    .rpc('ul.lookup', 'location', `1002@${kamailio.domain}`)
    .then(() => true)
    .catch(() => false);
}

async function talkToFarEnd(): Promise<void> {
  await dial(rig.popup, '1002');
  await rig.farEnd.waitForEvent('invite');
  await rig.farEnd.answer();
  await waitForPopupCallState(rig.popup, 'In call');
  await waitForHearing(rig.farEnd, 'the far end to hear us');
}

function history(): ReturnType<typeof storedHistory> {
  return storedHistory(rig.browser.serviceWorker);
}

test('the server restarts mid-call: the call and its audio go on, and hanging up afterwards reaches the far end', async () => {
  await talkToFarEnd();
  const port = kamailio.port;
  await kamailio.stop();
  await waitFor(async () => /Your call goes on while ClickDial reconnects/.test(await popupAlerts(rig.popup)), {
    what: 'the popup to say the call goes on',
  });
  assert.equal(await rig.popup.locator('article.call').count(), 1, 'the call is still shown');
  // Peer to peer: the far end still hears us with no server at all.
  await waitForHearing(rig.farEnd, 'audio while the server is down');
  kamailio = await startKamailio({ port });
  await waitForRegistration(rig.popup, 'Registered', 10_000);
  await waitFor(farEndRegistered, { what: 'the far end to register again', timeoutMs: 10_000 });
  await waitForPopupCallState(rig.popup, 'In call');
  await waitForHearing(rig.farEnd, 'audio after the restart');
  await card(rig.popup, '1002').getByRole('button', { name: 'Hang up' }).click();
  await rig.farEnd.waitForEvent('bye-received', undefined, { timeoutMs: 5000 });
  await waitFor(async () => (await history())[0]?.outcome === 'completed', { what: 'an ordinary call in the history' });
});

test('the server is gone for 60 s mid-call: after 30 s the call ends in words as dropped; the far end gets the BYE once the server is back', async () => {
  await talkToFarEnd();
  const port = kamailio.port;
  await kamailio.stop();
  const lostAt = Date.now();
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 0, {
    timeoutMs: 40_000,
    intervalMs: 250,
    what: 'the call to end after 30 s without the server',
  });
  const endedS = (Date.now() - lostAt) / 1000;
  assert.ok(endedS >= 29 && endedS <= 35, `the call ended ${endedS} s after the connection was lost`);
  assert.match(await popupAlerts(rig.popup), /lost for more than 30 s, so the call with 1002 was ended/);
  await waitFor(async () => (await history())[0]?.outcome === 'dropped', { what: 'the history to file the call as dropped' });
  assert.match((await history())[0]?.reason ?? '', /lost for more than 30 s/);
  // The far end (whose media went on) still has its call: no BYE could be sent.
  assert.equal((await rig.farEnd.state()).calls.at(-1)?.state, 'Established');
  await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - lostAt))));
  kamailio = await startKamailio({ port });
  await waitForRegistration(rig.popup, 'Registered', 10_000);
  await rig.farEnd.waitForEvent('bye-received', undefined, { timeoutMs: 15_000 });
  await rig.farEnd.waitForCallState('Terminated');
});
