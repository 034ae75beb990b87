import { useSyncExternalStore } from 'preact/compat';
import type { PhoneStore } from './phone-store';
import type { PhoneSnapshot } from './snapshot';

/** Subscribes a page's root component to the phone; children take props. */
export function usePhoneSnapshot(store: PhoneStore): PhoneSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
