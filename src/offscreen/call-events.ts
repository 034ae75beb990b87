// What SessionManager tells us about calls, turned into the call list: new
// calls (with the exact call limit), answers, hang-ups, hold results, the far
// end holding or transferring us, incoming text messages, and media that
// fails (media-setup.ts, ice-watch.ts): such a call ends as 'failed', in words.
//
//   new incoming call --offer the browser refuses (offer-check.ts)--> 488, a failed call (never shown)
//   new incoming call --over maxCalls--> 486 Busy Here, a missed call (never shown)
//   new incoming call --Session-Expires under our minimum--> 422 with our Min-SE, a failed call (never shown)
//   a call's session refreshes stop --> BYE, the user told why (session-timer.ts)
//   new outgoing call not placed by us --after a REFER--> "transferred by X"
//   established call --audio path never up / lost for good--> BYE, a failed call
import { Invitation, SessionState, type Core, type Session, type Web } from 'sip.js';
import type { EndedCall, ReceivedMessage } from '../shared/snapshot';
import type { CallControls } from './call-controls';
import type { CallRegistry } from './call-registry';
import { sendWhenGathered } from './ice-gathering';
import { IceWatch } from './ice-watch';
import { NOT_ACCEPTABLE, mediaWarning, watchMediaSetup } from './media-setup';
import { describeMediaLost, describeNoMediaPath, describeUnusableDescription } from './media-words';
import { recoverMicrophone } from './microphone-recovery';
import { checkOffer } from './offer-check';
import { releaseRemoteAudio } from './remote-audio';
import { watchSession } from './session-events';
import { sdpHasVideo, watchVideo } from './video-calls';
import { SessionTimers } from './session-timer';
import { describeCallFailure } from './sip-status';
import { receivedMessage } from './text-messages';
import { shortPartyName } from '../shared/call-selectors';
import { errorDetail } from '../shared/protocol';
import { words, type Words } from '../shared/words';

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
  notify(said: Words): void;
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
        const who = call ? shortPartyName(call.remote) : words('call_the_other_side');
        ctx.notify(words('call_ended_why', { who, why }));
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
    this.lastCreatedId = session.id;
    const offer = session instanceof Invitation ? offerOf(session) : undefined;
    if (offer === undefined) {
      this.admit(session, accountId);
      return;
    }
    // Not shown, nor rung, until the browser says it can take the offer (a few ms).
    void checkOffer(offer).then((refused) => {
      if (refused) this.refuseOffer(session as Invitation, accountId, refused);
      else if (session.state === SessionState.Terminated) this.fileGone(session, accountId);
      else this.admit(session, accountId);
    });
  }

  /** An incoming offer the browser cannot use: 488 to the caller, a failed call in the history, the reason said. */
  private refuseOffer(session: Invitation, accountId: string, refused: Error): void {
    const { calls } = this.ctx;
    const call = calls.add(session, 'incoming', accountId);
    const { reason, notice, warning } = describeUnusableDescription(refused, shortPartyName(call.remote));
    calls.markFailed(session.id, reason);
    const ended = calls.remove(session.id);
    if (session.state === SessionState.Initial) {
      void session.reject({ statusCode: NOT_ACCEPTABLE, extraHeaders: [mediaWarning(warning)] }).catch(() => undefined);
    }
    this.ctx.notify(words('media_incoming_refused', { notice }));
    if (ended) this.ctx.callEnded(ended);
  }

  /** A caller who gave up while its offer was being checked: a missed call. */
  private fileGone(session: Session, accountId: string): void {
    this.ctx.calls.add(session, 'incoming', accountId);
    const ended = this.ctx.calls.remove(session.id);
    this.ctx.changed();
    if (ended) this.ctx.callEnded(ended);
  }

  private admit(session: Session, accountId: string): void {
    const { calls } = this.ctx;
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
    // A video call shows as one while it rings ("Answer with video"); after the answer the transceiver says.
    if (session instanceof Invitation && sdpHasVideo(offerOf(session) ?? ''))
      calls.patch(session.id, { video: { camera: false, remote: true } });
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
        const by = shortPartyName(call.remote);
        calls.patch(session.id, { referredTo: target });
        this.referral = { by, at: Date.now() };
        this.ctx.notify(words('call_being_transferred_by', { by, target: target.replace(/^sips?:/, '') }));
      },
    });
    const who = (): string => shortPartyName(call.remote);
    const mediaFailed = (reason: Words, notice: Words): void => {
      calls.markFailed(session.id, reason);
      this.ctx.notify(notice);
    };
    const setUp = watchMediaSetup(session, { who, failed: mediaFailed });
    const before = session.delegate?.onSessionDescriptionHandler;
    // A caller's CANCEL with "Reason: SIP;cause=200" means another phone of
    // ours answered: not a missed call. (SessionManager keeps this delegate.)
    session.delegate = {
      ...session.delegate,
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('reason') ?? '';
        calls.markEnding(session.id, /cause=200\b/.test(reason) ? 'answered-elsewhere' : 'missed');
      },
      onSessionDescriptionHandler: (sdh, provisional) => {
        before?.(sdh, provisional);
        setUp(sdh, provisional);
        // Offers and answers go out without waiting for Chromium's late TCP candidates.
        sendWhenGathered(sdh);
        watchVideo(sdh as Web.SessionDescriptionHandler, (video) => {
          calls.patch(session.id, { video });
          this.ctx.changed();
        });
      },
    };
    let ice: IceWatch | undefined;
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        calls.apply(session.id, 'answered');
        ice ??= this.watchIce(session, who, mediaFailed);
      }
      if (state === SessionState.Terminated) ice?.stop();
      this.ctx.changed();
    });
    if (replaced) {
      const by = shortPartyName(replaced.remote);
      calls.patch(session.id, { referredBy: by });
      this.ctx.notify(words('call_transferred_to_you', { by, who: shortPartyName(call.remote) }));
      this.ctx.answerReplacement(session.id).catch((error: unknown) => {
        this.ctx.notify(words('call_takeover_failed', { detail: errorDetail(error) }));
      });
    }
    this.ctx.changed();
  }

  /** Watches the audio path of an established call: restarts it when lost, ends the call when it cannot be had. */
  private watchIce(session: Session, who: () => string, failed: (reason: Words, notice: Words) => void): IceWatch | undefined {
    const pc = (session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.peerConnection;
    if (!pc) return undefined;
    const watch = new IceWatch(session, pc, {
      failed: (lost, seconds) => {
        const { reason, notice } = lost ? describeMediaLost(who(), seconds) : describeNoMediaPath(who(), seconds);
        failed(reason, notice);
      },
      recovering: (recovering) =>
        this.ctx.notify(recovering ? words('media_audio_reconnecting', { who: who() }) : words('media_audio_back', { who: who() })),
    });
    watch.start();
    return watch;
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
    const why = describeCallFailure(statusCode, reasonPhrase);
    // The reason goes with the call: the history and a notification (when no window is open) say it.
    if (statusCode === 487) this.ctx.calls.markEnding(callId, 'cancelled');
    else this.ctx.calls.markEnding(callId, 'failed', why);
    this.ctx.notify(why);
  }
}

/** The SDP offer an incoming INVITE carries, if any (an offerless INVITE gets ours in the 200). */
function offerOf(invitation: Invitation): string | undefined {
  const { body } = invitation.request;
  const type = invitation.request.getHeader('content-type') ?? '';
  return body && /^application\/sdp\b/i.test(type.trim()) ? body : undefined;
}
