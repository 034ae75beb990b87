// What the user does to calls in progress: hold, mute, key tones, switching
// between calls, blind and attended transfer. Phone owns the SessionManager and
// the call list; this class works on them. A transfer's states and moves are
// TRANSFER_TABLE in shared/call-table.ts; here they are sent (REFER) and
// learnt (NOTIFY, timeouts): after a 2xx NOTIFY our leg (and the
// consultation leg) are hung up, after a cancel the first call is resumed.
import { SessionState, Web, type Core, type Notification, type Session } from 'sip.js';
import { sendAttendedRefer } from './attended-refer';
import type { PhoneSettings } from '../shared/phone-settings';
import { ClickDialError } from '../shared/protocol';
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
  notify(text: string): void;
  /** Places a call on that account the way the dial pad does (limit, microphone, holding others). */
  placeCall(target: string, accountId: string): Promise<{ callId: string }>;
  /** A typed number or address as a SIP URI on that account's domain; throws a ClickDialError in words. */
  dialUri(input: string, accountId: string): string;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CallControls {
  private readonly holdWaiters = new Map<string, (held: boolean) => void>();
  private readonly transferTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: CallControlDeps) {}

  // --- hold and mute -------------------------------------------------------

  /** Resolves once the far end accepted the re-INVITE (SessionManager resolves when it is sent). */
  async setHold(callId: string, hold: boolean): Promise<void> {
    const manager = this.manager(callId);
    const session = this.established(callId, hold ? 'put on hold' : 'resumed');
    if (manager.isHeld(session) === hold) return;
    const settled = new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.holdWaiters.delete(callId);
        reject(new ClickDialError(`The other side did not answer the ${hold ? 'hold' : 'resume'} request in time.`, 'failed'));
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
      throw new ClickDialError(`Could not ${hold ? 'hold' : 'resume'} the call: ${reason(error)}`, 'failed');
    }
    if ((await settled) !== hold) {
      throw new ClickDialError(hold ? 'The other side refused to be put on hold.' : 'The other side refused to resume the call.', 'failed');
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
    const session = this.established(callId, mute ? 'muted' : 'unmuted');
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
    this.established(callId, 'resumed');
    await this.holdOthers(callId);
    await this.setHold(callId, false);
  }

  // --- key tones -----------------------------------------------------------

  async sendDtmf(callId: string, input: string): Promise<void> {
    const tones = input.toUpperCase();
    if (!DTMF.test(tones)) throw new ClickDialError('Key tones can only be 0-9, *, # and A-D.', 'invalid');
    const session = this.established(callId, 'sent key tones');
    if (this.manager(callId).isHeld(session)) throw new ClickDialError('Resume the call before sending key tones.', 'invalid');
    if (this.deps.settings().dtmfMethod === 'info') await this.dtmfByInfo(session, tones);
    else this.dtmfInAudio(session, tones);
  }

  /** RFC 4733: telephone-events in the RTP stream, through the browser's RTCDTMFSender. */
  private dtmfInAudio(session: Session, tones: string): void {
    const sdh = session.sessionDescriptionHandler;
    const pc = sdh instanceof Web.SessionDescriptionHandler ? sdh.peerConnection : undefined;
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio') ?? pc?.getSenders()[0];
    const dtmf = sender?.dtmf;
    if (!dtmf) throw new ClickDialError('This call has no audio to send key tones in.', 'failed');
    if (!dtmf.canInsertDTMF) {
      throw new ClickDialError(
        'The other side does not take key tones in the audio (no telephone-event). Choose SIP INFO for key tones in the options.',
        'failed',
      );
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
                reject(
                  new ClickDialError(
                    `The other side refused key tones sent as SIP INFO (${statusCode} ${reasonPhrase}). Choose RFC 4733 in the options.`,
                    'failed',
                  ),
                );
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
          .catch((error: unknown) => reject(new ClickDialError(`Could not send the key tone: ${reason(error)}`, 'failed')));
      });
    }
  }

  // --- transfer ------------------------------------------------------------

  /** Blind transfer: the far end calls the target; our leg ends when it says it worked. */
  async transfer(callId: string, target: string): Promise<void> {
    const session = this.established(callId, 'transferred');
    const uri = this.deps.dialUri(target, this.accountOf(callId));
    this.refuseTwice(callId);
    this.deps.calls.transfer(callId, 'blind', { target: uri });
    this.deps.changed();
    await this.refer(callId, session, uri);
  }

  /** Attended transfer, step 1: the first call goes on hold and we call the target. */
  async consult(callId: string, target: string): Promise<{ callId: string }> {
    this.established(callId, 'transferred');
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
      throw new ClickDialError('The transfer target has not answered yet. Wait for the answer, or transfer blind.', 'invalid');
    }
    const original = this.established(originalId, 'transferred');
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
      setTimeout(
        () => this.transferFailed(callId, 'No word from the other side about the transfer: it may not have worked.'),
        TRANSFER_TIMEOUT_MS,
      ),
    );
    const options = {
      requestDelegate: {
        onReject: (response: IncomingResponse) => {
          const { statusCode = 0, reasonPhrase = '' } = response.message;
          this.transferFailed(callId, `The other side refused the transfer (${statusCode} ${reasonPhrase}).`);
        },
      },
      onNotify: (notification: Notification) => this.onTransferProgress(callId, notification),
    };
    try {
      // Attended: Refer-To names the target by its address of record (attended-refer.ts), not its Contact.
      if (typeof target === 'string') await this.manager(callId).transfer(session, target, options);
      else await sendAttendedRefer(session, target, options);
    } catch (error) {
      this.transferFailed(callId, `Could not transfer the call: ${reason(error)}`);
      throw new ClickDialError(`Could not transfer the call: ${reason(error)}`, 'failed');
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
      this.transferFailed(callId, `The transfer did not go through: ${code} ${status[2]?.trim() ?? ''}.`.replace(' .', '.'));
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

  private transferFailed(callId: string, error: string): void {
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
    if (!this.deps.calls.has(consultId)) throw new ClickDialError('That call has already ended.', 'no-such-call');
    if (!originalId || !this.deps.calls.has(originalId)) {
      throw new ClickDialError('This call is not a transfer consultation, or the call to transfer has ended.', 'invalid');
    }
    return originalId;
  }

  private accountOf(callId: string): string {
    const call = this.deps.calls.call(callId);
    if (!call) throw new ClickDialError('That call has already ended.', 'no-such-call');
    return call.accountId;
  }

  private manager(callId: string): Web.SessionManager {
    const manager = this.deps.manager(callId);
    if (!manager) throw new ClickDialError('The phone is not connected.', 'not-connected');
    return manager;
  }

  private established(callId: string, what: string): Session {
    const session = this.deps.calls.session(callId);
    if (session.state !== SessionState.Established) throw new ClickDialError(`Only a connected call can be ${what}.`, 'invalid');
    return session;
  }
}
