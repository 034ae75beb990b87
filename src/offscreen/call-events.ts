// What SessionManager tells us about calls, turned into the call list: new
// calls (with the exact call limit), answers, hang-ups, hold results, the far
// end holding or transferring us, incoming text messages.
//
//   new incoming call --over maxCalls--> 486 Busy Here, a missed call (never shown)
//   new incoming call --Session-Expires under our minimum--> 422 with our Min-SE, a failed call (never shown)
//   a call's session refreshes stop --> BYE, the user told why (session-timer.ts)
//   new outgoing call not placed by us --after a REFER--> "transferred by X"
import { Invitation, SessionState, type Core, type Session, type Web } from 'sip.js';
import type { EndedCall, ReceivedMessage } from '../shared/snapshot';
import type { CallControls } from './call-controls';
import type { CallRegistry } from './call-registry';
import { recoverMicrophone } from './microphone-recovery';
import { releaseRemoteAudio } from './remote-audio';
import { watchSession } from './session-events';
import { SessionTimers } from './session-timer';
import { describeCallFailure } from './sip-status';
import { receivedMessage } from './text-messages';

type IncomingResponse = Core.IncomingResponse;
type RequestDelegate = NonNullable<NonNullable<Parameters<Web.SessionManager['call']>[2]>['requestDelegate']>;

/** Sent to calls over the limit; the same as a user's decline (the PBX may offer voicemail). */
const BUSY_STATUS = 486;
/** A call SessionManager places for a REFER follows the REFER within this time. */
const REFERRAL_WINDOW_MS = 10_000;

export interface CallEventsContext {
  calls: CallRegistry;
  controls: CallControls;
  maxCalls(): number;
  changed(): void;
  notify(text: string): void;
  /** The audio constraints a call would use now (for a microphone swapped mid-call). */
  microphoneConstraints(): Promise<MediaStreamConstraints>;
  /** Answers a call that replaces one of ours (we are the target of an attended transfer). */
  answerReplacement(callId: string): Promise<void>;
  callEnded(ended: EndedCall): void;
  messageReceived(message: ReceivedMessage): void;
}

export class CallEvents {
  private lastCreatedId: string | undefined;
  /** True while our own call() creates its session: any other new outgoing session comes from a REFER. */
  private placing = false;
  private referral: { by: string; at: number } | undefined;
  /** RFC 4028: refreshes answered and sent, a call whose refreshes stop is ended with a BYE. */
  private readonly timers: SessionTimers;

  constructor(private readonly ctx: CallEventsContext) {
    this.timers = new SessionTimers({
      expired: (session, why) => {
        const call = ctx.calls.call(session.id);
        const who = call ? (call.remote.displayName ?? call.remote.user) : 'the other side';
        ctx.notify(`The call with ${who} was ended: ${why}.`);
      },
    });
  }

  /** Runs SessionManager.call and learns the id of the session it creates (synchronously, in onCallCreated). */
  placeCall(call: (requestDelegate: RequestDelegate) => Promise<Session>): { pending: Promise<Session>; callId: string } {
    this.lastCreatedId = undefined;
    this.placing = true;
    let callId = '';
    let pending: Promise<Session>;
    try {
      pending = call({
        onProgress: (response) => this.onProgress(callId, response),
        onReject: (response) => this.onCallRejected(callId, response),
      });
    } finally {
      this.placing = false;
    }
    callId = this.lastCreatedId ?? '';
    return { pending, callId };
  }

  /** The delegate for one account's SessionManager: its calls and messages are filed under that account. */
  delegate(
    accountId: string,
  ): Pick<
    Web.SessionManagerDelegate,
    'onCallCreated' | 'onCallReceived' | 'onCallAnswered' | 'onCallHangup' | 'onCallHold' | 'onMessageReceived'
  > {
    const { calls, controls } = this.ctx;
    return {
      onCallCreated: (session) => this.onCallCreated(session, accountId),
      onCallReceived: () => this.ctx.changed(),
      onCallAnswered: (session) => {
        calls.apply(session.id, 'answered');
        recoverMicrophone(session, { constraints: () => this.ctx.microphoneConstraints(), notify: (text) => this.ctx.notify(text) });
        this.ctx.changed();
      },
      onCallHangup: (session) => {
        // SIP.js ends an outgoing call before it hands the final response to
        // our request delegate (Inviter.onReject, then requestDelegate.onReject):
        // the call leaves a microtask later, once we know why it ended.
        queueMicrotask(() => {
          const ended = calls.remove(session.id);
          releaseRemoteAudio(session.id);
          controls.forget(session.id);
          this.ctx.changed();
          if (ended) this.ctx.callEnded(ended);
        });
      },
      onCallHold: (session, held) => {
        calls.patch(session.id, { held });
        controls.holdSettled(session.id, held);
        this.ctx.changed();
      },
      onMessageReceived: (message) => this.ctx.messageReceived(receivedMessage(message, accountId)),
    };
  }

  private onCallCreated(session: Session, accountId: string): void {
    const { calls } = this.ctx;
    this.lastCreatedId = session.id;
    const incoming = session instanceof Invitation;
    // An INVITE with Replaces for one of our calls: the far end completed an
    // attended transfer to us. It takes that call's place, so it is answered
    // at once and does not count against the limit.
    const replaced = incoming && session.replacee && calls.has(session.replacee.id) ? calls.call(session.replacee.id) : undefined;
    const call = calls.add(session, incoming ? 'incoming' : 'outgoing', accountId);
    // SessionManager's own limit lets one call too many through; ours is exact.
    if (incoming && !replaced && calls.count() > this.ctx.maxCalls()) {
      const ended = calls.remove(session.id);
      void session.reject({ statusCode: BUSY_STATUS }).catch(() => undefined);
      if (ended) this.ctx.callEnded({ ...ended, outcome: 'missed' });
      return;
    }
    if (!this.timers.watch(session)) {
      // It asked for a shorter session interval than we take: refused with 422 and our Min-SE (never rings).
      const ended = calls.remove(session.id);
      if (ended) this.ctx.callEnded({ ...ended, outcome: 'failed' });
      return;
    }
    if (!incoming && !this.placing && this.referral && Date.now() - this.referral.at < REFERRAL_WINDOW_MS) {
      calls.patch(session.id, { referredBy: this.referral.by });
      this.referral = undefined;
    }
    watchSession(session, {
      remoteHold: (remoteHold) => {
        calls.patch(session.id, { remoteHold });
        this.ctx.changed();
      },
      referred: (target) => {
        const by = call.remote.displayName ?? call.remote.user;
        calls.patch(session.id, { referredTo: target });
        this.referral = { by, at: Date.now() };
        this.ctx.notify(`${by} is transferring you to ${target.replace(/^sips?:/, '')}.`);
      },
    });
    // A caller's CANCEL with "Reason: SIP;cause=200" means another phone of
    // ours answered: not a missed call. (SessionManager keeps this delegate.)
    session.delegate = {
      ...session.delegate,
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('reason') ?? '';
        calls.markEnding(session.id, /cause=200\b/.test(reason) ? 'answered-elsewhere' : 'missed');
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) calls.apply(session.id, 'answered');
      this.ctx.changed();
    });
    if (replaced) {
      const by = replaced.remote.displayName ?? replaced.remote.user;
      calls.patch(session.id, { referredBy: by });
      this.ctx.notify(`${by} transferred ${call.remote.displayName ?? call.remote.user} to you.`);
      this.ctx.answerReplacement(session.id).catch((error: unknown) => {
        this.ctx.notify(`Could not take over the transferred call: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    this.ctx.changed();
  }

  private onProgress(callId: string, response: IncomingResponse): void {
    const { calls } = this.ctx;
    const status = response.message.statusCode ?? 0;
    if ((status === 180 || status === 183) && calls.call(callId)?.state === 'dialing') calls.apply(callId, 'progress');
    if (status === 183 && response.message.body) calls.patch(callId, { earlyMedia: true });
    this.ctx.changed();
  }

  private onCallRejected(callId: string, response: IncomingResponse): void {
    const { statusCode = 0, reasonPhrase = '' } = response.message;
    this.ctx.calls.markEnding(callId, statusCode === 487 ? 'cancelled' : 'failed');
    this.ctx.notify(describeCallFailure(statusCode, reasonPhrase));
  }
}
