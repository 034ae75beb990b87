// @vitest-environment happy-dom
// The phone's SIP adapter (offscreen/phone.ts and the classes around it)
// over SIP.js's real stack, with the network and media replaced by the
// in-memory world of sip-world.ts: registration, calls both ways, several
// accounts, and every transition of the call table (shared/call-table.ts),
// as the snapshots the phone publishes show them.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Messager, UserAgent, type Inviter } from 'sip.js';
import { Phone, type AccountConfig } from '../../src/offscreen/phone';
import type { SipAccount } from '../../src/shared/account';
import { CALL_TABLE } from '../../src/shared/call-table';
import type { CallState, EndedCall, PhoneSnapshot, ReceivedMessage } from '../../src/shared/snapshot';
import { ICE_TIMING } from '../../src/offscreen/ice-watch';
import {
  FakePeerConnection,
  FakeSessionDescriptionHandler,
  FarEnd,
  SipWire,
  installMediaFakes,
  peerConnectionOf,
  until,
  worldStack,
} from './sip-world';
import { said, saying } from '../support/said';
import { say } from '../../src/shared/words';

function sipAccount(aor: string): SipAccount {
  return { server: 'wss://pbx.test/ws', aor, authorizationUser: '', password: 'secret', displayName: '', iceServers: [] };
}

const A: AccountConfig = { id: 'a', account: sipAccount('sip:1001@clickdial.test'), wantsOnline: true };
const B: AccountConfig = { id: 'b', account: sipAccount('sip:1001@second.test'), wantsOnline: true };

interface World {
  wire: SipWire;
  far: FarEnd;
  phone: Phone;
  ended: EndedCall[];
  messages: ReceivedMessage[];
  /** Every call id a published snapshot showed. */
  shown: Set<string>;
  /** Every notice a published snapshot showed, in order. */
  notices: string[];
  now(): PhoneSnapshot;
}

let open: World[] = [];
/** Every state move of a call seen in a published snapshot, over all tests ("from->to"). */
const seen = new Set<string>();

/** Follows the published snapshots and records each call's moves (a call that leaves moves to ended). */
function watch(): (snapshot: PhoneSnapshot) => void {
  const last = new Map<string, CallState>();
  return (snapshot) => {
    const now = new Map(snapshot.calls.map((c) => [c.id, c.state]));
    for (const [id, state] of now) {
      const before = last.get(id);
      if (before !== undefined && before !== state) seen.add(`${before}->${state}`);
    }
    for (const [id, before] of last) if (!now.has(id)) seen.add(`${before}->ended`);
    last.clear();
    for (const [id, state] of now) last.set(id, state);
  };
}

async function start(accounts: AccountConfig[] = [A], wire = new SipWire()): Promise<World> {
  const far = new FarEnd(wire);
  await far.start();
  const ended: EndedCall[] = [];
  const messages: ReceivedMessage[] = [];
  const shown = new Set<string>();
  const notices: string[] = [];
  const follow = watch();
  const phone = new Phone(
    (snapshot) => {
      for (const c of snapshot.calls) shown.add(c.id);
      if (snapshot.notice && say(snapshot.notice.words) !== notices.at(-1)) notices.push(say(snapshot.notice.words));
      follow(snapshot);
    },
    (e) => ended.push(e),
    (m) => messages.push(m),
    worldStack(wire),
  );
  const w: World = { wire, far, phone, ended, messages, shown, notices, now: () => phone.snapshot() };
  open.push(w);
  phone.configure(accounts, accounts[0]?.id ?? null);
  return w;
}

const registered = (w: World, id = 'a') => w.now().accounts.find((a) => a.id === id)?.registration === 'registered';
const state = (w: World) => w.now().calls[0]?.state;

async function registeredWorld(accounts: AccountConfig[] = [A]): Promise<World> {
  const w = await start(accounts);
  for (const { id } of accounts) await until(() => registered(w, id), `${id} registered`);
  return w;
}

/** The far end calls us; resolves once the phone shows it ringing. */
async function incoming(w: World, to = 'sip:1001@clickdial.test'): Promise<{ inviter: Inviter; callId: string }> {
  const inviter = w.far.call(to);
  await until(() => w.now().calls.length === 1 && state(w) === 'ringing', 'the incoming call');
  return { inviter, callId: w.now().calls[0]!.id };
}

beforeAll(() => installMediaFakes());

afterEach(async () => {
  FakeSessionDescriptionHandler.failNext = false;
  FakeSessionDescriptionHandler.failNextTake = false;
  FakeSessionDescriptionHandler.delayMs = 0;
  FakeSessionDescriptionHandler.mungeNext = undefined;
  FakePeerConnection.reachable = true;
  for (const w of open) {
    w.phone.configure([], null);
    // The phone unregisters and closes in the background (it never waits for the network).
    await until(() => w.wire.phoneTransports().length === 0, 'the phone to close its connections', 5000);
    await w.far.stop();
  }
  open = [];
  // Last: SIP.js's timers set under fake time (shouldAdvanceTime) still fire during the teardown.
  vi.useRealTimers();
});

describe('registration', () => {
  it('registers an account and says so', async () => {
    const w = await registeredWorld();
    expect(w.now().accounts).toEqual([
      { id: 'a', aor: 'sip:1001@clickdial.test', wantsOnline: true, connection: 'connected', registration: 'registered' },
    ]);
    expect(w.wire.isRegistered('sip:1001@clickdial.test')).toBe(true);
  });

  it('a refused account fails in words, and a call on it fails at once instead of waiting', async () => {
    const wire = new SipWire();
    wire.refuse.add('1001@clickdial.test');
    const w = await start([A], wire);
    await until(() => w.now().accounts[0]?.registration === 'failed', 'failed');
    expect(said(w.now().accounts[0]?.registrationError)).toMatch(/The server refused this account \(403 Forbidden\)/);
    const began = Date.now();
    await expect(w.phone.call('1002')).rejects.toThrow(/did not register|not registered/);
    expect(Date.now() - began).toBeLessThan(500);
  });

  it('a server that is down is said, retried, and registered with once it is back; a call waits for it', async () => {
    const wire = new SipWire();
    wire.down = true;
    const w = await start([A], wire);
    await until(() => /Cannot reach/.test(said(w.now().accounts[0]?.registrationError) ?? ''), 'the reason in words');
    expect(w.now().accounts[0]).toMatchObject({ connection: 'disconnected' });
    const call = w.phone.call('1002');
    wire.down = false;
    await until(() => registered(w), 'registered after the retry', 3000);
    await call;
    await until(() => w.far.invitations.length === 1, 'the call to go out once registered');
  });

  it('a connection lost is said, and the phone reconnects and registers again by itself', { timeout: 15_000 }, async () => {
    const w = await registeredWorld();
    w.wire.phoneTransports()[0]?.drop();
    expect(w.now().accounts[0]).toMatchObject({ connection: 'disconnected', registration: 'unregistered' });
    expect(w.now().accounts[0]?.registrationError).toBeDefined();
    // The first retry comes within a second (retry-delay.ts).
    await until(() => registered(w), 're-registered', 3000);
    expect(w.now().accounts[0]?.registrationError).toBeUndefined();
  });

  it('offline by choice unregisters, and a call then fails saying so', async () => {
    const w = await registeredWorld();
    w.phone.configure([{ ...A, wantsOnline: false }], 'a');
    await until(() => !w.wire.isRegistered('sip:1001@clickdial.test'), 'unregistered at the server');
    expect(w.now().accounts[0]).toMatchObject({ wantsOnline: false, registration: 'unregistered' });
    await expect(w.phone.call('1002')).rejects.toThrow(/offline/);
  });
});

describe('outgoing calls', () => {
  it('dialing -> ringing -> active -> ended: rings, is answered, the far end hangs up', async () => {
    const w = await registeredWorld();
    const { callId } = await w.phone.call('1002');
    expect(w.now().calls.map((c) => [c.id, c.state, c.direction, c.accountId])).toEqual([[callId, 'dialing', 'outgoing', 'a']]);
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    expect(w.far.last().request.ruri?.toString()).toBe('sip:1002@clickdial.test');
    await w.far.last().progress();
    await until(() => state(w) === 'ringing', 'ringing');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'active');
    expect(w.now().calls[0]?.answeredAt).toBeTypeOf('number');
    expect(w.now().activeCallId).toBe(callId);
    await w.far.last().bye();
    await until(() => w.ended.length === 1, 'the end');
    expect(w.now().calls).toEqual([]);
    expect(w.ended[0]).toMatchObject({ outcome: 'completed', call: { id: callId, accountId: 'a', state: 'ended' } });
  });

  it('dialing -> active: a far end that answers without ringing first', async () => {
    const w = await registeredWorld();
    await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'active');
  });

  it('dialing -> ended: hung up before the far end rings is a cancelled call', async () => {
    const w = await registeredWorld();
    const { callId } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.phone.hangup(callId);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]?.outcome).toBe('cancelled');
  });

  it('ringing -> ended: a busy far end is a failed call, said in words', async () => {
    const w = await registeredWorld();
    await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().progress();
    await until(() => state(w) === 'ringing', 'ringing');
    await w.far.last().reject({ statusCode: 486 });
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]?.outcome).toBe('failed');
    expect(said(w.now().notice?.words)).toMatch(/busy/i);
  });

  it('hold and resume wait for the far end, and only connected calls can be held', async () => {
    const w = await registeredWorld();
    const { callId } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    expect(() => w.phone.allow(callId, 'hold')).toThrow(/This call cannot be put on hold now: it is (still being dialled|ringing)\./);
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'active');
    await w.phone.controls.setHold(w.phone.allow(callId, 'hold'), true);
    expect(w.now().calls[0]?.held).toBe(true);
    expect(() => w.phone.allow(callId, 'dtmf')).toThrow(/cannot send key tones now: it is on hold/);
    await w.phone.controls.setHold(w.phone.allow(callId, 'resume'), false);
    expect(w.now().calls[0]?.held).toBe(false);
    // The far end holds us: its sendonly re-INVITE is seen (once our resume's transaction is over there).
    await new Promise((r) => setTimeout(r, 50));
    await w.far.hold(w.far.last(), true);
    await until(() => w.now().calls[0]?.remoteHold === true, 'remote hold');
    await w.phone.hangup(callId);
    await until(() => w.ended.length === 1, 'the end');
  });
});

describe('incoming calls', () => {
  it('ringing -> connecting -> active: answered here', async () => {
    const w = await registeredWorld();
    FakeSessionDescriptionHandler.delayMs = 30; // media setup takes a moment: "connecting" is seen
    const { callId } = await incoming(w);
    expect(w.now().calls[0]).toMatchObject({ direction: 'incoming', accountId: 'a', remote: { user: '1002' } });
    const answered = w.phone.answer(w.phone.allow(callId, 'answer'));
    await until(() => state(w) === 'connecting', 'connecting');
    await answered;
    await until(() => state(w) === 'active', 'active');
    await w.phone.hangup(callId);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]?.outcome).toBe('completed');
  });

  it('connecting -> ringing: a waiting call whose answer cannot hold the call in progress keeps ringing, with the reason', async () => {
    const w = await registeredWorld();
    const { callId: first } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'the first call active');
    const waiting = w.far.call('sip:1001@clickdial.test');
    await until(() => w.now().calls.length === 2, 'the waiting call');
    const second = w.now().calls.find((c) => c.id !== first)!.id;
    FakeSessionDescriptionHandler.failNextTake = true; // the far end refuses the hold of the first call
    await expect(w.phone.answer(second)).rejects.toThrow(/refused|Could not hold/);
    expect(w.now().calls.find((c) => c.id === second)?.state).toBe('ringing');
    expect(w.now().calls.find((c) => c.id === first)).toMatchObject({ state: 'active', held: false });
    await waiting.cancel();
    await w.phone.hangup(first);
    await until(() => w.ended.length === 2, 'both ended');
  });

  it('call waiting, "End and answer": the call in progress gets a BYE (no hold re-INVITE), then the waiting call is answered', async () => {
    const w = await registeredWorld();
    const { callId: first } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'the first call active');
    w.far.call('sip:1001@clickdial.test');
    await until(() => w.now().calls.length === 2, 'the waiting call');
    const second = w.now().calls.find((c) => c.id !== first)!.id;
    await w.phone.answer(w.phone.allow(second, 'answer'), 'end');
    await until(() => w.now().calls.length === 1 && w.now().calls[0]?.state === 'active', 'only the answered call');
    expect(w.now().calls[0]?.id).toBe(second);
    await until(() => sentBy(w, 'phone', 'BYE').length === 1 && w.ended.length === 1, 'the BYE');
    expect(sentBy(w, 'phone', 'INVITE')).toHaveLength(1); // the first call's INVITE, no hold re-INVITE
    expect(w.ended.map((e) => [e.call.id, e.outcome])).toEqual([[first, 'completed']]);
    await w.phone.hangup(second);
    await until(() => w.ended.length === 2, 'both ended');
  });

  it('call waiting, "Hold and answer" (the default): the call in progress is held, not ended', async () => {
    const w = await registeredWorld();
    const { callId: first } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'the first call active');
    w.far.call('sip:1001@clickdial.test');
    await until(() => w.now().calls.length === 2, 'the waiting call');
    const second = w.now().calls.find((c) => c.id !== first)!.id;
    await w.phone.answer(second, 'hold');
    await until(() => w.now().calls.find((c) => c.id === second)?.state === 'active', 'the second call active');
    expect(w.now().calls.find((c) => c.id === first)).toMatchObject({ state: 'active', held: true });
    expect(sentBy(w, 'phone', 'BYE')).toHaveLength(0);
    await w.phone.hangup(first);
    await w.phone.hangup(second);
    await until(() => w.ended.length === 2, 'both ended');
  });

  it('our own media that cannot be started for an answer ends the call as failed, with the reason', async () => {
    const w = await registeredWorld();
    const { callId } = await incoming(w);
    FakeSessionDescriptionHandler.failNext = true;
    await expect(w.phone.answer(callId)).rejects.toThrow(
      /could not be connected: its audio could not be started on this computer \(no media/,
    );
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', reason: saying(/could not be started on this computer/) });
    // Not the caller's offer: SIP.js's 480 (Temporarily Unavailable) stands.
    await until(() => w.far.rejections.length === 1, 'the rejection at the caller');
    expect(w.far.rejections).toEqual([480]);
  });

  it('connecting -> ended: the caller gives up while we answer', async () => {
    const w = await registeredWorld();
    FakeSessionDescriptionHandler.delayMs = 200;
    const { inviter, callId } = await incoming(w);
    const answered = w.phone.answer(callId);
    await until(() => state(w) === 'connecting', 'connecting');
    await inviter.cancel();
    await until(() => w.ended.length === 1, 'the end');
    await answered.catch(() => undefined);
    expect(w.now().calls).toEqual([]);
  });

  it('ringing -> ended: declined here (486 to the caller), or given up by the caller (missed)', async () => {
    const w = await registeredWorld();
    const first = await incoming(w);
    expect(() => w.phone.allow(first.callId, 'dtmf')).toThrow(/cannot send key tones now: it is ringing/);
    await w.phone.decline(first.callId);
    await until(() => w.ended.length === 1, 'declined');
    expect(w.ended[0]?.outcome).toBe('declined');
    await until(() => w.far.rejections[0] === 486, '486 at the caller');

    const second = await incoming(w);
    await second.inviter.cancel();
    await until(() => w.ended.length === 2, 'missed');
    expect(w.ended[1]?.outcome).toBe('missed');

    // "Call completed elsewhere" (RFC 3326): answered on another phone of ours, not missed.
    const third = await incoming(w);
    await third.inviter.cancel({ statusCode: 200, reasonPhrase: 'Call completed elsewhere' });
    await until(() => w.ended.length === 3, 'answered elsewhere');
    expect(w.ended[2]?.outcome).toBe('answered-elsewhere');
  });

  it('a text message is filed under the account it came in on', async () => {
    const w = await registeredWorld();
    await new Messager(w.far.ua, UserAgent.makeURI('sip:1001@clickdial.test')!, 'Hello').message();
    await until(() => w.messages.length === 1, 'the message');
    expect(w.messages[0]).toMatchObject({ accountId: 'a', body: 'Hello', from: { user: '1002' } });
  });
});

const stripLine = (pattern: RegExp) => (sdp: string) =>
  sdp
    .split('\r\n')
    .filter((l) => !pattern.test(l))
    .join('\r\n');
const PHONE = 'sip:1001@clickdial.test';
const sentBy = (w: World, side: 'phone' | 'far', method: string) =>
  w.wire.messages.filter((m) => m.from === side && m.text.startsWith(`${method} `)).map((m) => m.text);

describe('media that cannot be set up (issue 13.9, issue 10.2)', () => {
  it('an answer without rtcp-mux ends the outgoing call: ACK, then BYE with a Reason; failed, with the reason in words', async () => {
    const w = await registeredWorld();
    await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    FakeSessionDescriptionHandler.mungeNext = stripLine(/^a=rtcp-mux/);
    await w.far.last().accept();
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', reason: saying(/rtcp-mux/) });
    expect(w.ended[0]?.call.answeredAt).toBeUndefined();
    expect(said(w.now().notice?.words)).toMatch(
      /The call with 1002 could not be connected: the other side does not offer rtcp-mux.*WebRTC media/,
    );
    await until(() => sentBy(w, 'phone', 'BYE').length === 1, 'the BYE');
    expect(sentBy(w, 'phone', 'ACK')).toHaveLength(1);
    expect(sentBy(w, 'phone', 'BYE')[0]).toMatch(/^Reason: SIP;cause=488;text="Not Acceptable Here"/m);
  });

  it('an incoming offer without ICE is answered 488 with a Warning, never rings, and is a failed call naming why', async () => {
    const w = await registeredWorld();
    FakeSessionDescriptionHandler.mungeNext = stripLine(/^a=ice-(ufrag|pwd)/);
    w.far.call(PHONE);
    await until(() => w.ended.length === 1, 'the end');
    await until(() => w.far.rejections.length === 1, 'the rejection at the caller');
    expect(w.far.rejections).toEqual([488]);
    expect(w.shown.size).toBe(0);
    expect(w.ended[0]).toMatchObject({
      outcome: 'failed',
      reason: saying(/does not support ICE/),
      call: { direction: 'incoming' },
    });
    expect(said(w.now().notice?.words)).toMatch(
      /Incoming call refused\. The call with 1002 could not be connected: the other side does not support ICE/,
    );
    const response = w.wire.messages.find((m) => m.from === 'phone' && m.text.startsWith('SIP/2.0 488'))?.text ?? '';
    expect(response).toMatch(/^Warning: 305 ClickDial "The call's audio could not be set up: the other side does not support ICE/m);
  });

  it('an incoming offer the answer cannot take after all is answered 488, not 480', async () => {
    const w = await registeredWorld();
    const { callId } = await incoming(w);
    FakeSessionDescriptionHandler.failNextTake = true;
    await expect(w.phone.answer(callId)).rejects.toThrow(
      /could not be connected: this browser cannot use the other side's media description/,
    );
    await until(() => w.far.rejections.length === 1, 'the rejection at the caller');
    expect(w.far.rejections).toEqual([488]);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', reason: saying(/cannot take this offer/) });
  });

  it('a call whose audio path never connects is ended after 10 s: BYE with a Reason, failed, said in words', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const w = await registeredWorld();
    FakePeerConnection.reachable = false;
    await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active', 'active');
    await vi.advanceTimersByTimeAsync(ICE_TIMING.CONNECT_MS - 1000);
    expect(state(w)).toBe('active');
    await vi.advanceTimersByTimeAsync(1500);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', reason: saying(/No audio connection could be made/) });
    expect(said(w.now().notice?.words)).toMatch(/The call with 1002 was ended: no audio connection could be made/);
    await until(() => sentBy(w, 'phone', 'BYE').length === 1, 'the BYE');
    expect(sentBy(w, 'phone', 'BYE')[0]).toMatch(/^Reason: Q\.850;cause=41;text="ICE failed"/m);
  });

  it('ICE that fails before it ever connected ends the call at once', async () => {
    const w = await registeredWorld();
    FakePeerConnection.reachable = false;
    await incoming(w);
    await w.phone.answer(w.now().calls[0]!.id);
    await until(() => state(w) === 'active', 'active');
    peerConnectionOf(PHONE).setIce('failed');
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', call: { direction: 'incoming' } });
    await until(() => sentBy(w, 'phone', 'BYE').length === 1, 'the BYE');
  });
});

describe('an audio path lost mid-call (issue 13.7)', () => {
  async function connectedCall(w: World): Promise<string> {
    const { callId } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    await w.far.last().accept();
    await until(() => state(w) === 'active' && peerConnectionOf(PHONE).iceConnectionState === 'connected', 'connected');
    return callId;
  }

  it('disconnected for the grace time: ICE restarts with a re-INVITE (new ice-ufrag), and the call goes on', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const w = await registeredWorld();
    const callId = await connectedCall(w);
    const restartsBefore = FakeSessionDescriptionHandler.iceRestarts;
    const ufrag = (text: string) => /^a=ice-ufrag:(\S+)/m.exec(text)?.[1];
    const firstUfrag = ufrag(sentBy(w, 'phone', 'INVITE')[0] ?? '');
    peerConnectionOf(PHONE).setIce('disconnected');
    // A short outage heals by itself: no restart before the grace time.
    await vi.advanceTimersByTimeAsync(ICE_TIMING.DISCONNECT_GRACE_MS - 500);
    expect(sentBy(w, 'phone', 'INVITE')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => sentBy(w, 'phone', 'INVITE').length === 2, 'the re-INVITE');
    expect(FakeSessionDescriptionHandler.iceRestarts).toBe(restartsBefore + 1);
    expect(ufrag(sentBy(w, 'phone', 'INVITE')[1] ?? '')).not.toBe(firstUfrag);
    await until(() => peerConnectionOf(PHONE).iceConnectionState === 'connected', 'ICE connected again');
    await until(() => /audio connection to 1002 is back/.test(said(w.now().notice?.words) ?? ''), 'the notice that it is back');
    expect(w.notices.slice(-2)).toEqual(['The audio connection to 1002 was lost: reconnecting…', 'The audio connection to 1002 is back.']);
    await vi.advanceTimersByTimeAsync(ICE_TIMING.RECOVERY_MS + 1000);
    expect(w.now().calls[0]).toMatchObject({ id: callId, state: 'active' });
    expect(w.ended).toEqual([]);
    // Hold afterwards is an ordinary re-INVITE again (the restart left the options as they were).
    await w.phone.controls.setHold(callId, true);
    expect(ufrag(sentBy(w, 'phone', 'INVITE')[2] ?? '')).toBe(ufrag(sentBy(w, 'phone', 'INVITE')[1] ?? ''));
    expect(sentBy(w, 'phone', 'INVITE')[2]).toMatch(/^a=sendonly/m);
    await w.phone.hangup(callId);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]?.outcome).toBe('completed');
  });

  it('failed: ICE restarts at once', async () => {
    const w = await registeredWorld();
    await connectedCall(w);
    peerConnectionOf(PHONE).setIce('failed');
    await until(() => sentBy(w, 'phone', 'INVITE').length === 2, 'the re-INVITE');
    await until(() => peerConnectionOf(PHONE).iceConnectionState === 'connected', 'ICE connected again');
    expect(state(w)).toBe('active');
  });

  it('a path that does not come back is retried, then the call ends after 30 s: BYE, failed, in words', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const w = await registeredWorld();
    await connectedCall(w);
    FakePeerConnection.reachable = false;
    peerConnectionOf(PHONE).setIce('failed');
    await until(() => sentBy(w, 'phone', 'INVITE').length === 2, 'the re-INVITE');
    await vi.advanceTimersByTimeAsync(ICE_TIMING.RESTART_RETRY_MS + 500);
    await until(() => sentBy(w, 'phone', 'INVITE').length === 3, 'a second restart');
    await vi.advanceTimersByTimeAsync(ICE_TIMING.RECOVERY_MS);
    await until(() => w.ended.length === 1, 'the end');
    expect(w.ended[0]).toMatchObject({ outcome: 'failed', reason: saying(/lost and could not be restored within 30 s/) });
    expect(said(w.now().notice?.words)).toMatch(/The call with 1002 was ended: the audio connection was lost/);
    await until(() => sentBy(w, 'phone', 'BYE').length === 1, 'the BYE');
  });
});

describe('several accounts', () => {
  it('each registers; calls go out on the default or the chosen account, and come in on theirs', async () => {
    const w = await registeredWorld([A, B]);
    expect(w.now().accounts.map((a) => [a.id, a.registration])).toEqual([
      ['a', 'registered'],
      ['b', 'registered'],
    ]);
    expect(w.now().defaultAccountId).toBe('a');

    await w.phone.call('1002', 'b');
    await until(() => w.far.invitations.length === 1, 'the INVITE');
    expect(w.far.last().request.ruri?.toString()).toBe('sip:1002@second.test');
    expect(w.far.last().remoteIdentity.uri.toString()).toBe('sip:1001@second.test');
    expect(w.now().calls[0]?.accountId).toBe('b');
    await w.far.last().reject({ statusCode: 486 });
    await until(() => w.ended.length === 1, 'the end');

    await w.phone.call('1002');
    await until(() => w.far.invitations.length === 2, 'the INVITE on the default');
    expect(w.far.last().request.ruri?.toString()).toBe('sip:1002@clickdial.test');
    await w.far.last().reject({ statusCode: 486 });
    await until(() => w.ended.length === 2, 'the end');

    await incoming(w, 'sip:1001@second.test');
    expect(w.now().calls[0]?.accountId).toBe('b');

    const { to, accountId } = await w.phone.sendMessage('1002', 'From the second line', 'b');
    expect([to.uri, accountId]).toEqual(['sip:1002@second.test', 'b']);
    expect(w.far.messages).toEqual(['From the second line']);
  });

  it('one account refused while the other works; removing one unregisters it and keeps the other', async () => {
    const wire = new SipWire();
    wire.refuse.add('1001@second.test');
    const w = await start([A, B], wire);
    await until(() => registered(w, 'a') && w.now().accounts[1]?.registration === 'failed', 'a registered, b failed');
    await expect(w.phone.call('1002', 'b')).rejects.toThrow();
    await w.phone.call('1002', 'a');
    await until(() => w.far.invitations.length === 1, 'a call on the working account');

    wire.refuse.clear();
    w.phone.configure([B], 'b');
    await until(() => !wire.isRegistered('sip:1001@clickdial.test'), 'a unregistered');
    expect(w.now().accounts.map((a) => a.id)).toEqual(['b']);
    expect(w.now().defaultAccountId).toBe('b');
    await expect(w.phone.call('1002', 'a')).rejects.toThrow(/no longer set up/);
  });
});

describe('published snapshots', () => {
  it('a change that leaves what is shown as it was publishes nothing; a real change publishes one', async () => {
    const published: PhoneSnapshot[] = [];
    const phone = new Phone((snapshot) => published.push(snapshot), undefined, undefined, worldStack(new SipWire()));
    await phone.refreshMicrophone();
    await Promise.resolve();
    expect(published.map((s) => s.microphone)).toEqual(['granted']);
    // The same answer again (every call and answer asks): the pages have nothing new to render.
    await phone.refreshMicrophone();
    await Promise.resolve();
    expect(published).toHaveLength(1);
    expect(phone.snapshot().revision).toBe(published[0]?.revision);
    phone.configure([{ ...A, wantsOnline: false }], 'a');
    await until(() => published.length > 1, 'the account shown');
    expect(published.at(-1)?.revision).toBeGreaterThan(published[0]?.revision ?? Infinity);
  });
});

describe('the call table', () => {
  afterAll(() => undefined);
  it('every transition the table lists was taken by a call above', () => {
    const listed = new Set<string>();
    for (const [from, row] of Object.entries(CALL_TABLE)) {
      for (const to of Object.values(row.on)) listed.add(`${from}->${to}`);
    }
    expect([...seen].filter((move) => !listed.has(move))).toEqual([]);
    expect([...listed].filter((move) => !seen.has(move)).sort()).toEqual([]);
  });
});
