import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_WAIT_MS, whenSettled, type PhoneStore } from '../../src/shared/phone-store';
import { emptySnapshot } from '../../src/shared/snapshot';

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
