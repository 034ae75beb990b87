// SIP responses and transport errors in words a user can act on.

export function describeRegistrationFailure(status: number, reason: string): string {
  switch (status) {
    case 401:
    case 407:
      return `Wrong user name or password: the server refused the login (${status} ${reason}).`;
    case 403:
      return `The server refused this account (403 ${reason}). Check the user name, password and domain.`;
    case 404:
      return `The server does not know this SIP address (404 ${reason}). Check the domain in your SIP address.`;
    case 408:
      return 'The SIP server did not answer the registration in time (408). It will be tried again.';
    case 423:
      return `The server wants a different registration interval (423 ${reason}).`;
    default:
      return `Registration failed: ${status} ${reason}.`;
  }
}

export function isAuthenticationFailure(status: number): boolean {
  return status === 401 || status === 403 || status === 407;
}

export function describeCallFailure(status: number, reason: string): string {
  switch (status) {
    case 404:
    case 604:
      return `No such number or address (${status} ${reason}).`;
    case 480:
      return `Nobody is reachable there right now (480 ${reason}).`;
    case 486:
    case 600:
      return `Busy (${status} ${reason}).`;
    case 403:
    case 603:
      return `The call was declined (${status} ${reason}).`;
    case 408:
      return `No answer (${status} ${reason}).`;
    case 487:
      return 'Call cancelled.';
    case 488:
    case 606:
      return `The other side cannot take this kind of call (${status} ${reason}).`;
    default:
      return `The call failed: ${status} ${reason}.`;
  }
}

export function describeConnectionFailure(server: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return `Cannot reach the SIP server at ${server}${detail ? ` (${detail})` : ''}. Check the server address and your network.`;
}
