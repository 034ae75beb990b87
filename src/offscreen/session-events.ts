// What the far end does to a call that SessionManager does not report: holding
// us (its re-INVITE offers sendonly/inactive audio) and transferring us (REFER).
import { Invitation, type Session } from 'sip.js';
import { isHoldSdp } from './remote-hold';

export interface SessionHooks {
  /** The far end put us on hold, or resumed. */
  remoteHold(held: boolean): void;
  /** The far end asked us to call `target` instead (SessionManager follows the REFER). */
  referred(target: string): void;
}

/**
 * Watches one session. Call from onCallCreated: SessionManager assigns its own
 * onRefer right after that callback returns, so ours wraps it a microtask later.
 */
export function watchSession(session: Session, hooks: SessionHooks): void {
  if (session instanceof Invitation) {
    // A call may even start on hold (an initial sendonly offer).
    if (isHoldSdp(session.request.body)) hooks.remoteHold(true);
  }
  const delegate = (session.delegate ??= {});
  delegate.onInvite = (request, _response, statusCode) => {
    if (statusCode !== 200) return;
    const held = isHoldSdp(request.body);
    if (held !== undefined) hooks.remoteHold(held);
  };
  // An offerless re-INVITE carries the far end's answer in the ACK.
  delegate.onAck = (ack) => {
    const held = isHoldSdp(ack.request.body);
    if (held !== undefined) hooks.remoteHold(held);
  };
  queueMicrotask(() => {
    const follow = session.delegate?.onRefer;
    if (!session.delegate || !follow) return;
    session.delegate.onRefer = (referral) => {
      hooks.referred(referral.referTo.uri.toString());
      follow(referral);
    };
  });
}
