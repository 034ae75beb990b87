// Sending a request and reading its reply, for every context including the
// page script: over page-runtime.ts rather than webextension-polyfill, so
// that pages do not load the polyfill (messenger.ts re-exports these).
import {
  ClickDialError,
  type PageReadPhoneType,
  type Reply,
  type ReplyOf,
  type RequestEnvelope,
  type RequestType,
  type RequestOf,
} from './protocol';
import { sendRuntimeMessage } from './page-runtime';
import { isWords, words } from './words';

const NOT_READY = /Receiving end does not exist|Could not establish connection|message port closed/i;
const RETRY_FOR_MS = 3000;
const RETRY_EVERY_MS = 100;

/** Sends one envelope, retrying briefly while the receiver is still starting. */
export async function sendEnvelope<T extends RequestType>(envelope: RequestEnvelope<T>): Promise<ReplyOf<T>> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    let reply: unknown;
    try {
      reply = await sendRuntimeMessage(envelope);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (NOT_READY.test(message) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
        continue;
      }
      throw new ClickDialError(words('error_cannot_reach', { part: envelope.target, detail: message }), 'failed');
    }
    return unwrap<ReplyOf<T>>(reply, envelope.type);
  }
}

export function unwrap<T>(reply: unknown, type: string): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new ClickDialError(`No valid reply to "${type}".`, 'failed');
  }
  const r = reply as Reply<T>;
  if (r.ok) return r.value;
  // Words are said here, in the language of the page (or worker) that asked.
  throw new ClickDialError(isWords(r.error.words) ? r.error.words : r.error.message, r.error.code);
}

/** What pages and content scripts call: everything goes through the service worker. */
export function request<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  return sendEnvelope({ target: 'router', type, payload });
}

/**
 * A read an extension page asks of the phone document itself: one hop, where
 * the worker's check for the document and its relay cost as much again, and
 * a worker that Chrome stopped would first have to start. Tried once: with no
 * phone document to answer (or any failure) the worker is asked, as for
 * everything else, and starts the phone.
 */
export async function readFromPhone<T extends PageReadPhoneType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  try {
    return unwrap<ReplyOf<T>>(await sendRuntimeMessage({ target: 'phone', type, payload }), type);
  } catch {
    return request(type, payload);
  }
}
