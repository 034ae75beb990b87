// Checks that the test Kamailio (kamailio/kamailio.cfg) supports every SIP feature the
// extension's e2e tests rely on, using only far-end tabs: hold re-INVITE, INFO DTMF,
// MESSAGE, 486/603/404/480, CANCEL, blind and attended (Replaces) transfer.

import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { launchBrowser, type LaunchedBrowser } from './harness/browser.js';
import { openFarEnd, type FarEnd } from './harness/far-end.js';
import { startFarEndServer, type FarEndServer } from './harness/far-end-server.js';
import { startKamailio, type KamailioServer } from './harness/kamailio.js';
import { aorOf, DOMAIN, type UserId } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let kamailio: KamailioServer;
let server: FarEndServer;
let browser: LaunchedBrowser;
let open: FarEnd[] = [];

before(async () => {
  [kamailio, server] = await Promise.all([startKamailio(), startFarEndServer()]);
  browser = await launchBrowser({ extensionPath: null });
});

afterEach(async () => {
  // Fresh tabs per test: no leftover calls or events between tests.
  await Promise.all(open.map((f) => f.close().catch(() => undefined)));
  open = [];
});

after(async () => {
  await browser?.close();
  await server?.close();
  await kamailio?.stop();
});

async function phones<N extends UserId[]>(...users: N): Promise<FarEnd[]> {
  return Promise.all(
    users.map(async (user) => {
      const f = await openFarEnd(browser.context, server, user);
      open.push(f);
      await f.register(kamailio.wsUrl, user);
      return f;
    }),
  );
}

async function established(caller: FarEnd, callee: FarEnd, target: UserId): Promise<string> {
  const id = await caller.call(aorOf(target));
  await callee.waitForEvent('invite');
  await callee.answer();
  await Promise.all([caller.waitForCallState('Established', id), callee.waitForCallState('Established')]);
  return id;
}

test('hold re-INVITE, INFO DTMF and BYE from the callee', async () => {
  const [a, b] = (await phones('1001', '1002')) as [FarEnd, FarEnd];
  await established(a, b, '1002');
  // The fake microphone beeps: energy flows, stops while held, flows again after unhold.
  await waitFor(async () => (await b.receivedAudioEnergy(300)) > 0.01, { what: '1002 to hear 1001' });
  await a.hold();
  assert.equal((await a.state()).calls.at(-1)?.held, true);
  await waitFor(async () => (await b.receivedAudioEnergy(300)) < 1e-4, { what: '1002 to hear silence on hold' });
  await a.unhold();
  await waitFor(async () => (await b.receivedAudioEnergy(300)) > 0.01, { what: '1002 to hear 1001 after unhold' });
  await a.sendDtmf('5');
  const dtmf = await b.waitForEvent('dtmf');
  assert.equal(dtmf.detail.tone, '5');
  await b.hangup();
  await a.waitForEvent('bye-received');
});

test('MESSAGE is delivered to a registered user', async () => {
  const [a, b] = (await phones('1001', '1002')) as [FarEnd, FarEnd];
  await a.message(aorOf('1002'), 'hello from 1001');
  const msg = await b.waitForEvent('message');
  assert.equal(msg.detail.body, 'hello from 1001');
  assert.equal(msg.detail.from, aorOf('1001'));
});

test('486, 603, 404 (unknown user), 480 (not registered) and CANCEL', async () => {
  const [a, b] = (await phones('1001', '1002')) as [FarEnd, FarEnd];
  for (const code of [486, 603] as const) {
    const id = await a.call(aorOf('1002'));
    await b.waitForEvent('invite');
    await b.decline(code);
    const rejected = await a.waitForEvent('rejected', (e) => e.detail.callId === id);
    assert.equal(rejected.detail.statusCode, code);
    await b.clearEvents();
  }
  const unknown = await a.call(`sip:9999@${DOMAIN}`);
  assert.equal((await a.waitForEvent('rejected', (e) => e.detail.callId === unknown)).detail.statusCode, 404);
  const offline = await a.call(aorOf('1004'));
  assert.equal((await a.waitForEvent('rejected', (e) => e.detail.callId === offline)).detail.statusCode, 480);

  const ringing = await a.call(aorOf('1002'));
  await b.waitForEvent('invite');
  await a.hangup(ringing);
  await b.waitForEvent('cancel');
  assert.equal((await a.waitForEvent('rejected', (e) => e.detail.callId === ringing)).detail.statusCode, 487);
});

test('blind transfer: 1001 refers 1002 to 1003', async () => {
  const [a, b, c] = (await phones('1001', '1002', '1003')) as [FarEnd, FarEnd, FarEnd];
  await c.autoAnswer(true);
  await established(a, b, '1002');
  await a.transfer(aorOf('1003'));
  const refer = await b.waitForEvent('refer');
  assert.equal(refer.detail.referTo, aorOf('1003'));
  await c.waitForCallState('Established');
  await waitFor(async () => (await c.inboundRtpBytes()) > 0, { what: '1003 to get RTP from 1002' });
  await a.hangup();
});

test('attended transfer: 1001 joins 1002 and 1003 with REFER/Replaces', async () => {
  const [a, b, c] = (await phones('1001', '1002', '1003')) as [FarEnd, FarEnd, FarEnd];
  const toB = await established(a, b, '1002');
  await a.hold(toB);
  const toC = await established(a, c, '1003');
  await a.transfer(toC, toB);
  const refer = await b.waitForEvent('refer');
  assert.ok(refer.detail.replaces, 'REFER carries Replaces');
  // c gets an INVITE with Replaces from b, answers it automatically, and drops a's leg.
  const replacing = await c.waitForEvent('invite', (e) => e.detail.replaces !== null);
  assert.equal(replacing.detail.from, aorOf('1002'));
  await waitFor(async () => (await c.state()).calls.some((x) => x.state === 'Established' && x.remoteUri === aorOf('1002')), {
    what: '1003 connected to 1002',
  });
  await waitFor(async () => (await c.inboundRtpBytes()) > 0, { what: '1003 to get RTP from 1002' });
  // 1003 itself ends the replaced leg to 1001.
  await a.waitForEvent('bye-received', (e) => e.detail.callId === toC);
  await a.hangup(toB);
});
