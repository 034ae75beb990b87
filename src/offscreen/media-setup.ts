// A call's first offer/answer exchange, watched through its session
// description handler: when the browser cannot use the far end's offer or
// answer (or cannot make its own), the call is marked failed with the reason
// before SIP.js ends it, and the error carries words instead of SDP jargon.
// SIP.js does the signalling of an outgoing call itself (ACK, then BYE with
// "Reason: SIP;cause=488"), but would answer an incoming one 480: an offer
// we cannot take is answered 488 Not Acceptable Here here first.
//
//   remote description refused ──before Established──▶ failed(reason) (+ 488 to an incoming call being answered)
//   our own description fails  ──before Established──▶ failed(reason)
//   anything after Established: a re-INVITE SIP.js answers 488 itself, the call goes on
import { Invitation, SessionState, type Session, type SessionDescriptionHandler } from 'sip.js';
import { ClickDialError } from '../shared/protocol';
import { describeLocalMediaFailure, describeUnusableDescription, type MediaWords } from './media-words';
import type { Words } from '../shared/words';

/** Answered to an offer the browser cannot use (RFC 3261 21.4.26). */
export const NOT_ACCEPTABLE = 488;

export interface MediaSetupHooks {
  /** Names the far end in a sentence. */
  who(): string;
  /** The call's media could not be set up: `reason` for the history, `notice` for the user. */
  failed(reason: Words, notice: Words): void;
}

/** Warning header text (RFC 3261 20.43): 305 Incompatible media format, the reason (in English, for the far end's logs) quoted. */
export function mediaWarning(reason: string): string {
  return `Warning: 305 ClickDial "${reason.replace(/["\\\r\n]/g, ' ')}"`;
}

/** For the session's delegate.onSessionDescriptionHandler: wraps each handler SIP.js makes for the call. */
export function watchMediaSetup(session: Session, hooks: MediaSetupHooks): (sdh: SessionDescriptionHandler, provisional: boolean) => void {
  const settingUp = (): boolean => session.state === SessionState.Initial || session.state === SessionState.Establishing;
  const fail = (described: MediaWords): ClickDialError => {
    hooks.failed(described.reason, described.notice);
    return new ClickDialError(described.notice, 'failed');
  };
  const refuse = (error: unknown): ClickDialError => {
    const described = describeUnusableDescription(error, hooks.who());
    const failure = fail(described);
    if (session instanceof Invitation && session.state === SessionState.Establishing) {
      // Before SIP.js's own 480: it then finds the call ended and only passes the error on.
      void session.reject({ statusCode: NOT_ACCEPTABLE, extraHeaders: [mediaWarning(described.warning)] }).catch(() => undefined);
    }
    return failure;
  };
  return (sdh, provisional) => {
    // An early-media handler (183) that fails is not the call's end: the 200 may still work.
    if (provisional) return;
    const setDescription = sdh.setDescription.bind(sdh);
    const getDescription = sdh.getDescription.bind(sdh);
    sdh.setDescription = (sdp, options, modifiers) =>
      setDescription(sdp, options, modifiers).catch((error: unknown) => {
        if (!settingUp()) throw error;
        throw refuse(error);
      });
    sdh.getDescription = (options, modifiers) =>
      getDescription(options, modifiers).catch((error: unknown) => {
        if (!settingUp()) throw error;
        throw fail(describeLocalMediaFailure(error, hooks.who()));
      });
  };
}
