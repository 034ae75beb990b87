// @vitest-environment happy-dom
// SIP session timers (offscreen/session-timer.ts, RFC 4028) over SIP.js's real
// stack in the in-memory SIP world, with the clock faked (it still runs, and
// tests jump it by whole refresh intervals): refreshes from the far end
// (UPDATE with and without SDP, re-INVITE) are answered with Session-Expires,
// a call whose refreshes stop is ended with a BYE and words, ClickDial
// refreshes when it is the refresher (UPDATE, else re-INVITE), and a 422 is
// retried with the Min-SE asked for.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { parseSessionExpires, REQUESTED_INTERVAL_S } from '../../src/offscreen/session-timer-negotiation';
import { fakeSdp, installMediaFakes, until } from './sip-world';
import { header, phoneWorld, sent, type PhoneWorld } from './phone-world';
import { said } from '../support/said';

let world: PhoneWorld | undefined;

beforeAll(() => installMediaFakes());
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(async () => {
  vi.useRealTimers();
  await world?.stop();
  world = undefined;
});

const TIMER = ['Session-Expires: 10;refresher=uac', 'Supported: timer'];

/** The far end calls us asking for a 10 s session timer it refreshes; we answer. */
async function incomingWithTimer(w: PhoneWorld): Promise<{ callId: string; inviter: ReturnType<PhoneWorld['far']['call']> }> {
  const inviter = w.far.call('sip:1001@clickdial.test', TIMER);
  await until(() => w.now().calls[0]?.state === 'ringing', 'ringing');
  const callId = w.now().calls[0]!.id;
  await w.phone.answer(callId);
  await until(() => w.stateOf(callId) === 'active' && inviter.state === SessionState.Established, 'established');
  return { callId, inviter };
}

describe('session timers: the far end refreshes', () => {
  it('our 200 carries Session-Expires, Require: timer, Supported: timer and Allow: UPDATE', async () => {
    const w = (world = await phoneWorld());
    await incomingWithTimer(w);
    const ok = sent(w, 'phone', '200 INVITE')[0];
    expect(header(ok, 'Session-Expires')).toBe('10;refresher=uac');
    expect(header(ok, 'Require')).toBe('timer');
    expect(header(ok, 'Supported')).toMatch(/\btimer\b/);
    expect(ok).toMatch(/^Allow:.*\bUPDATE\b/im);
  });

  it('UPDATE refreshes (no SDP) are answered 200 over 3 intervals; when they stop, we BYE and say why', async () => {
    const w = (world = await phoneWorld());
    const { callId, inviter } = await incomingWithTimer(w);
    for (let i = 0; i < 6; i += 1) {
      await vi.advanceTimersByTimeAsync(5000);
      const response = await w.far.sendUpdate(inviter, TIMER);
      expect(response.statusCode).toBe(200);
      expect(parseSessionExpires(response.getHeader('session-expires'))).toEqual({ interval: 10, refresher: 'uac' });
      expect(response.getHeader('require')).toBe('timer');
    }
    expect(w.stateOf(callId)).toBe('active');
    expect(sent(w, 'phone', 'BYE')).toEqual([]);
    // No refresh: the call ends before the interval is over (10 - min(32, 10/3) s), with a BYE.
    await vi.advanceTimersByTimeAsync(7000);
    await until(() => sent(w, 'phone', 'BYE').length === 1, 'our BYE');
    expect(header(sent(w, 'phone', 'BYE')[0], 'Reason')).toMatch(/cause=408/);
    await until(() => w.stateOf(callId) === 'ended', 'the call ended');
    expect(said(w.now().notice?.words)).toBe(
      'The call with 1002 was ended: the other side stopped confirming the call was still on (no session refresh within 10 s).',
    );
    expect(inviter.state).toBe(SessionState.Terminated);
  });

  it('an UPDATE with an SDP offer is answered with an SDP answer', async () => {
    const w = (world = await phoneWorld());
    const { callId, inviter } = await incomingWithTimer(w);
    const response = await w.far.sendUpdate(inviter, TIMER, fakeSdp('sendrecv', 'updateufrag'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^v=0/);
    expect(response.getHeader('session-expires')).toBe('10;refresher=uac');
    expect(w.stateOf(callId)).toBe('active');
  });

  it('a re-INVITE refresh is answered with Session-Expires and keeps the call up', async () => {
    const w = (world = await phoneWorld());
    const { callId, inviter } = await incomingWithTimer(w);
    for (let i = 0; i < 3; i += 1) {
      await vi.advanceTimersByTimeAsync(5000);
      await inviter.invite({ requestOptions: { extraHeaders: TIMER } });
      await until(() => sent(w, 'phone', '200 INVITE').length === i + 2, 'the 200 to the re-INVITE');
    }
    expect(header(sent(w, 'phone', '200 INVITE').at(-1), 'Session-Expires')).toBe('10;refresher=uac');
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.stateOf(callId)).toBe('active');
  });

  it('a call asking for a shorter interval than 10 s is refused with 422 and our Min-SE', async () => {
    const w = (world = await phoneWorld());
    w.far.call('sip:1001@clickdial.test', ['Session-Expires: 5', 'Supported: timer']);
    await until(() => w.far.rejections.length === 1, 'the answer');
    expect(w.far.rejections).toEqual([422]);
    expect(header(sent(w, 'phone', '422 INVITE')[0], 'Min-SE')).toBe('10');
    await until(() => w.ended.length === 1, 'filed');
    expect(w.ended[0]?.outcome).toBe('failed');
    expect(w.now().calls).toEqual([]);
  });
});

describe('session timers: ClickDial refreshes', () => {
  /** We call the far end, which answers with a 10 s timer that we refresh (refresher=uac). */
  async function outgoingWithTimer(w: PhoneWorld, allow: string): Promise<string> {
    const { callId } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept({ extraHeaders: ['Session-Expires: 10;refresher=uac', 'Require: timer', `Allow: ${allow}`] });
    await until(() => w.stateOf(callId) === 'active', 'active');
    return callId;
  }

  it('our INVITE asks for timers; we refresh by UPDATE every half interval, over 3 intervals', async () => {
    const w = (world = await phoneWorld());
    w.far.answerUpdates();
    const callId = await outgoingWithTimer(w, 'INVITE, ACK, BYE, CANCEL, UPDATE');
    const invite = sent(w, 'phone', 'INVITE')[0];
    expect(header(invite, 'Session-Expires')).toBe(String(REQUESTED_INTERVAL_S));
    expect(header(invite, 'Supported')).toMatch(/\btimer\b/);
    expect(invite).toMatch(/^Allow:.*\bUPDATE\b/im);
    for (let i = 1; i <= 6; i += 1) {
      await vi.advanceTimersByTimeAsync(5000);
      await until(() => w.far.updates.length === i, `refresh ${i}`);
    }
    expect(w.far.updates.map((u) => u.getHeader('session-expires'))).toEqual(Array(6).fill('10;refresher=uac'));
    expect(w.stateOf(callId)).toBe('active');
    expect(sent(w, 'phone', 'BYE')).toEqual([]);
  });

  it('a peer that does not allow UPDATE is refreshed by re-INVITE', async () => {
    const w = (world = await phoneWorld());
    const callId = await outgoingWithTimer(w, 'INVITE, ACK, BYE, CANCEL');
    for (let i = 1; i <= 3; i += 1) {
      await vi.advanceTimersByTimeAsync(5000);
      await until(() => sent(w, 'phone', 'INVITE').length === i + 1, `re-INVITE ${i}`);
      await until(() => sent(w, 'far', '200 INVITE').length === i + 1, `its answer ${i}`);
    }
    expect(header(sent(w, 'phone', 'INVITE').at(-1), 'Session-Expires')).toBe('10;refresher=uac');
    expect(w.far.updates).toEqual([]);
    expect(w.stateOf(callId)).toBe('active');
  });

  it('a refresh answered 481 ends the call with a BYE, said in words', async () => {
    const w = (world = await phoneWorld());
    w.far.answerUpdates(481);
    const callId = await outgoingWithTimer(w, 'INVITE, ACK, BYE, CANCEL, UPDATE');
    await vi.advanceTimersByTimeAsync(5000);
    await until(() => w.stateOf(callId) === 'ended', 'the call ended');
    expect(sent(w, 'phone', 'BYE')).toHaveLength(1);
    expect(said(w.now().notice?.words)).toMatch(/^The call with 1002 was ended: the other side no longer knows the call/);
  });

  it('a 422 to our INVITE is retried with the Min-SE asked for', async () => {
    const w = (world = await phoneWorld());
    const { callId } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().reject({ statusCode: 422, extraHeaders: ['Min-SE: 3600'] });
    await until(() => w.far.invitations.length === 2, 'the INVITE again');
    const again = sent(w, 'phone', 'INVITE')[1];
    expect(header(again, 'Session-Expires')).toBe('3600');
    expect(header(again, 'Min-SE')).toBe('3600');
    expect(header(again, 'Call-ID')).toBe(header(sent(w, 'phone', 'INVITE')[0], 'Call-ID'));
    await w.far.last().accept({ extraHeaders: ['Session-Expires: 3600;refresher=uac', 'Require: timer'] });
    await until(() => w.stateOf(callId) === 'active', 'active');
    expect(w.ended).toEqual([]);
  });
});
