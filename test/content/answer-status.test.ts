import { afterEach, describe, expect, it } from 'vitest';

type Sender = { id?: string; tab?: object };
type Listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => boolean | undefined;
const listeners = new Set<Listener>();
// The page script's runtime (shared/page-runtime.ts) is Chrome's own API, no polyfill.
(globalThis as { chrome?: unknown }).chrome = {
  runtime: {
    id: 'clickdial-id',
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  },
};

const { answerStatus } = await import('../../src/content/answer-status');
const ask = { target: 'content', type: 'content.status', payload: {} };
/** What the first listener answers: a promise of its reply, or undefined when it stays silent. */
function answer(message: unknown, sender: Sender): Promise<unknown> | undefined {
  const [listener] = listeners;
  let reply: (value: unknown) => void = () => undefined;
  const replied = new Promise((resolve) => (reply = resolve));
  return listener?.(message, sender, reply) === true ? replied : undefined;
}

afterEach(() => listeners.clear());

describe('answerStatus', () => {
  it("answers ClickDial's own pages with the scanner's status, until its signal aborts", async () => {
    const controller = new AbortController();
    answerStatus(controller.signal, () => ({ links: 2000, capped: true }));
    expect(await answer(ask, { id: 'clickdial-id' })).toEqual({ ok: true, value: { links: 2000, capped: true } });
    controller.abort();
    expect(listeners.size).toBe(0);
  });

  it('stays silent for content scripts, other extensions and other messages', () => {
    answerStatus(new AbortController().signal, () => ({ links: 1, capped: false }));
    expect(answer(ask, { id: 'clickdial-id', tab: { id: 3 } })).toBeUndefined();
    expect(answer(ask, { id: 'someone-else' })).toBeUndefined();
    expect(answer(ask, {})).toBeUndefined();
    expect(answer({ target: 'router', type: 'content.status', payload: {} }, { id: 'clickdial-id' })).toBeUndefined();
    expect(answer('content.status', { id: 'clickdial-id' })).toBeUndefined();
  });
});
