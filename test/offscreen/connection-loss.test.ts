// @vitest-environment happy-dom
// A call whose connection to the SIP server drops (issue 13, point 2), on
// SIP.js's real stack in the in-memory SIP world with a fake clock: the call
// is kept while the phone reconnects and hangs up normally afterwards; a
// hangup while disconnected ends it here and sends the BYE once the
// connection is back; a connection that stays away 30 s ends the call in
// words, files it as dropped, and the BYE still reaches the far end later.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { Phone } from '../../src/offscreen/phone';
import { ACCOUNT as A } from './phone-world';
import type { EndedCall } from '../../src/shared/snapshot';
import { FarEnd, SipWire, installMediaFakes, worldStack } from './sip-world';
import { said, saying } from '../support/said';

let wire: SipWire;
let far: FarEnd;
let phone: Phone;
let ended: EndedCall[];
const registered = () => phone.snapshot().accounts[0]?.registration === 'registered';
const byesFromPhone = () => wire.messages.filter((m) => m.from === 'phone' && m.text.startsWith('BYE ')).length;

async function until(check: () => boolean, limitMs: number): Promise<number> {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > limitMs) throw new Error(`not within ${limitMs} ms`);
    await vi.advanceTimersByTimeAsync(50);
  }
  return Date.now() - began;
}

async function talking(): Promise<string> {
  const { callId } = await phone.call('1002');
  await until(() => far.invitations.length === 1, 1000);
  await far.last().accept();
  await until(() => phone.snapshot().calls[0]?.state === 'active', 1000);
  return callId;
}

beforeAll(() => installMediaFakes());

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  wire = new SipWire();
  far = new FarEnd(wire);
  await far.start();
  ended = [];
  phone = new Phone(
    () => undefined,
    (e) => ended.push(e),
    undefined,
    worldStack(wire),
  );
  phone.configure([A], 'a');
  await until(registered, 1000);
});

afterEach(async () => {
  wire.down = false;
  phone.configure([], null);
  await vi.advanceTimersByTimeAsync(5000);
  await far.stop();
  vi.useRealTimers();
});

describe('a call whose connection drops', () => {
  it('is kept while the phone reconnects, and hanging up afterwards reaches the far end', async () => {
    const callId = await talking();
    wire.phoneTransports()[0]?.drop();
    expect(phone.snapshot().calls.map((c) => c.state)).toEqual(['active']);
    expect(said(phone.snapshot().notice?.words)).toMatch(/Your call goes on while ClickDial reconnects/);
    await until(registered, 5000);
    expect(said(phone.snapshot().notice?.words)).toMatch(/Reconnected/);
    expect(far.last().state).toBe(SessionState.Established);
    await phone.hangup(callId);
    await until(() => far.last().state === SessionState.Terminated, 1000);
    expect(ended.map((e) => e.outcome)).toEqual(['completed']);
  });

  it('a hangup while disconnected ends the call here at once; its BYE goes out once the connection is back', async () => {
    const callId = await talking();
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(phone.snapshot().calls.map((c) => c.state)).toEqual(['active']);
    await phone.hangup(callId);
    await until(() => phone.snapshot().calls.length === 0, 1000);
    expect(far.last().state).toBe(SessionState.Established);
    const byes = byesFromPhone();
    await vi.advanceTimersByTimeAsync(10_000);
    wire.down = false;
    await until(() => far.last().state === SessionState.Terminated, 5000);
    expect(byesFromPhone()).toBeGreaterThan(byes);
    expect(ended.map((e) => e.outcome)).toEqual(['completed']);
  });

  it('a connection away for 30 s ends the call in words as dropped; the BYE reaches the far end when the server is back', async () => {
    await talking();
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(phone.snapshot().calls).toHaveLength(1);
    await until(() => phone.snapshot().calls.length === 0, 2000);
    expect(ended[0]).toMatchObject({
      outcome: 'dropped',
      reason: saying(/lost for more than 30 s, so the call with 1002 was ended/),
    });
    expect(said(phone.snapshot().notice?.words)).toMatch(/lost for more than 30 s/);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(far.last().state).toBe(SessionState.Established);
    wire.down = false;
    await until(() => far.last().state === SessionState.Terminated, 5000);
  });

  it('hold waits for the connection to come back, then goes through', async () => {
    const callId = await talking();
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    const held = phone.ready(callId, 'hold').then((id) => phone.controls.setHold(id, true));
    await vi.advanceTimersByTimeAsync(3000);
    wire.down = false;
    await until(() => phone.snapshot().calls[0]?.held === true, 8000);
    await held;
  });
});
