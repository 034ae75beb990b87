// A page's view of the phone: the latest snapshot, fed by the phone's pushes
// and by one fetch on start. Pages subscribe once at their root.
import { request } from './messenger';
import { onPhoneEvent } from './phone-events';
import { emptySnapshot, type PhoneSnapshot } from './snapshot';

export interface PhoneStore {
  getSnapshot(): PhoneSnapshot;
  subscribe(listener: () => void): () => void;
  /** The last failure to reach the phone, if any (shown instead of failing silently). */
  error(): string | undefined;
  /** False until the first snapshot arrived: the empty one would read "Not set up". */
  loaded(): boolean;
}

export function createPhoneStore(): PhoneStore {
  let snapshot = emptySnapshot();
  let error: string | undefined;
  let loaded = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  const accept = (next: PhoneSnapshot) => {
    // A push and the initial fetch can cross: keep the newest.
    if (loaded && next.revision < snapshot.revision) return;
    loaded = true;
    snapshot = next;
    error = undefined;
    notify();
  };

  onPhoneEvent('phone.snapshot', accept);
  request('phone.getSnapshot', {}).then(accept, (e: unknown) => {
    error = e instanceof Error ? e.message : String(e);
    notify();
  });

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    error: () => error,
    loaded: () => loaded,
  };
}
