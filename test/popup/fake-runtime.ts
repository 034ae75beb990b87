// A stand-in for webextension-polyfill in popup tests: runtime.onMessage
// listeners, and a way to deliver a message as if the phone document sent it.
type Listener = (message: unknown, sender: { id: string; url: string }) => unknown;

const listeners = new Set<Listener>();
const ID = 'clickdial-test';
const getURL = (path: string) => `chrome-extension://${ID}/${path}`;

export const polyfill = {
  default: {
    runtime: {
      id: ID,
      getURL,
      onMessage: {
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
      },
    },
  },
};

/** Delivers `message` to every listener, from the phone document. */
export function fromPhone(message: unknown): void {
  for (const listener of listeners) listener(message, { id: ID, url: getURL('src/offscreen/offscreen.html') });
}
