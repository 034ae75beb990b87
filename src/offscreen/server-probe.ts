// Says why a WebSocket to the SIP server could not be opened. Browsers give a
// failed WebSocket no reason at all, so a closed port, a plain web server and
// a firewall look alike; one HTTP request to the same address tells them
// apart: an answer means something listens there but is not a SIP WebSocket
// server; a refusal means nothing listens (or the name does not resolve).
import { describeConnectionFailure } from './sip-status';
import { KEEP_ALIVE_ANSWER_MS } from './keep-alive';
import { words, type Words } from '../shared/words';

/** How long opening the WebSocket may take before the server counts as silent. */
export const CONNECT_TIMEOUT_S = 3;
const PROBE_TIMEOUT_MS = 2_000;

export function isConnectTimeout(error: unknown): boolean {
  return /connectionTimeout|timed? ?out/i.test(error instanceof Error ? error.message : String(error));
}

export function describeSilentServer(server: string): Words {
  return words('sip_server_silent', { server, seconds: CONNECT_TIMEOUT_S });
}

/** The WebSocket opened, but the REGISTER has had no answer for CONNECT_TIMEOUT_S. */
export function describeMuteRegistrar(server: string): Words {
  return words('sip_server_mute_registrar', { server, seconds: CONNECT_TIMEOUT_S });
}

/** The keep-alive (keep-alive.ts) had no answer: the connection is dead though it never closed. */
export function describeDeadConnection(server: string): Words {
  return words('sip_server_stopped_answering', { server, seconds: KEEP_ALIVE_ANSWER_MS / 1000 });
}

export function describeNotSipServer(server: string): Words {
  return words('sip_server_not_sip', { server });
}

/** The sentence for a WebSocket that failed to open to `server`. */
export async function describeUnreachable(server: string, error: unknown, fetcher: typeof fetch = fetch): Promise<Words> {
  if (isConnectTimeout(error)) return describeSilentServer(server);
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return describeConnectionFailure(server, error);
  }
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  try {
    // no-cors: an opaque answer is enough to know something HTTP lives there.
    await fetcher(url.href, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return describeNotSipServer(server);
  } catch (probeError) {
    if (probeError instanceof DOMException && probeError.name === 'TimeoutError') return describeSilentServer(server);
    return describeConnectionFailure(server, error);
  }
}
