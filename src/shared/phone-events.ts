import browser from 'webextension-polyfill';
import type { EventEnvelope, SubscriberEvents } from './protocol';

/**
 * Phone events count only when they come from our own phone document: any
 * other sender (a content script in a compromised page, say) could otherwise
 * forge a missed call whose "call back" dials a number of its choosing.
 */
export function isFromPhoneDocument(sender: browser.Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('src/offscreen/offscreen.html'))
  );
}

/** Listens to one kind of event the phone pushes to its subscribers. */
export function onPhoneEvent<T extends keyof SubscriberEvents>(type: T, handler: (payload: SubscriberEvents[T]) => void): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    const m = message as Partial<EventEnvelope> | null;
    if (typeof m === 'object' && m !== null && m.target === 'subscribers' && m.type === type && m.payload && isFromPhoneDocument(sender)) {
      handler(m.payload as SubscriberEvents[T]);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
