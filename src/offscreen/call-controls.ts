// What the user does to calls in progress: hold, mute, key tones, switching
// between calls, blind and attended transfer. Phone owns the SessionManager and
// the call list; this class works on them. A transfer's states and moves are
// TRANSFER_TABLE in shared/call-table.ts; here they are sent (REFER) and
// learnt (NOTIFY, timeouts): after a 2xx NOTIFY our leg (and the
// consultation leg) are hung up, after a cancel the first call is resumed.
import { SessionState, Web, type Core, type Notification, type Session } from 'sip.js';
import { sendAttendedRefer } from './attended-refer';
import type { PhoneSettings } from '../shared/phone-settings';
import { ClickDialError, errorDetail } from '../shared/protocol';
import { words, type Words } from '../shared/words';
import type { MessageKey } from '../shared/i18n';
import type { CallRegistry } from './call-registry';
import { requireCommand } from '../shared/call-table';

type IncomingResponse = Core.IncomingResponse;

const HOLD_TIMEOUT_MS = 8000;
const TRANSFER_TIMEOUT_MS = 30_000;
/** The target of an attended transfer normally hangs up our consultation leg itself. */
const CONSULT_LEG_GRACE_MS = 3000;
const DTMF = /^[0-9A-D#*]{1,32}$/;
const TONE_MS = 100;
const TONE_GAP_MS = 70;

export interface CallControlDeps {
  /** The SessionManager of the call's account (each account has its own). */
  manager(callId: string): Web.SessionManager | undefined;
  calls: CallRegistry;
  settings(): PhoneSettings;
  changed(): void;
  notify(said: Words): void;
  /** Places a call on that account the way the dial pad does (limit, microphone, holding others). */
  placeCall(target: string, accountId: string): Promise<{ callId: string }>;
  /** A typed number or address as a SIP URI on that account's domain; throws a ClickDialError in words. */
  dialUri(input: string, accountId: string): string;
}

const reason = errorDetail;

export class CallControls {
  private readonly holdWaiters = new Map<string, (held: boolean) => void>();
  private readonly transferTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: CallControlDeps) {}

  // --- hold and mute -------------------------------------------------------

  /** Resolves once the far end accepted the re-INVITE (SessionManager resolves when it is sent). */
  async setHold(callId: string, hold: boolean): Promise<void> {
    const manager = this.manager(callId);
    const session = this.established(callId, hold ? 'call_can_hold' : 'call_can_resume');
    if (manager.isHeld(session) === hold) return;
    const settled = new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.holdWaiters.delete(callId);
        reject(new ClickDialError(words(hold ? 'hold_not_answered' : 'resume_not_answered'), 'failed'));
      }, HOLD_TIMEOUT_MS);
      this.holdWaiters.set(callId, (held) => {
        clearTimeout(timer);
        resolve(held);
      });
    });
    try {
      await (hold ? manager.hold(session) : manager.unhold(session));
    } catch (error) {
      this.holdWaiters.get(callId)?.(!hold);
      throw new ClickDialError(words(hold ? 'hold_not_sent' : 'resume_not_sent', { detail: reason(error) }), 'failed');
    }
    if ((await settled) !== hold) {
      throw new ClickDialError(words(hold ? 'hold_refused' : 'resume_refused'), 'failed');
    }
  }

  /** From SessionManager's onCallHold: the re-INVITE was answered. */
  holdSettled(callId: string, held: boolean): void {
    const waiter = this.holdWaiters.get(callId);
    this.holdWaiters.delete(callId);
    waiter?.(held);
  }

  setMute(callId: string, mute: boolean): void {
    const manager = this.manager(callId);
    const session = this.established(callId, mute ? 'call_can_mute' : 'call_can_unmute');
    if (mute) manager.mute(session);
    else manager.unmute(session);
    this.deps.calls.patch(callId, { muted: manager.isMuted(session) });
    this.deps.changed();
  }

  /** Only one call is off hold: the others are held, one after the other. */
  async holdOthers(exceptId?: string): Promise<void> {
    // Across accounts: the user talks on one call at a time, whichever line it is on.
    for (const id of this.deps.calls.ids()) {
      if (id === exceptId) continue;
      const manager = this.deps.manager(id);
      if (!manager) continue;
      const session = this.deps.calls.session(id);
      if (session.state === SessionState.Established && !manager.isHeld(session)) await this.setHold(id, true);
    }
  }

  async switchTo(callId: string): Promise<void> {
    this.established(callId, 'call_can_resume');
    await this.holdOthers(callId);
    await this.setHold(callId, false);
  }

  // --- key tones -----------------------------------------------------------

  async sendDtmf(callId: string, input: string): Promise<void> {
    const tones = input.toUpperCase();
    if (!DTMF.test(tones)) throw new ClickDialError(words('dtmf_invalid'), 'invalid');
    const session = this.established(callId, 'call_can_be_sent_tones');
    if (this.manager(callId).isHeld(session)) throw new ClickDialError(words('dtmf_resume_first'), 'invalid');
    if (this.deps.settings().dtmfMethod === 'info') await this.dtmfByInfo(session, tones);
    else this.dtmfInAudio(session, tones);
  }

  /** RFC 4733: telephone-events in the RTP stream, through the browser's RTCDTMFSender. */
  private dtmfInAudio(session: Session, tones: string): void {
    const sdh = session.sessionDescriptionHandler;
    const pc = sdh instanceof Web.SessionDescriptionHandler ? sdh.peerConnection : undefined;
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio') ?? pc?.getSenders()[0];
    const dtmf = sender?.dtmf;
    if (!dtmf) throw new ClickDialError(words('dtmf_no_audio'), 'failed');
    if (!dtmf.canInsertDTMF) {
      throw new ClickDialError(words('dtmf_no_telephone_event'), 'failed');
    }
    // insertDTMF replaces tones still queued: keep them, so fast typing loses none.
    dtmf.insertDTMF(dtmf.toneBuffer + tones, TONE_MS, TONE_GAP_MS);
  }

  /** SIP INFO application/dtmf-relay, one request per tone, in order. */
  private async dtmfByInfo(session: Session, tones: string): Promise<void> {
    for (const tone of tones) {
      await new Promise<void>((resolve, reject) => {
        session
          .info({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => {
                const { statusCode = 0, reasonPhrase = '' } = response.message;
                reject(new ClickDialError(words('dtmf_info_refused', { status: String(statusCode), reason: reasonPhrase }), 'failed'));
              },
            },
            requestOptions: {
              body: {
                contentDisposition: 'render',
                contentType: 'application/dtmf-relay',
                content: `Signal=${tone}\r\nDuration=${TONE_MS}`,
              },
            },
          })
          .catch((error: unknown) => reject(new ClickDialError(words('dtmf_not_sent', { detail: reason(error) }), 'failed')));
      });
    }
  }

  // --- transfer ------------------------------------------------------------

  /** Blind transfer: the far end calls the target; our leg ends when it says it worked. */
  async transfer(callId: string, target: string): Promise<void> {
    const session = this.established(callId, 'call_can_transfer');
    const uri = this.deps.dialUri(target, this.accountOf(callId));
    this.refuseTwice(callId);
    this.deps.calls.transfer(callId, 'blind', { target: uri });
    this.deps.changed();
    await this.refer(callId, session, uri);
  }

  /** Attended transfer, step 1: the first call goes on hold and we call the target. */
  async consult(callId: string, target: string): Promise<{ callId: string }> {
    this.established(callId, 'call_can_transfer');
    this.refuseTwice(callId);
    // The consultation goes out on the line of the call being transferred (its PBX joins the two).
    const placed = await this.deps.placeCall(target, this.accountOf(callId));
    const consultation = this.deps.calls.call(placed.callId);
    this.deps.calls.patch(placed.callId, { consultFor: callId });
    this.deps.calls.transfer(callId, 'consult', { target: consultation?.remote.uri ?? target });
    this.deps.changed();
    return placed;
  }

  /** Attended transfer, step 2: REFER with Replaces joins the first call's party and the target. */
  async completeTransfer(consultId: string): Promise<void> {
    const originalId = this.consultationOf(consultId);
    const consultation = this.deps.calls.session(consultId);
    if (consultation.state !== SessionState.Established) {
      throw new ClickDialError(words('transfer_target_not_answered'), 'invalid');
    }
    const original = this.established(originalId, 'call_can_transfer');
    const target = this.deps.calls.call(consultId)?.remote.uri ?? '';
    this.deps.calls.transfer(originalId, 'complete', { target });
    this.deps.changed();
    await this.refer(originalId, original, consultation);
  }

  async cancelTransfer(consultId: string): Promise<void> {
    const originalId = this.consultationOf(consultId);
    this.deps.calls.transfer(originalId, 'cancel');
    await this.manager(consultId).hangup(this.deps.calls.session(consultId));
    if (this.deps.calls.has(originalId)) await this.setHold(originalId, false);
  }

  /** A call is gone: drop what referred to it. */
  forget(callId: string): void {
    this.holdSettled(callId, false);
    clearTimeout(this.transferTimers.get(callId));
    this.transferTimers.delete(callId);
    for (const id of this.deps.calls.ids()) {
      const call = this.deps.calls.call(id);
      if (call?.consultFor === callId) this.deps.calls.patch(id, { consultFor: undefined });
      // The consultation call ended before the transfer: the first call stays (on hold).
      if (call?.transfer?.state === 'consulting' && !this.hasConsultation(id)) this.deps.calls.transfer(id, 'consultationEnded');
    }
  }

  private hasConsultation(originalId: string): boolean {
    return this.deps.calls.ids().some((id) => this.deps.calls.call(id)?.consultFor === originalId);
  }

  private async refer(callId: string, session: Session, target: Session | string): Promise<void> {
    this.transferTimers.set(
      callId,
      setTimeout(() => this.transferFailed(callId, words('transfer_no_word')), TRANSFER_TIMEOUT_MS),
    );
    const options = {
      requestDelegate: {
        onReject: (response: IncomingResponse) => {
          const { statusCode = 0, reasonPhrase = '' } = response.message;
          this.transferFailed(callId, words('transfer_refused', { status: String(statusCode), reason: reasonPhrase }));
        },
      },
      onNotify: (notification: Notification) => this.onTransferProgress(callId, notification),
    };
    try {
      // Attended: Refer-To names the target by its address of record (attended-refer.ts), not its Contact.
      if (typeof target === 'string') await this.manager(callId).transfer(session, target, options);
      else await sendAttendedRefer(session, target, options);
    } catch (error) {
      const said = words('transfer_not_sent', { detail: reason(error) });
      this.transferFailed(callId, said);
      throw new ClickDialError(said, 'failed');
    }
  }

  /** NOTIFY with a message/sipfrag body: "SIP/2.0 200 OK" means the transferee reached the target. */
  private onTransferProgress(callId: string, notification: Notification): void {
    void notification.accept().catch(() => undefined);
    const status = /^SIP\/2\.0 (\d{3})\s*(.*)$/m.exec(notification.request.body);
    if (!status) return;
    const code = Number(status[1]);
    if (code < 200) return;
    if (code >= 300) {
      this.transferFailed(callId, words('transfer_did_not_go_through', { status: `${code} ${status[2]?.trim() ?? ''}`.trim() }));
      return;
    }
    clearTimeout(this.transferTimers.get(callId));
    this.transferTimers.delete(callId);
    const consultId = this.deps.calls.ids().find((id) => this.deps.calls.call(id)?.consultFor === callId);
    const hangup = (id: string): void => {
      const manager = this.deps.manager(id);
      if (manager && this.deps.calls.has(id)) void manager.hangup(this.deps.calls.session(id)).catch(() => undefined);
    };
    hangup(callId);
    if (consultId) setTimeout(() => hangup(consultId), CONSULT_LEG_GRACE_MS);
  }

  private transferFailed(callId: string, error: Words): void {
    clearTimeout(this.transferTimers.get(callId));
    this.transferTimers.delete(callId);
    if (this.deps.calls.transfer(callId, 'failed', { error })) this.deps.notify(error);
  }

  /** One transfer at a time (the table's rule, checked again: consult awaits a call before it moves). */
  private refuseTwice(callId: string): void {
    const call = this.deps.calls.call(callId);
    if (call) requireCommand(call, 'transfer');
  }

  private consultationOf(consultId: string): string {
    const originalId = this.deps.calls.call(consultId)?.consultFor;
    if (!this.deps.calls.has(consultId)) throw new ClickDialError(words('error_call_already_ended'), 'no-such-call');
    if (!originalId || !this.deps.calls.has(originalId)) {
      throw new ClickDialError(words('transfer_not_a_consultation'), 'invalid');
    }
    return originalId;
  }

  private accountOf(callId: string): string {
    const call = this.deps.calls.call(callId);
    if (!call) throw new ClickDialError(words('error_call_already_ended'), 'no-such-call');
    return call.accountId;
  }

  private manager(callId: string): Web.SessionManager {
    const manager = this.deps.manager(callId);
    if (!manager) throw new ClickDialError(words('error_phone_not_connected'), 'not-connected');
    return manager;
  }

  private established(callId: string, what: Extract<MessageKey, `call_can_${string}`>): Session {
    const session = this.deps.calls.session(callId);
    if (session.state !== SessionState.Established) {
      throw new ClickDialError(words('call_only_connected_can', { action: words(what) }), 'invalid');
    }
    return session;
  }
}
