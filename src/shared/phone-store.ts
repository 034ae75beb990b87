// A page's view of the phone: the latest snapshot, fed by the phone's pushes
// and by one fetch on start. Pages subscribe once at their root.
import browser from 'webextension-polyfill';
import { request } from './messenger';
import type { EventEnvelope } from './protocol';
import { emptySnapshot, type PhoneSnapshot } from './snapshot';

export interface PhoneStore {
  getSnapshot(): PhoneSnapshot;
  subscribe(listener: () => void): () => void;
  /** The last failure to reach the phone, if any (shown instead of failing silently). */
  error(): string | undefined;
}

function isSnapshotEvent(message: unknown): message is EventEnvelope<'phone.snapshot'> {
  const m = message as Partial<EventEnvelope> | null;
  return typeof m === 'object' && m !== null && m.target === 'subscribers' && m.type === 'phone.snapshot';
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

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isSnapshotEvent(message)) accept(message.payload);
    return undefined;
  });
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
  };
}
