// happy-dom has no idle callbacks: a timer with a fixed budget stands in, and
// every callback's run time is recorded, to check that no slice runs long.
export const slices: number[] = [];

export function installIdleSlices(budgetMs = 10): void {
  globalThis.requestIdleCallback = (cb: IdleRequestCallback) => {
    return setTimeout(() => {
      const start = performance.now();
      cb({ didTimeout: false, timeRemaining: () => Math.max(0, budgetMs - (performance.now() - start)) });
      slices.push(performance.now() - start);
    }, 0) as unknown as number;
  };
  globalThis.cancelIdleCallback = (id: number) => clearTimeout(id);
}

/** Waits until `done()` holds (checked every 10 ms), for at most `ms`. */
export async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
}
