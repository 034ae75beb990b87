// Builds a SIP.js SessionManager without the `online` listener its
// constructor adds to `window` and never removes: every account change would
// otherwise keep the old SessionManager (its UserAgent, transport and
// sessions) reachable from `window` for the life of the phone document, and
// each one would reconnect on its own when the network came back. The phone
// listens for `online` itself, once (SipConnection.retryNow).
import { Web } from 'sip.js';

export function buildSessionManager(server: string, options: Web.SessionManagerOptions, scope: AbortSignal): Web.SessionManager {
  // SIP.js says `window`, which is not always the global object (it is in the phone document).
  const target = (typeof window === 'undefined' ? globalThis : window) as { addEventListener?: typeof addEventListener };
  const original = target.addEventListener;
  if (typeof original !== 'function') return new Web.SessionManager(server, options);
  // Only for the synchronous constructor call: the one place SIP.js adds it.
  target.addEventListener = function (this: unknown, type: string, listener: unknown, opts?: unknown): void {
    if (type === 'online') return;
    const withScope = typeof opts === 'object' && opts !== null ? { ...opts, signal: scope } : { capture: Boolean(opts), signal: scope };
    return (original as (...args: unknown[]) => void).call(this, type, listener, withScope);
  } as typeof addEventListener;
  try {
    return new Web.SessionManager(server, options);
  } finally {
    target.addEventListener = original;
  }
}
