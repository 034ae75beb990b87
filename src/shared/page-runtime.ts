// The few extension APIs that the page script (and what it imports) uses,
// without webextension-polyfill: the polyfill's API table and wrappers were
// 12 KB of the 30 KB every page and frame loads, built again at each start.
// Chrome's MV3 APIs return promises already and Firefox has `browser`; the
// one difference left, how a message listener replies, is bridged here
// (sendResponse and `true`, which both browsers take).
type Api = typeof chrome;

const api = (): Api => (globalThis as { browser?: Api }).browser ?? chrome;

export type RuntimeSender = chrome.runtime.MessageSender;

const NO_RESPONSE = 'The message port closed before a response was received.';

/** Like the polyfill: no listener answering is an undefined reply, not an error. */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return api()
    .runtime.sendMessage(message)
    .catch((error: unknown) => {
      if (error instanceof Error && error.message === NO_RESPONSE) return undefined;
      throw error;
    });
}

export function readSessionStorage(key: string | string[]): Promise<Record<string, unknown>> {
  return api().storage.session.get(key);
}

/** Calls `onChange` with the new value of `key` in storage.session until `signal` aborts. */
export function watchSessionStorage(signal: AbortSignal, key: string, onChange: (value: unknown) => void): void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    if (area === 'session' && key in changes) onChange(changes[key]?.newValue);
  };
  api().storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => api().storage.onChanged.removeListener(listener), { once: true });
}

/** Answers runtime messages with what `answer` resolves to (undefined: not ours, others may answer) until `signal` aborts. */
export function answerRuntimeMessages(
  signal: AbortSignal,
  answer: (message: unknown, sender: RuntimeSender) => Promise<unknown> | undefined,
): void {
  const listener = (message: unknown, sender: RuntimeSender, sendResponse: (reply: unknown) => void): boolean | undefined => {
    const reply = answer(message, sender);
    if (reply === undefined) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  api().runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => api().runtime.onMessage.removeListener(listener), { once: true });
}

export function extensionId(): string {
  return api().runtime.id;
}
