// The REFER that completes an attended transfer. SIP.js's own
// (session.refer(otherSession)) puts the target's Contact in Refer-To, which
// for a WebSocket phone is a "<random>.invalid;transport=ws" address: an edge
// proxy that routes only addresses of record answers such a REFER with 403.
// Ours names the target by its address of record (the consultation call's
// remote identity) and carries the dialog to replace (RFC 3891) as an escaped
// URI header (RFC 3515, 5589): the transferee's INVITE then reaches the target
// through the normal location lookup, and the target matches it to our
// consultation call by its Call-ID and tags.
import type { Core, Notification, Session } from 'sip.js';
import { ClickDialError } from '../shared/protocol';
import { words } from '../shared/words';

/**
 * `"Name" <sip:target@domain?Replaces=CALLID%3Bto-tag%3DX%3Bfrom-tag%3DY>`. The
 * tags are as the target sees the dialog: its local tag (our remote tag) is
 * the to-tag, ours the from-tag.
 */
export function attendedReferTo(consultation: Session): string {
  const dialog = consultation.dialog;
  if (!dialog) throw new ClickDialError(words('transfer_target_not_connected'), 'invalid');
  const aor = consultation.remoteIdentity.uri.clone();
  aor.clearHeaders();
  // encodeURIComponent leaves only unreserved characters, as hvalue needs (RFC 3261 25.1): ";" "=" "@" are escaped.
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  const name = consultation.remoteIdentity.displayName;
  const display = name ? `"${name.replace(/["\\]/g, '\\$&')}" ` : '';
  // In angle brackets: a URI with "?" or ";" must be (RFC 3261 20).
  return `${display}<${aor.toString()}?Replaces=${replaces}>`;
}

/** Sends the REFER on `session` with that Refer-To (the headers SIP.js's refer() would add, but our Refer-To). */
export async function sendAttendedRefer(
  session: Session,
  consultation: Session,
  options: { requestDelegate?: Core.OutgoingRequestDelegate; onNotify?: (notification: Notification) => void },
): Promise<void> {
  const referTo = attendedReferTo(consultation);
  const extraHeaders = [`Referred-By: <${session.userAgent.configuration.uri.toString()}>`, `Refer-To: ${referTo}`];
  if (session._contact) extraHeaders.push(`Contact: ${session._contact}`);
  await session._refer(options.onNotify, options.requestDelegate, { extraHeaders });
}
