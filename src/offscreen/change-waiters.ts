// Commands that wait for a state to come (a registration under way, a lost
// connection coming back): each waits for its condition, looked at again on
// every change, for at most its time limit.
export class ChangeWaiters {
  private readonly waiting = new Set<() => void>();

  /** Resolves true once `ready()` holds (now or at a later change), false after `timeoutMs`. */
  until(ready: () => boolean, timeoutMs: number): Promise<boolean> {
    if (ready()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const check = (): void => {
        if (!ready()) return;
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiting.add(check);
    });
  }

  /** Something changed: every waiter looks at its condition again. */
  changed(): void {
    for (const check of [...this.waiting]) check();
  }
}
