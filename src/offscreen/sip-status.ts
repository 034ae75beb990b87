// SIP responses and transport errors in words a user can act on, as Words
// (shared/words.ts): the phone's document has no chrome.i18n, so the page that
// shows them says them in the user's language.
import { words, type Words } from '../shared/words';

export function describeRegistrationFailure(status: number, reason: string): Words {
  switch (status) {
    case 401:
    case 407:
      return words('sip_register_wrong_password', { status: String(status), reason });
    case 403:
      return words('sip_register_forbidden', { reason });
    case 404:
      return words('sip_register_unknown_address', { reason });
    case 408:
      return words('sip_register_timeout');
    case 423:
      return words('sip_register_interval', { reason });
    default:
      return words('sip_register_failed', { status: String(status), reason });
  }
}

export function isAuthenticationFailure(status: number): boolean {
  return status === 401 || status === 403 || status === 407;
}

export function describeCallFailure(status: number, reason: string): Words {
  const said = { status: String(status), reason };
  switch (status) {
    case 404:
    case 604:
      return words('sip_call_not_found', said);
    case 480:
      return words('sip_call_unreachable', { reason });
    case 486:
    case 600:
      return words('sip_call_busy', said);
    case 403:
    case 603:
      return words('sip_call_declined', said);
    case 408:
      return words('sip_call_no_answer', said);
    case 487:
      return words('sip_call_cancelled');
    case 488:
    case 606:
      return words('sip_call_not_acceptable', said);
    default:
      return words('sip_call_failed', said);
  }
}

export function describeConnectionFailure(server: string, error: unknown): Words {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return detail ? words('sip_server_unreachable_detail', { server, detail }) : words('sip_server_unreachable', { server });
}
