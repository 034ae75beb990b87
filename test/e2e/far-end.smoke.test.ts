// Proves the e2e infrastructure itself: Kamailio over WebSocket + two far-end tabs in one
// Chromium can register, call, exchange RTP and hang up. No extension involved, so this
// runs before dist/ exists and tells "harness broken" apart from "extension broken".

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, type LaunchedBrowser } from './harness/browser.js';
import { openFarEnd, type FarEnd } from './harness/far-end.js';
import { startFarEndServer, type FarEndServer } from './harness/far-end-server.js';
import { startKamailio, type KamailioServer } from './harness/kamailio.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let kamailio: KamailioServer;
let server: FarEndServer;
let browser: LaunchedBrowser;
const farEnds: FarEnd[] = [];

before(async () => {
  [kamailio, server] = await Promise.all([startKamailio(), startFarEndServer()]);
  browser = await launchBrowser({ extensionPath: null });
});

after(async () => {
  await Promise.all(farEnds.map((f) => f.close().catch(() => undefined)));
  await browser?.close();
  await server?.close();
  await kamailio?.stop();
});

/** Diagnostics for a failed assertion: what Kamailio and the pages logged. */
function diagnostics(): string {
  return [
    '--- kamailio (tail) ---',
    kamailio.logs().slice(-4000),
    '--- far-end consoles ---',
    ...farEnds.flatMap((f) => f.consoleLog()),
  ].join('\n');
}

async function farEndAs(user: '1002' | '1003'): Promise<FarEnd> {
  const farEnd = await openFarEnd(browser.context, server, user);
  farEnds.push(farEnd);
  const state = await farEnd.register(kamailio.wsUrl, user);
  assert.equal(state.registered, true);
  return farEnd;
}

test('1002 calls 1003: answered, audio flows both ways, BYE reaches 1003', async (t) => {
  const [alice, bob] = await Promise.all([farEndAs('1002'), farEndAs('1003')]);
  t.diagnostic(`kamailio ${kamailio.wsUrl}`);
  try {
    await alice.call(aorOf('1003'));
    const invite = await bob.waitForEvent('invite');
    assert.equal(invite.detail.from, aorOf('1002'));
    await bob.answer();
    await Promise.all([alice.waitForCallState('Established'), bob.waitForCallState('Established')]);

    // RTP must keep arriving on both sides, not just a first packet.
    for (const [name, side] of [
      ['1002', alice],
      ['1003', bob],
    ] as const) {
      const first = await waitFor(async () => (await side.inboundRtpBytes()) > 0 && side.inboundRtpBytes(), {
        what: `${name} to receive RTP`,
      });
      await waitFor(async () => (await side.inboundRtpBytes()) > first, { what: `${name} RTP to keep growing` });
      assert.ok((await side.outboundRtpBytes()) > 0, `${name} sends RTP`);
    }

    await alice.hangup();
    const bye = await bob.waitForEvent('bye-received');
    assert.equal(bye.detail.from, aorOf('1002'));
    const ended = await bob.waitForEvent('terminated');
    assert.equal(ended.detail.reason, 'bye-received');
    const aliceEnded = await alice.waitForEvent('terminated');
    assert.equal(aliceEnded.detail.reason, 'local-hangup');
    assert.equal(
      (await alice.state()).events.some((e) => e.type === 'bye-received'),
      false,
    );
  } catch (error) {
    t.diagnostic(diagnostics());
    throw error;
  }
});

test('a wrong password is rejected with 401 on REGISTER', async () => {
  const mallory = await openFarEnd(browser.context, server, 'wrong-password');
  farEnds.push(mallory);
  await assert.rejects(mallory.register(kamailio.wsUrl, '1002', 'not-the-password'), /REGISTER rejected: 401\b/);
  const state = await mallory.state();
  assert.equal(state.registered, false);
  assert.deepEqual(
    state.events.filter((e) => e.type === 'register-failed').map((e) => e.detail.statusCode),
    [401],
  );
});
