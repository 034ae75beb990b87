// Issue 13, point 8: a server that drops the phone's registration while the
// connection stays up (a restart of its location service, an administrator,
// a lost database) would leave the popup saying Registered while calls never
// ring. The phone refreshes its registration well before expiry (every 55 s),
// so it is back within a minute. Real Kamailio; the contact is removed as its
// administrator would (kamcmd ul.rm).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { registrationText } from './harness/clickdial.js';
import { startRig, type Rig } from './harness/call-controls.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;

before(async () => {
  rig = await startRig(['1002']);
});

after(async () => {
  await rig?.stop();
});

async function hasContact(): Promise<boolean> {
  return rig.kamailio
    .rpc('ul.lookup', 'location', `1001@${rig.kamailio.domain}`)
    .then(() => true)
    .catch(() => false);
}

test('a registration the server dropped is back within 60 s, and calls ring again', { timeout: 90_000 }, async () => {
  assert.ok(await hasContact(), 'registered at the server to begin with');
  await rig.kamailio.rpc('ul.rm', 'location', `1001@${rig.kamailio.domain}`);
  assert.equal(await hasContact(), false, 'the server forgot the phone');
  const droppedAt = Date.now();
  // The far end's call now finds nobody: this is what users saw, with "Registered" on screen.
  await rig.farEnd.call(`sip:1001@${rig.kamailio.domain}`);
  const rejected = await rig.farEnd.waitForEvent('rejected');
  assert.match(String(rejected.detail.statusCode), /^4\d\d$/);
  await waitFor(hasContact, { timeoutMs: 60_000, intervalMs: 1000, what: 'the phone to register again' });
  const backS = (Date.now() - droppedAt) / 1000;
  assert.ok(backS <= 60, `back after ${backS} s`);
  assert.equal(await registrationText(rig.popup), 'Registered');
  await rig.farEnd.call(`sip:1001@${rig.kamailio.domain}`);
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 1, { what: 'the call to ring here' });
  await rig.farEnd.hangup();
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 0, { what: 'the call to end' });
});
