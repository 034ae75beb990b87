// Builds and lets go of SIP.js SessionManagers, mending three of its habits:
// - its constructor adds an `online` listener to `window` and never removes
//   it: every account change would keep the old SessionManager (its
//   UserAgent, transport and sessions) reachable for the life of the phone
//   document, each reconnecting on its own when the network came back. The
//   phone listens for `online` itself, once (SipConnection.retryNow).
// - on a transport error it disposes every call without a BYE, and its
//   registerer, although the media flows peer to peer and the dialogs work
//   over a new connection: it is told the connection closed normally (it
//   then keeps the calls; the registerer goes), the real error goes to `onTransportError`, and
//   reconnecting is the phone's anyway (connection-loss.ts ends calls whose
//   connection does not come back in time).
// - its disconnect waits for answers a dead server never gives.
import { Web } from 'sip.js';

export function buildSessionManager(
  server: string,
  options: Web.SessionManagerOptions,
  scope: AbortSignal,
  onTransportError: (error: Error | undefined) => void,
): Web.SessionManager {
  const manager = withoutOnlineListener(() => new Web.SessionManager(server, options), scope);
  const delegate = manager.userAgent.delegate;
  const original = delegate?.onDisconnect;
  if (delegate && original) {
    delegate.onDisconnect = (error?: Error) => {
      onTransportError(error);
      // The registerer, though, goes as SessionManager would drop it: a REGISTER sent on the dead
      // socket would keep it "waiting" for 32 s, refusing the new connection's REGISTER meanwhile.
      const internal = manager as unknown as { registerer?: { dispose(): Promise<void> } };
      void internal.registerer?.dispose().catch(() => undefined);
      internal.registerer = undefined;
      original.call(delegate, undefined);
    };
  }
  return manager;
}

/** Unregisters and closes in the background; never left holding a socket. */
export async function releaseSessionManager(manager: Web.SessionManager): Promise<void> {
  await manager.unregister().catch(() => undefined);
  // SIP.js's stop waits for answers (the un-REGISTER, BYEs) that a dead or mute server never
  // gives, for its 32 s transaction timeout, keeping the socket open: after 3 s, close it.
  const stopped = manager.disconnect().then(
    () => true,
    () => true,
  );
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000));
  if (!(await Promise.race([stopped, late]))) await manager.userAgent.transport.disconnect().catch(() => undefined);
}

function withoutOnlineListener(build: () => Web.SessionManager, scope: AbortSignal): Web.SessionManager {
  // SIP.js says `window`, which is not always the global object (it is in the phone document).
  const target = (typeof window === 'undefined' ? globalThis : window) as { addEventListener?: typeof addEventListener };
  const original = target.addEventListener;
  if (typeof original !== 'function') return build();
  // Only for the synchronous constructor call: the one place SIP.js adds it.
  target.addEventListener = function (this: unknown, type: string, listener: unknown, opts?: unknown): void {
    if (type === 'online') return;
    const withScope = typeof opts === 'object' && opts !== null ? { ...opts, signal: scope } : { capture: Boolean(opts), signal: scope };
    return (original as (...args: unknown[]) => void).call(this, type, listener, withScope);
  } as typeof addEventListener;
  try {
    return build();
  } finally {
    target.addEventListener = original;
  }
}
