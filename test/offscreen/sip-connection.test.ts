// @vitest-environment happy-dom
// The connection's promises over time, on SIP.js's real stack in the
// in-memory SIP world, with a fake clock: a dead connection is noticed by the
// keep-alive, an outage of any length up to 10 minutes ends in a registration
// within 5 s of the server's return, `online` retries at once, a contact the
// server forgot comes back within a minute, and account changes leave no
// SessionManager listening on the window.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Phone, type AccountConfig } from '../../src/offscreen/phone';
import type { SipAccount } from '../../src/shared/account';
import { KEEP_ALIVE_ANSWER_MS, KEEP_ALIVE_INTERVAL_MS } from '../../src/offscreen/keep-alive';
import { SipWire, installMediaFakes, worldStack } from './sip-world';
import { said } from '../support/said';

function sipAccount(aor: string, password = 'secret'): SipAccount {
  return { server: 'wss://pbx.test/ws', aor, authorizationUser: '', password, displayName: '', iceServers: [] };
}
const A: AccountConfig = { id: 'a', account: sipAccount('sip:1001@clickdial.test'), wantsOnline: true };

let wire: SipWire;
let phone: Phone;
const account = () => phone.snapshot().accounts[0];
const registered = () => account()?.registration === 'registered';

/** Advances the fake clock in small steps until `check` holds; returns the time it took. */
async function timeUntil(check: () => boolean, limitMs: number): Promise<number> {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > limitMs) throw new Error(`not within ${limitMs} ms`);
    await vi.advanceTimersByTimeAsync(100);
  }
  return Date.now() - began;
}

beforeAll(() => installMediaFakes());

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  wire = new SipWire();
  phone = new Phone(() => undefined, undefined, undefined, worldStack(wire));
  phone.configure([A], 'a');
  await timeUntil(registered, 1000);
});

afterEach(async () => {
  wire.down = false;
  wire.silent = false;
  phone.configure([], null);
  await vi.advanceTimersByTimeAsync(3000);
  vi.useRealTimers();
});

describe('keep-alive', () => {
  it('a connection that stops answering without closing is noticed within 20 s, said, and replaced once it heals', async () => {
    wire.silent = true;
    const noticed = await timeUntil(() => account()?.connection === 'disconnected', 30_000);
    expect(noticed).toBeLessThanOrEqual(KEEP_ALIVE_INTERVAL_MS + KEEP_ALIVE_ANSWER_MS + 200);
    expect(said(account()?.registrationError)).toMatch(/stopped answering/);
    wire.silent = false;
    await timeUntil(registered, 5000);
    expect(account()?.registrationError).toBeUndefined();
  });

  it('a server that answers keeps the connection: no reconnect in a minute', async () => {
    const before = wire.log.filter((l) => l.includes('REGISTER')).length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(account()?.connection).toBe('connected');
    expect(wire.log.filter((l) => l.startsWith('phone: OPTIONS')).length).toBeGreaterThanOrEqual(3);
    // The registration is refreshed at half its 110 s: at most one refresh in a minute.
    expect(wire.log.filter((l) => l.includes('REGISTER')).length - before).toBeLessThanOrEqual(1);
  });
});

describe('re-registration after an outage', () => {
  for (const outageS of [5, 30, 60, 120, 590]) {
    it(`an outage of ${outageS} s ends in a registration within 5 s of the server's return`, async () => {
      wire.down = true;
      wire.phoneTransports()[0]?.drop();
      await vi.advanceTimersByTimeAsync(outageS * 1000);
      expect(registered()).toBe(false);
      wire.down = false;
      expect(await timeUntil(registered, 5000)).toBeLessThanOrEqual(5000);
    });
  }

  it('back after an outage but the first REGISTER lost (a PBX still starting): a new connection, registered within seconds', async () => {
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(10_000);
    // The server takes connections again, but what the phone sends first goes nowhere.
    wire.down = false;
    wire.silent = true;
    await timeUntil(() => account()?.registration === 'registering', 5000);
    wire.silent = false;
    const connects = wire.connectAttempts;
    // SIP's own timer would wait 32 s for that REGISTER, the keep-alive some 20 s.
    expect(await timeUntil(registered, 10_000)).toBeLessThan(7000);
    expect(wire.connectAttempts).toBe(connects + 1);
    expect(account()?.registrationError).toBeUndefined();
  });

  it('a server that never answered the REGISTER from the start is named, not tried again and again', async () => {
    wire.silent = true;
    phone.configure([{ ...A, account: sipAccount('sip:1001@clickdial.test', 'other password') }], 'a');
    await timeUntil(() => /has not answered the registration/.test(said(account()?.registrationError) ?? ''), 5000);
    const connects = wire.connectAttempts;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(wire.connectAttempts).toBe(connects);
    expect(said(account()?.registrationError)).toMatch(/has not answered the registration/);
  });

  it('after 10 minutes down, attempts spread out to 15-30 s apart', async () => {
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    const connectsBefore = connectAttempts();
    await vi.advanceTimersByTimeAsync(60_000);
    const inAMinute = connectAttempts() - connectsBefore;
    expect(inAMinute).toBeGreaterThanOrEqual(2);
    expect(inAMinute).toBeLessThanOrEqual(4);
  });

  it('the browser coming back online retries at once, not at the next attempt', async () => {
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(11 * 60_000); // attempts are 15-30 s apart by now
    wire.down = false;
    phone.networkBack();
    expect(await timeUntil(registered, 1000)).toBeLessThan(500);
  });
});

describe('a registration the server forgot', () => {
  it('comes back within 60 s while the connection stays up', async () => {
    wire.forget('sip:1001@clickdial.test');
    expect(wire.isRegistered('sip:1001@clickdial.test')).toBe(false);
    await timeUntil(() => wire.isRegistered('sip:1001@clickdial.test'), 60_000);
  });
});

describe('account changes', () => {
  it('never wait for the network, and leave no SessionManager listening on the window', async () => {
    const original = window.addEventListener;
    const types: string[] = [];
    window.addEventListener = function (this: Window, ...args: Parameters<typeof addEventListener>) {
      types.push(args[0]);
      original.apply(this, args);
    } as typeof addEventListener;
    for (let i = 0; i < 5; i += 1) {
      phone.configure([{ ...A, account: sipAccount('sip:1001@clickdial.test', `password ${i}`) }], 'a');
      await timeUntil(registered, 2000);
    }
    // SIP.js's SessionManager adds an `online` listener it never removes; one per account change would pile up.
    window.addEventListener = original;
    expect(types.filter((type) => type === 'online')).toEqual([]);
  });
});

/** Connection attempts the phone made (a connect to a server that is down sends nothing, so the log has none). */
function connectAttempts(): number {
  return wire.connectAttempts;
}

describe('"Retry now"', () => {
  it('after the server refused the password, one press tries again at once (without it, no retry in a minute)', async () => {
    wire.refuse.add('1001@clickdial.test');
    phone.configure([{ ...A, account: sipAccount('sip:1001@clickdial.test', 'old password') }], 'a');
    await timeUntil(() => account()?.registration === 'failed', 2000);
    wire.refuse.delete('1001@clickdial.test');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(account()?.registration).toBe('failed');
    phone.retry('a');
    expect(await timeUntil(registered, 1000)).toBeLessThan(500);
  });

  it('a REGISTER the server never answers: a new connection at once, registered as soon as the server answers again', async () => {
    wire.silent = true;
    phone.configure([{ ...A, account: sipAccount('sip:1001@clickdial.test', 'other password') }], 'a');
    await timeUntil(() => /has not answered the registration/.test(said(account()?.registrationError) ?? ''), 5000);
    wire.silent = false;
    // The old connection's REGISTER went nowhere and is not sent again: alone, the phone would wait.
    await vi.advanceTimersByTimeAsync(1000);
    expect(registered()).toBe(false);
    const connects = wire.connectAttempts;
    phone.retry();
    expect(await timeUntil(registered, 1000)).toBeLessThan(500);
    expect(wire.connectAttempts).toBe(connects + 1);
  });

  it('while attempts are 15-30 s apart, tries at once', async () => {
    wire.down = true;
    wire.phoneTransports()[0]?.drop();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    wire.down = false;
    phone.retry('a');
    expect(await timeUntil(registered, 1000)).toBeLessThan(500);
  });

  it('leaves a registered account alone, and refuses an account that is not set up', async () => {
    const connects = wire.connectAttempts;
    phone.retry('a');
    await vi.advanceTimersByTimeAsync(1000);
    expect(wire.connectAttempts).toBe(connects);
    expect(() => phone.retry('nope')).toThrow(/no longer set up/);
  });
});
