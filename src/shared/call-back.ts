// Where "Call back" dials (history, missed-call notification). The caller
// wrote the From header: its host is theirs to choose, so a call-back never
// goes to it unless it is the user's own SIP domain. Otherwise the caller's
// user part (a number or an extension) is dialled on the user's account,
// like a number typed into the dialer.
import { SIP_URI } from './account';
import type { RemoteParty } from './snapshot';

/** The host of a sip:/sips: URI, lower-cased, without port or parameters. */
function hostOf(uri: string): string | undefined {
  const m = /^sips?:(?:[^@;?]*@)?(\[[^\]]+\]|[^:;?>]+)/i.exec(uri.trim());
  return m?.[1]?.toLowerCase();
}

/** The call-back target, or undefined when the caller gave nothing that can be called back. */
export function callBackTarget(remote: RemoteParty, accountAor: string | undefined): string | undefined {
  const domain = accountAor ? hostOf(accountAor) : undefined;
  // On our own domain: the URI without a port, parameters or headers the caller added.
  const bare = remote.uri.trim().replace(/[;?].*$/, '');
  if (domain && SIP_URI.test(bare) && hostOf(bare) === domain) return bare.replace(/:\d{1,5}$/, '');
  // Otherwise only a number: no * or # (a caller could name a PBX feature code, *72 call forwarding).
  const user = remote.user.trim().replace(/[\s\-.()]/g, '');
  return /^\+?[0-9]{1,20}$/.test(user) ? user : undefined;
}
