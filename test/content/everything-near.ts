// happy-dom lays nothing out, and its IntersectionObserver never reports: in
// the scanner's unit tests every observed element counts as near the
// viewport at once (a task later, as in a browser). What is far, and links
// appearing on scrolling, is tested in Chromium (test/e2e/click-to-call.test.ts).
export function installEverythingNear(): void {
  globalThis.IntersectionObserver = class {
    private readonly targets = new Set<Element>();
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element): void {
      this.targets.add(target);
      setTimeout(() => {
        if (this.targets.has(target)) this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as never);
      }, 0);
    }
    unobserve(target: Element): void {
      this.targets.delete(target);
    }
    disconnect(): void {
      this.targets.clear();
    }
  } as unknown as typeof IntersectionObserver;
}
