import browser from 'webextension-polyfill';
import type { EventEnvelope, SubscriberEvents } from './protocol';

/** Listens to one kind of event the phone pushes to its subscribers. */
export function onPhoneEvent<T extends keyof SubscriberEvents>(type: T, handler: (payload: SubscriberEvents[T]) => void): () => void {
  const listener = (message: unknown) => {
    const m = message as Partial<EventEnvelope> | null;
    if (typeof m === 'object' && m !== null && m.target === 'subscribers' && m.type === type) {
      handler(m.payload as SubscriberEvents[T]);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
