// Typed driver for one far-end tab (test/e2e/far-end/far-end.js, window.farEnd).

import type { BrowserContext, Page } from 'playwright-core';
import type { FarEndServer } from './far-end-server.js';
import { credentialsOf, type UserId } from './users.js';
import { waitFor, type WaitOptions } from './wait.js';

export type FarEndEventType =
  | 'connected'
  | 'disconnected'
  | 'registered'
  | 'unregistered'
  | 'register-failed'
  | 'outgoing'
  | 'progress'
  | 'rejected'
  | 'invite'
  | 'cancel'
  | 'declined'
  | 'answered'
  | 'hangup'
  | 'bye-received'
  | 'terminated'
  | 'hold'
  | 'dtmf'
  | 'info'
  | 'refer'
  | 'refer-rejected'
  | 'refresh-sent'
  | 'refresh-failed'
  | 'timer-expired'
  | 'update-received'
  | 'reinvite-received'
  | 'message'
  | 'notify'
  | 'error'
  | 'early-media'
  | 'reinvite'
  | 'connection-lost'
  | 'reconnected';

export interface FarEndEvent {
  type: FarEndEventType;
  /** Date.now() in the page. */
  at: number;
  /** callId, statusCode, reasonPhrase, from, body, tone, reason... depending on type. */
  detail: Record<string, unknown>;
}

export interface FarEndCall {
  id: string;
  state: 'Initial' | 'Establishing' | 'Established' | 'Terminating' | 'Terminated';
  remoteUri: string;
  direction: 'incoming' | 'outgoing';
  /** Final status code of the response to our INVITE when it failed (486, 603, 487...). */
  finalStatus?: number;
  held: boolean;
  muted: boolean;
}

export interface FarEndState {
  registered: boolean;
  autoAnswer: boolean;
  calls: FarEndCall[];
  events: FarEndEvent[];
}

export interface VideoStats {
  framesDecoded: number;
  framesReceived: number;
  framesEncoded: number;
  frameWidth: number;
}

export interface AudioStats {
  audioLevel: number;
  totalAudioEnergy: number;
  totalSamplesDuration: number;
}

/** How a far end bends its SDP (see far-end.js setMedia). */
export interface FarEndMedia {
  /** Our offers and answers go out without a=rtcp-mux (a gateway browsers cannot talk to). */
  stripRtcpMux?: boolean;
  /** Our answers refuse video (m=video 0): an audio-only phone. */
  rejectVideo?: boolean;
  /** Our offers and answers go out without ice-ufrag/ice-pwd (no ICE). */
  stripIce?: boolean;
  /** Our candidates are replaced by this one (the tests' UDP relay). */
  candidates?: { host: string; port: number };
  /** The other side's candidates are replaced by this one before we take its description. */
  remoteCandidates?: { host: string; port: number };
}

export interface FarEnd {
  page: Page;
  /** From now on, bends this far end's descriptions as said (an empty object: as the browser makes them). */
  setMedia(media: FarEndMedia): Promise<FarEndMedia>;
  /** The ice-ufrag of the other side's newest description for the current (or given) call. */
  remoteIceUfrag(callId?: string): Promise<string>;
  /** "host:port" of the remote candidate our audio flows to now. */
  selectedRemoteAddress(callId?: string): Promise<string>;
  /**
   * REGISTER as `user` (password from USERS unless given; at DOMAIN unless another domain is given).
   * Rejects with "REGISTER rejected: 401 ..." on failure.
   */
  register(wsUrl: string, user: UserId, password?: string, domain?: string): Promise<FarEndState>;
  unregister(): Promise<void>;
  /** Keep calls when the WebSocket drops, and reconnect (and re-register) every 500 ms, as ClickDial does. */
  survive(on: boolean): Promise<boolean>;
  disconnect(): Promise<void>;
  /**
   * Session timers on this far end's next calls, as a PBX that requires them (RFC 4028):
   * Session-Expires `interval` with `refresher` in its INVITEs and its 200s (with Require: timer).
   * As the refresher it sends an UPDATE every interval/2 ('refresh-sent') and hangs up when one
   * fails ('refresh-failed'); otherwise it hangs up when no refresh came in time ('timer-expired').
   * It answers UPDATEs 200 ('update-received'). Undefined turns them off.
   */
  sessionTimers(config: { interval: number; refresher: 'uac' | 'uas' } | undefined): Promise<unknown>;
  /** Returns the call id once the INVITE is sent. With video, the fake camera is sent too. */
  call(targetUri: string, options?: { video?: boolean }): Promise<string>;
  answer(callId?: string, options?: { video?: boolean }): Promise<string>;
  /** Sends 183 Session Progress with SDP (early media) for a ringing incoming call. */
  earlyMedia(callId?: string): Promise<string>;
  decline(statusCode?: 486 | 603, callId?: string): Promise<string>;
  hangup(callId?: string): Promise<string>;
  /** With video, calls are answered with the fake camera on. */
  autoAnswer(enabled: boolean, video?: boolean): Promise<boolean>;
  /** Video frames decoded (from us) and encoded (to us), and the width of what we receive. */
  videoStats(callId?: string): Promise<VideoStats>;
  hold(callId?: string): Promise<void>;
  unhold(callId?: string): Promise<void>;
  mute(callId?: string): Promise<void>;
  unmute(callId?: string): Promise<void>;
  sendDtmf(tone: string, callId?: string): Promise<void>;
  message(targetUri: string, body: string): Promise<void>;
  /** Blind transfer to a URI, or attended transfer to another call id of this far end. */
  transfer(target: string, callId?: string): Promise<void>;
  inboundRtpBytes(callId?: string): Promise<number>;
  outboundRtpBytes(callId?: string): Promise<number>;
  audioLevel(callId?: string): Promise<number>;
  audioStats(callId?: string): Promise<AudioStats>;
  /**
   * totalAudioEnergy received during the next `windowMs`: ~0 when the other side is muted or
   * holds us. Use this, not RTP bytes, to prove silence: a muted or held sender keeps sending
   * (silent) RTP, so bytes keep growing slowly.
   */
  receivedAudioEnergy(windowMs: number, callId?: string): Promise<number>;
  /** The SDP the other side sent for the current (or given) call. */
  remoteSdp(callId?: string): Promise<string>;
  clearEvents(): Promise<void>;
  state(): Promise<FarEndState>;
  /** First event of `type` (matching `match`, if given) seen so far or within the timeout. */
  waitForEvent(type: FarEndEventType, match?: (e: FarEndEvent) => boolean, options?: WaitOptions): Promise<FarEndEvent>;
  /** Wait until the call (default: newest) reaches `state`; returns it. */
  waitForCallState(state: FarEndCall['state'], callId?: string, options?: WaitOptions): Promise<FarEndCall>;
  /** The page's console output so far (SIP.js warnings/errors): attach to failure messages. */
  consoleLog(): string[];
  close(): Promise<void>;
}

/** Open a new tab with the far-end page and wait until window.farEnd is ready. */
export async function openFarEnd(context: BrowserContext, server: FarEndServer, label = 'far-end'): Promise<FarEnd> {
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${label}] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[${label}] pageerror: ${e.message}`));
  await page.goto(server.farEndUrl);
  await page.waitForFunction(() => 'farEnd' in window, undefined, { timeout: 10_000 });

  // One generic bridge: the page API takes and returns plain JSON.
  const invoke = <T>(method: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([m, a]) => {
        const api = (window as unknown as { farEnd: Record<string, (...x: unknown[]) => unknown> }).farEnd;
        const f = api[m];
        if (!f) throw new Error(`farEnd.${m} does not exist`);
        return f(...a);
      },
      [method, args] as const,
    ) as Promise<T>; // the page's answer is plain JSON of the type the API promises

  const farEnd: FarEnd = {
    page,
    setMedia: (media) => invoke('setMedia', media),
    remoteIceUfrag: (callId) => invoke('remoteIceUfrag', callId),
    selectedRemoteAddress: (callId) => invoke('selectedRemoteAddress', callId),
    register: (wsUrl, user, password, domain) => {
      const c = credentialsOf(user);
      const aor = domain === undefined ? c.aor : `sip:${user}@${domain}`;
      return invoke('register', { wsUrl, aor, user: c.user, password: password ?? c.password });
    },
    unregister: () => invoke('unregister'),
    survive: (on) => invoke('survive', on),
    disconnect: () => invoke('disconnect'),
    sessionTimers: (config) => invoke('sessionTimers', config),
    call: (targetUri, options) => invoke('call', targetUri, options),
    answer: (callId, options) => invoke('answer', callId, options),
    earlyMedia: (callId) => invoke('earlyMedia', callId),
    decline: (statusCode = 486, callId) => invoke('decline', statusCode, callId),
    hangup: (callId) => invoke('hangup', callId),
    autoAnswer: (enabled, video) => invoke('autoAnswer', enabled, video),
    videoStats: (callId) => invoke('videoStats', callId),
    hold: (callId) => invoke('hold', callId),
    unhold: (callId) => invoke('unhold', callId),
    mute: (callId) => invoke('mute', callId),
    unmute: (callId) => invoke('unmute', callId),
    sendDtmf: (tone, callId) => invoke('sendDtmf', tone, callId),
    message: (targetUri, body) => invoke('message', targetUri, body),
    transfer: (target, callId) => invoke('transfer', target, callId),
    inboundRtpBytes: (callId) => invoke('inboundRtpBytes', callId),
    outboundRtpBytes: (callId) => invoke('outboundRtpBytes', callId),
    audioLevel: (callId) => invoke('audioLevel', callId),
    audioStats: (callId) => invoke('audioStats', callId),
    receivedAudioEnergy: async (windowMs, callId) => {
      const before = await farEnd.audioStats(callId);
      await new Promise((r) => setTimeout(r, windowMs));
      return (await farEnd.audioStats(callId)).totalAudioEnergy - before.totalAudioEnergy;
    },
    remoteSdp: (callId) => invoke('remoteSdp', callId),
    clearEvents: () => invoke('clearEvents'),
    state: () => invoke('state'),
    waitForEvent: (type, match = () => true, options) =>
      waitFor(async () => (await farEnd.state()).events.find((e) => e.type === type && match(e)), {
        what: `${label} event "${type}"`,
        ...options,
      }),
    waitForCallState: (state, callId, options) =>
      waitFor(
        async () => {
          const { calls } = await farEnd.state();
          const call = callId === undefined ? calls[calls.length - 1] : calls.find((c) => c.id === callId);
          return call?.state === state ? call : undefined;
        },
        { what: `${label} call ${callId ?? '(newest)'} to be ${state}`, ...options },
      ),
    consoleLog: () => consoleLines.slice(),
    close: async () => {
      await invoke('disconnect').catch(() => undefined);
      await page.close();
    },
  };
  return farEnd;
}
