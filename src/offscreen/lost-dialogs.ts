// Calls that outlive their phone: what is kept of each confirmed dialog, and
// of each outgoing INVITE not yet answered, so that a recreated phone
// document can end it at the far end (a BYE built from the saved dialog, RFC
// 3261 12.2.1.1; a CANCEL matching the saved INVITE, 9.1) instead of leaving
// the far end with a call nobody will ever hang up.
import { Inviter, SessionState, UserAgent, type Core, type Session } from 'sip.js';
import type { DialogRecord, InviteRecord } from '../shared/live-calls';

/** The Reason of a BYE or CANCEL for a call its phone document lost. */
const PHONE_RESTARTED = 'Reason: SIP;cause=480;text="The phone restarted during the call"';

/** The dialog of an established call, as a BYE needs it; undefined before it is confirmed. */
export function dialogRecord(session: Session): DialogRecord | undefined {
  // Typed as the core Session interface; at run time it is SIP.js's SessionDialog, which has all of these.
  const dialog = session.dialog as (NonNullable<Session['dialog']> & { routeSet: string[]; localSequenceNumber?: number }) | undefined;
  if (!dialog) return undefined;
  return {
    callId: dialog.callId,
    localTag: dialog.localTag,
    remoteTag: dialog.remoteTag,
    localUri: dialog.localURI.toString(),
    remoteUri: dialog.remoteURI.toString(),
    remoteTarget: dialog.remoteTarget.toString(),
    routeSet: [...dialog.routeSet],
    cseq: dialog.localSequenceNumber ?? 1,
  };
}

/** Our outgoing INVITE while it is unanswered, as a CANCEL needs it. */
export function inviteRecord(session: Session): InviteRecord | undefined {
  if (!(session instanceof Inviter) || session.state !== SessionState.Establishing) return undefined;
  // SIP.js keeps the request it sent (after any authentication) here; it is not part of its typed API.
  const message = (session as unknown as { outgoingInviteRequest?: { message: Core.OutgoingRequestMessage } }).outgoingInviteRequest
    ?.message;
  if (!message?.branch) return undefined;
  return {
    ruri: message.ruri.toString(),
    fromUri: message.fromURI.toString(),
    fromTag: message.fromTag,
    toUri: message.toURI.toString(),
    callId: message.callId,
    cseq: message.cseq,
    branch: message.branch,
    viaHost: /^SIP\/2\.0\/\S+\s+([^;\s]+)/.exec(message.getHeader('via') ?? '')?.[1] ?? '',
    routes: message.getHeaders('route'),
  };
}

/** Sends the CANCEL (same branch and Via host as the INVITE, so the proxy matches it); resolves with the status. */
export function cancelLostInvite(userAgent: UserAgent, record: InviteRecord): Promise<number> {
  const ruri = UserAgent.makeURI(record.ruri);
  const from = UserAgent.makeURI(record.fromUri);
  const to = UserAgent.makeURI(record.toUri);
  if (!ruri || !from || !to || !record.viaHost) return Promise.resolve(0);
  const core = userAgent.userAgentCore;
  const message = core.makeOutgoingRequestMessage(
    'CANCEL',
    ruri,
    from,
    to,
    { callId: record.callId, fromTag: record.fromTag, cseq: record.cseq, viaHost: record.viaHost },
    [PHONE_RESTARTED],
  );
  // A preset branch is kept by the transaction: the CANCEL matches the INVITE's.
  message.branch = record.branch;
  if (record.routes.length > 0) message.setHeader('route', record.routes);
  return statusOf(core, message);
}

/** Sends the BYE; resolves with the far end's status (0 when it could not be sent). */
export function endLostDialog(userAgent: UserAgent, record: DialogRecord, reason: string = PHONE_RESTARTED): Promise<number> {
  const target = UserAgent.makeURI(record.remoteTarget);
  const from = UserAgent.makeURI(record.localUri);
  const to = UserAgent.makeURI(record.remoteUri);
  if (!target || !from || !to) return Promise.resolve(0);
  const core = userAgent.userAgentCore;
  const message = core.makeOutgoingRequestMessage(
    'BYE',
    target,
    from,
    to,
    {
      callId: record.callId,
      fromTag: record.localTag,
      toTag: record.remoteTag,
      // Above anything the lost phone may have sent after it last saved the dialog.
      cseq: record.cseq + 100,
      routeSet: record.routeSet,
    },
    [reason],
  );
  return statusOf(core, message);
}

/** Sends a request outside any session; resolves with the final status. */
function statusOf(core: UserAgent['userAgentCore'], message: Core.OutgoingRequestMessage): Promise<number> {
  return new Promise((resolve) => {
    core.request(message, {
      onAccept: (response) => resolve(response.message.statusCode ?? 200),
      onReject: (response) => resolve(response.message.statusCode ?? 0),
    });
  });
}
