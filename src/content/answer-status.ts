// Answers the popup's "did this page hit a cap?" (content.status), so it can
// say that the page has more numbers than ClickDial linked. Only ClickDial's
// own pages may ask: a message from a content script (sender.tab) or from
// anyone else gets no answer.
import { answerRuntimeMessages, extensionId } from '../shared/page-runtime';
import type { ContentScriptEnvelope, ContentScriptRequests, Reply } from '../shared/protocol';

type Status = ContentScriptRequests['content.status']['reply'];

function isStatusRequest(message: unknown): message is ContentScriptEnvelope<'content.status'> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ContentScriptEnvelope>;
  return m.target === 'content' && m.type === 'content.status';
}

/** Answers status requests with `status()` until `signal` aborts. */
export function answerStatus(signal: AbortSignal, status: () => Status): void {
  if (signal.aborted) return;
  answerRuntimeMessages(signal, (message, sender) => {
    if (!isStatusRequest(message) || sender.id !== extensionId() || sender.tab !== undefined) return undefined;
    return Promise.resolve<Reply<Status>>({ ok: true, value: status() });
  });
}
