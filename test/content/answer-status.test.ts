import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string; tab?: object }) => Promise<unknown> | undefined;
const listeners = new Set<Listener>();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'clickdial-id',
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  },
}));

const { answerStatus } = await import('../../src/content/answer-status');
const ask = { target: 'content', type: 'content.status', payload: {} };
const answer = (message: unknown, sender: { id?: string; tab?: object }) => [...listeners].map((l) => l(message, sender))[0];

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
