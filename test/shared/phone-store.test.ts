import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_WAIT_MS, createPhoneStore, whenSettled, type PhoneStore } from '../../src/shared/phone-store';
import { PHONE_SNAPSHOT_KEY } from '../../src/shared/phone-window';
import { emptySnapshot, type PhoneSnapshot } from '../../src/shared/snapshot';
import { fromPhone } from '../popup/fake-runtime';

vi.mock('webextension-polyfill', async () => (await import('../popup/fake-runtime')).polyfill);

function storeSettling(): { store: PhoneStore; settle(): void } {
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const store: PhoneStore = {
    getSnapshot: () => emptySnapshot(),
    subscribe: () => () => undefined,
    error: () => undefined,
    loaded: () => false,
    settled: () => settled,
  };
  return { store, settle };
}

describe('whenSettled (a page shows itself once the phone state is in)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the page as soon as the first snapshot is in, and once only', async () => {
    const { store, settle } = storeSettling();
    const show = vi.fn();
    whenSettled(store, show);
    await vi.advanceTimersByTimeAsync(5);
    expect(show).not.toHaveBeenCalled();
    settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(show).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS * 2);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('shows the page without the state when the phone is slow to answer (it then reads "Starting the phone…")', async () => {
    const { store, settle } = storeSettling();
    const show = vi.fn();
    whenSettled(store, show);
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS - 1);
    expect(show).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(show).toHaveBeenCalledTimes(1);
    settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('createPhoneStore (the first snapshot, read off the phone document)', () => {
  const before = (globalThis as { chrome?: unknown }).chrome;
  afterEach(() => {
    (globalThis as { chrome?: unknown }).chrome = before;
  });

  function phoneWindowWith(snapshot: PhoneSnapshot): void {
    const closing = Object.defineProperty({}, PHONE_SNAPSHOT_KEY, {
      get() {
        throw new Error('a view that is closing');
      },
    });
    const phoneWindow = { [PHONE_SNAPSHOT_KEY]: () => JSON.stringify(snapshot) };
    (globalThis as { chrome?: unknown }).chrome = { extension: { getViews: () => [{}, closing, phoneWindow] } };
  }

  it('has the phone’s state at once, with no message, and takes newer pushes only', async () => {
    const current: PhoneSnapshot = { ...emptySnapshot(), microphone: 'granted', revision: 7 };
    phoneWindowWith(current);
    const store = createPhoneStore();
    expect(store.loaded()).toBe(true);
    expect(store.getSnapshot()).toEqual(current);
    await store.settled();
    expect(store.error()).toBeUndefined();
    fromPhone({ target: 'subscribers', type: 'phone.snapshot', payload: { ...current, microphone: 'denied', revision: 6 } });
    expect(store.getSnapshot().microphone).toBe('granted');
    fromPhone({ target: 'subscribers', type: 'phone.snapshot', payload: { ...current, microphone: 'denied', revision: 8 } });
    expect(store.getSnapshot().microphone).toBe('denied');
  });

  it('asks by message when no phone document is open here (the fake runtime cannot answer: the failure is kept)', async () => {
    (globalThis as { chrome?: unknown }).chrome = { extension: { getViews: () => [{}] } };
    const store = createPhoneStore();
    expect(store.loaded()).toBe(false);
    await store.settled();
    expect(store.loaded()).toBe(false);
    expect(store.error()).toBeDefined();
  });
});
