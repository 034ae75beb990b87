import browser from 'webextension-polyfill';

/** Events are stored only when they come from our own phone document, never from a page. */
export function isFromPhoneDocument(sender: browser.Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('src/offscreen/offscreen.html'))
  );
}

/** Runs storage read-modify-writes one after the other (each key has one writer: this worker). */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
