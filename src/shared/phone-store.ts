// A page's view of the phone: the latest snapshot, fed by the phone's pushes
// and by one fetch on start. Pages subscribe once at their root.
import { readFromPhone } from './request';
import { onPhoneEvent } from './phone-events';
import { snapshotFromPhoneWindow } from './phone-window';
import { emptySnapshot, type PhoneSnapshot } from './snapshot';

export interface PhoneStore {
  getSnapshot(): PhoneSnapshot;
  subscribe(listener: () => void): () => void;
  /** The last failure to reach the phone, if any (shown instead of failing silently). */
  error(): string | undefined;
  /** False until the first snapshot arrived: the empty one would read "Not set up". */
  loaded(): boolean;
  /** Settles once the first snapshot (or the failure to get one) is in. */
  settled(): Promise<void>;
}

/** How long a page waits for the phone's state before it shows itself without (as "Starting the phone…"). */
export const FIRST_PAINT_WAIT_MS = 250;

/**
 * Calls `show` once the store has the phone's state, or after
 * FIRST_PAINT_WAIT_MS without it: a page's first paint then shows the state
 * (the phone answers in about 10 ms) rather than "Starting the phone…" for one frame.
 */
export function whenSettled(store: PhoneStore, show: () => void): void {
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS));
  void Promise.race([store.settled(), waited]).then(show);
}

export function createPhoneStore(): PhoneStore {
  let snapshot = emptySnapshot();
  let error: string | undefined;
  let loaded = false;
  const listeners = new Set<() => void>();
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const notify = () => {
    settle();
    listeners.forEach((l) => l());
  };

  const accept = (next: PhoneSnapshot) => {
    // A push and the initial fetch can cross: keep the newest.
    if (loaded && next.revision < snapshot.revision) return;
    loaded = true;
    snapshot = next;
    error = undefined;
    notify();
  };

  onPhoneEvent('phone.snapshot', accept);
  // Read off the phone document's window when it is open (phone-window.ts: no round trip before
  // the popup's first paint), else asked of it (one hop) or of the worker, which starts it.
  const current = snapshotFromPhoneWindow();
  if (current) accept(current);
  else {
    readFromPhone('phone.getSnapshot', {}).then(accept, (e: unknown) => {
      error = e instanceof Error ? e.message : String(e);
      notify();
    });
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    error: () => error,
    loaded: () => loaded,
    settled: () => settled,
  };
}
