// The audio path of an established call, watched through its peer
// connection's ICE state: a path that never comes up ends the call in words;
// a path lost mid-call (a laptop changing networks, Wi-Fi dropping) is
// restarted with a re-INVITE that offers new ICE credentials (RFC 8839
// 4.4.1.1.1; SIP.js: offerOptions.iceRestart), and the call survives.
//
//   established ──checking/new past CONNECT_MS, or failed──▶ ended (BYE, "no audio connection")
//   established ──connected/completed──▶ up
//   up ──disconnected for DISCONNECT_GRACE_MS, or failed──▶ restarting (re-INVITE, iceRestart)
//   restarting ──connected/completed──▶ up ("the audio is back")
//   restarting ──not up RESTART_RETRY_MS after a restart (or it was refused)──▶ restarting (again)
//   restarting ──not up RECOVERY_MS after the loss──▶ ended (BYE, "lost and could not be restored")
//   any ──call ends──▶ stopped
import { SessionState, type Session, type Web } from 'sip.js';

export const ICE_TIMING = {
  /** How long a new call's audio path may take to connect. */
  CONNECT_MS: 10_000,
  /** 'disconnected' often heals by itself (a few lost packets): restart only when it lasts. */
  DISCONNECT_GRACE_MS: 3_000,
  /** A restart that has not connected after this is tried again. */
  RESTART_RETRY_MS: 8_000,
  /** How long a lost audio path may take to come back before the call is ended. */
  RECOVERY_MS: 30_000,
} as const;

/** Sent with our BYE when the audio path failed (RFC 3326; Q.850 41: temporary failure). */
export const ICE_FAILED_REASON = 'Reason: Q.850;cause=41;text="ICE failed"';

export interface IceWatchHooks {
  /** The path never connected (`lost` false) or was lost for good (`lost` true): the call is ended after this. */
  failed(lost: boolean, seconds: number): void;
  /** The path was lost and is being restarted (true), or is back (false). */
  recovering(recovering: boolean): void;
}

const isUp = (state: RTCIceConnectionState): boolean => state === 'connected' || state === 'completed';

/** Sends a re-INVITE whose offer restarts ICE; resolves once the far end accepted it, rejects when it refused. */
export function restartIce(session: Session): Promise<void> {
  // SessionManager keeps its hold state in these options (and mutates them): the restart keeps it, and leaves them as they were.
  const prior = session.sessionDescriptionHandlerOptionsReInvite as Web.SessionDescriptionHandlerOptions;
  const restart: Web.SessionDescriptionHandlerOptions = { ...prior, offerOptions: { ...prior.offerOptions, iceRestart: true } };
  return new Promise<void>((resolve, reject) => {
    session
      .invite({
        sessionDescriptionHandlerOptions: restart,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(new Error(`${response.message.statusCode ?? ''} ${response.message.reasonPhrase ?? ''}`.trim())),
        },
      })
      .catch(reject);
  }).finally(() => {
    session.sessionDescriptionHandlerOptionsReInvite = prior;
  });
}

export class IceWatch {
  private everUp = false;
  private lostAt: number | undefined;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  private readonly onChange = (): void => this.check();

  constructor(
    private readonly session: Session,
    private readonly pc: RTCPeerConnection,
    private readonly hooks: IceWatchHooks,
  ) {}

  /** From the moment the call is established. */
  start(): void {
    this.pc.addEventListener('iceconnectionstatechange', this.onChange);
    this.later(ICE_TIMING.CONNECT_MS, () => {
      if (!this.everUp) this.fail(false, ICE_TIMING.CONNECT_MS);
    });
    this.check();
  }

  stop(): void {
    this.stopped = true;
    this.pc.removeEventListener('iceconnectionstatechange', this.onChange);
    this.clearTimers();
  }

  private check(): void {
    if (this.stopped) return;
    const state = this.pc.iceConnectionState;
    if (isUp(state)) {
      const wasLost = this.lostAt !== undefined;
      this.everUp = true;
      this.lostAt = undefined;
      this.clearTimers();
      if (wasLost) this.hooks.recovering(false);
      return;
    }
    if (!this.everUp) {
      if (state === 'failed') this.fail(false, ICE_TIMING.CONNECT_MS);
      return;
    }
    if (state !== 'disconnected' && state !== 'failed') return;
    if (this.lostAt === undefined) {
      this.lostAt = Date.now();
      this.later(ICE_TIMING.RECOVERY_MS, () => this.fail(true, ICE_TIMING.RECOVERY_MS));
      if (state === 'disconnected') {
        this.later(ICE_TIMING.DISCONNECT_GRACE_MS, () => this.restart());
        return;
      }
    }
    if (state === 'failed') this.restart();
  }

  private restarting = false;

  private restart(): void {
    if (this.stopped || this.restarting || isUp(this.pc.iceConnectionState)) return;
    if (this.session.state !== SessionState.Established) return;
    this.restarting = true;
    this.hooks.recovering(true);
    const again = (): void => {
      this.restarting = false;
      this.later(ICE_TIMING.RESTART_RETRY_MS, () => this.restart());
    };
    // A refused or crossed (491) re-INVITE is tried again later, within the recovery time.
    restartIce(this.session).then(again, again);
  }

  private fail(lost: boolean, ms: number): void {
    if (this.stopped) return;
    this.stop();
    this.hooks.failed(lost, Math.round(ms / 1000));
    if (this.session.state === SessionState.Established) {
      void this.session.bye({ requestOptions: { extraHeaders: [ICE_FAILED_REASON] } }).catch(() => undefined);
    }
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
