// Typed send and serve over runtime messaging, shared by every context.
// sendMessage is a broadcast: every envelope names its target and a listener
// answers only what is addressed to it (returning undefined lets others reply).
import browser from 'webextension-polyfill';
import {
  ClickDialError,
  errorReply,
  parseRequest,
  type ContentScriptRequests,
  type ContentScriptType,
  type Reply,
  type ReplyOf,
  type RequestEnvelope,
  type RequestOf,
  type RequestType,
} from './protocol';
import { unwrap } from './request';

// Sending lives in request.ts (no polyfill: the page script sends too).
export { request, sendEnvelope, unwrap } from './request';

/**
 * What extension pages call to ask the content script of a tab's top frame
 * (the page itself, not its frames). Rejects when the tab has none running.
 */
export async function requestContentScript<T extends ContentScriptType>(
  tabId: number,
  type: T,
  payload: ContentScriptRequests[T]['request'],
): Promise<ContentScriptRequests[T]['reply']> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { target: 'content', type, payload }, { frameId: 0 });
  return unwrap<ContentScriptRequests[T]['reply']>(reply, type);
}

export type Handlers<Map extends RequestType> = {
  [T in Map]: (payload: RequestOf<T>, sender: browser.Runtime.MessageSender) => Promise<ReplyOf<T>> | ReplyOf<T>;
};

/**
 * Answers envelopes addressed to `target`. Unknown or malformed ones get an
 * error reply; a throwing handler becomes an error reply, never a broken router.
 */
export function serve(
  target: 'router' | 'phone',
  handle: (envelope: RequestEnvelope, sender: browser.Runtime.MessageSender) => Promise<unknown> | undefined,
): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    let parsed: ReturnType<typeof parseRequest>;
    try {
      parsed = parseRequest(message, target);
    } catch (error) {
      return Promise.resolve(errorReply(error));
    }
    if (parsed === null) return undefined;
    if ('ok' in parsed) return Promise.resolve(parsed);
    const pending = handle(parsed, sender);
    if (pending === undefined) return undefined;
    return pending.then(
      (value): Reply<unknown> => ({ ok: true, value: value ?? null }),
      (error: unknown) => errorReply(error),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Calls the handler for an envelope's type from a typed handler table. */
export function dispatch<Map extends RequestType>(
  handlers: Handlers<Map>,
  envelope: RequestEnvelope,
  sender: browser.Runtime.MessageSender,
): Promise<unknown> {
  const handler = (handlers as Record<string, Handlers<Map>[Map]>)[envelope.type];
  if (!handler) return Promise.reject(new ClickDialError(`Unknown message type "${envelope.type}".`, 'unknown-type'));
  return Promise.resolve().then(() => (handler as (p: unknown, s: unknown) => unknown)(envelope.payload, sender));
}
