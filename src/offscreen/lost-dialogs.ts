// Calls that outlive their phone: what is kept of each confirmed dialog so
// that a recreated phone document can end it at the far end (a BYE built from
// the saved dialog, RFC 3261 12.2.1.1), instead of leaving the far end with a
// call nobody will ever hang up.
import { UserAgent, type Session } from 'sip.js';
import type { DialogRecord } from '../shared/live-calls';

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

/** Sends the BYE; resolves with the far end's status (0 when it could not be sent). */
export function endLostDialog(userAgent: UserAgent, record: DialogRecord): Promise<number> {
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
    ['Reason: SIP;cause=480;text="The phone restarted during the call"'],
  );
  return new Promise((resolve) => {
    core.request(message, {
      onAccept: (response) => resolve(response.message.statusCode ?? 200),
      onReject: (response) => resolve(response.message.statusCode ?? 0),
    });
  });
}
