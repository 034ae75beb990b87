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

/**
 * What is wrong with an account field: a kind and the value it is about. The options page
 * says it in the UI language (options/account-problem-text.ts); the worker and the phone
 * use validateAccount's English, since the phone's offscreen document has no chrome.i18n.
 */
export type AccountProblem =
  | { kind: 'server-missing' | 'server-no-host' | 'aor-missing' | 'authorization-user-spaces' | 'password-missing' }
  | { kind: 'server-not-url' | 'server-scheme' | 'aor-invalid' | 'ice-invalid'; value: string };
export type AccountProblems = Partial<Record<AccountField, AccountProblem>>;

/** Checks an account as the options form would; an empty result means valid. */
export function accountProblems(account: SipAccount): AccountProblems {
  const problems: AccountProblems = {};
  const server = account.server.trim();
  if (!server) {
    problems.server = { kind: 'server-missing' };
  } else {
    let url: URL | undefined;
    try {
      url = new URL(server);
    } catch {
      problems.server = { kind: 'server-not-url', value: server };
    }
    if (url && url.protocol !== 'ws:' && url.protocol !== 'wss:') {
      problems.server = { kind: 'server-scheme', value: `${url.protocol}//` };
    } else if (url && !url.hostname) {
      problems.server = { kind: 'server-no-host' };
    }
  }
  const aor = account.aor.trim();
  if (!aor) {
    problems.aor = { kind: 'aor-missing' };
  } else if (!SIP_URI.test(aor)) {
    problems.aor = { kind: 'aor-invalid', value: aor };
  }
  if (/\s/.test(account.authorizationUser.trim())) {
    problems.authorizationUser = { kind: 'authorization-user-spaces' };
  }
  if (account.password === '') {
    problems.password = { kind: 'password-missing' };
  }
  account.iceServers.forEach((ice) => {
    if (!/^(stuns?|turns?):[^\s]+$/.test(ice.urls)) {
      problems.iceServers = { kind: 'ice-invalid', value: ice.urls };
    }
  });
  return problems;
}

/** A problem in English, for the worker's answer to a bad account.save. */
function inEnglish(problem: AccountProblem): string {
  switch (problem.kind) {
    case 'server-missing':
      return 'Enter the WebSocket address of your SIP server, e.g. wss://pbx.example.com:8089/ws.';
    case 'server-not-url':
      return `"${problem.value}" is not a URL. It should look like wss://pbx.example.com:8089/ws.`;
    case 'server-scheme':
      return `The server address must start with wss:// (or ws:// on a trusted network), not ${problem.value}.`;
    case 'server-no-host':
      return 'The server address has no host name.';
    case 'aor-missing':
      return 'Enter your SIP address, e.g. sip:1001@pbx.example.com.';
    case 'aor-invalid':
      return `"${problem.value}" is not a SIP address. It should look like sip:1001@pbx.example.com.`;
    case 'authorization-user-spaces':
      return 'The authorization user cannot contain spaces.';
    case 'password-missing':
      return 'Enter the password of your SIP account.';
    case 'ice-invalid':
      return `"${problem.value}" is not a STUN or TURN address (stun:host:port or turn:host:port).`;
  }
}

/** accountProblems in English words; an empty result means valid. */
export function validateAccount(account: SipAccount): AccountErrors {
  return Object.fromEntries(Object.entries(accountProblems(account)).map(([field, problem]) => [field, inEnglish(problem)]));
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
