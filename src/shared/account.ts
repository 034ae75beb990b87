// The SIP account as the user enters it. Stored in storage.local only: the
// password must never travel to the user's Google account via storage.sync.

export interface SipAccount {
  /** ws:// or wss:// URL of the SIP-over-WebSocket server. */
  server: string;
  /** sip:user@domain */
  aor: string;
  /** Digest user name; empty means the user part of the AOR. */
  authorizationUser: string;
  password: string;
  displayName: string;
  /** STUN/TURN servers; none by default (a dead default STUN adds 5 s to calls). */
  iceServers: IceServer[];
}

export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

export type AccountField = keyof SipAccount;
export type AccountErrors = Partial<Record<AccountField, string>>;

export const SIP_URI = /^sips?:([^@\s:;]+)@([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/** Checks an account as the options form would; an empty result means valid. */
export function validateAccount(account: SipAccount): AccountErrors {
  const errors: AccountErrors = {};
  const server = account.server.trim();
  if (!server) {
    errors.server = 'Enter the WebSocket address of your SIP server, e.g. wss://pbx.example.com:8089/ws.';
  } else {
    let url: URL | undefined;
    try {
      url = new URL(server);
    } catch {
      errors.server = `"${server}" is not a URL. It should look like wss://pbx.example.com:8089/ws.`;
    }
    if (url && url.protocol !== 'ws:' && url.protocol !== 'wss:') {
      errors.server = `The server address must start with wss:// (or ws:// on a trusted network), not ${url.protocol}//.`;
    } else if (url && !url.hostname) {
      errors.server = 'The server address has no host name.';
    }
  }
  const aor = account.aor.trim();
  if (!aor) {
    errors.aor = 'Enter your SIP address, e.g. sip:1001@pbx.example.com.';
  } else if (!SIP_URI.test(aor)) {
    errors.aor = `"${aor}" is not a SIP address. It should look like sip:1001@pbx.example.com.`;
  }
  if (/\s/.test(account.authorizationUser.trim())) {
    errors.authorizationUser = 'The authorization user cannot contain spaces.';
  }
  if (account.password === '') {
    errors.password = 'Enter the password of your SIP account.';
  }
  account.iceServers.forEach((ice) => {
    if (!/^(stuns?|turns?):[^\s]+$/.test(ice.urls)) {
      errors.iceServers = `"${ice.urls}" is not a STUN or TURN address (stun:host:port or turn:host:port).`;
    }
  });
  return errors;
}

/** Parses one ICE server per line: "stun:host:3478" or "turn:host:3478 user secret". */
export function parseIceServers(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [urls = '', username, credential] = line.split(/\s+/);
      return username ? { urls, username, credential: credential ?? '' } : { urls };
    });
}

export function formatIceServers(servers: IceServer[]): string {
  return servers.map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' ')).join('\n');
}

export function emptyAccount(): SipAccount {
  return { server: '', aor: '', authorizationUser: '', password: '', displayName: '', iceServers: [] };
}

/** The domain part of the AOR, used to complete dialled numbers. */
export function accountDomain(aor: string): string | undefined {
  return SIP_URI.exec(aor.trim())?.[2];
}
