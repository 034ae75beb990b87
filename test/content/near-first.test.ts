// @vitest-environment happy-dom
// Only text near the viewport is checked (stage 2) and linked: the rest of a
// long page waits, parked, until it comes near. The IntersectionObserver here
// reports what a test brings near, as the browser's does on scrolling. (In
// Chromium: test/e2e/click-to-call.test.ts scrolls a long page.)
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PARKED_TEXTS } from '../../src/content/link-limits';
import { startPageScanner, type PageScanner } from '../../src/content/page-scanner';
import type { FindNumbersRequest } from '../../src/shared/find-numbers-request';
import { installIdleSlices, settle, slices, until } from './idle-slices';
import { localFindNumbers } from './local-find-numbers';

const observers = new Set<{ targets: Set<Element>; callback: IntersectionObserverCallback }>();

/** What the browser does when `element` scrolls to within the observers' margin. */
function bringNear(element: Element): void {
  for (const o of observers) {
    if (o.targets.has(element)) o.callback([{ target: element, isIntersecting: true } as IntersectionObserverEntry], o as never);
  }
}
const observed = () => [...observers].reduce((n, o) => n + o.targets.size, 0);

beforeAll(() => {
  installIdleSlices();
  globalThis.IntersectionObserver = class {
    readonly targets = new Set<Element>();
    constructor(readonly callback: IntersectionObserverCallback) {
      observers.add(this);
    }
    observe(target: Element): void {
      this.targets.add(target);
    }
    unobserve(target: Element): void {
      this.targets.delete(target);
    }
    disconnect(): void {
      this.targets.clear();
      observers.delete(this);
    }
  } as unknown as typeof IntersectionObserver;
});

let scanner: PageScanner | undefined;
let sent: string[] = [];
const findNumbers = (request: FindNumbersRequest) => {
  sent.push(...request.windows.map((w) => w.text));
  return localFindNumbers(request);
};
const linked = () => [...document.querySelectorAll('a')].filter((a) => a.title.endsWith('Call with ClickDial')).map((a) => a.textContent);

beforeEach(() => {
  document.body.replaceChildren();
  sent = [];
  slices.length = 0;
});
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
});

function paragraphs(texts: string[]): HTMLParagraphElement[] {
  return texts.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
    return p;
  });
}

describe('text near the viewport first', () => {
  it('checks and links only the text that comes near the viewport, and the rest as it comes near', async () => {
    const [top, middle, bottom] = paragraphs(['Sales: +1 (415) 555-0132', 'Support: +44 20 7946 0958', 'Billing: +49 30 901820']);
    scanner = startPageScanner(document, 'US', findNumbers);
    await until(() => observed() === 3);
    await settle();
    // Set aside by stage 1 and parked: nothing left the page, nothing was linked.
    expect(sent).toEqual([]);
    expect(linked()).toEqual([]);

    bringNear(top as Element);
    await until(() => linked().length === 1);
    expect(linked()).toEqual(['+1 (415) 555-0132']);
    expect(sent.join(' ')).toContain('Sales');
    expect(sent.join(' ')).not.toMatch(/Support|Billing/);

    bringNear(bottom as Element);
    await until(() => linked().length === 2);
    await settle();
    expect(linked()).toEqual(['+1 (415) 555-0132', '+49 30 901820']);
    expect(sent.join(' ')).not.toContain('Support');
    expect(middle?.querySelector('a')).toBeNull();
  });

  it(`parks at most ${MAX_PARKED_TEXTS} texts, and then waits without spinning until some come near`, async () => {
    const all = paragraphs(
      Array.from({ length: MAX_PARKED_TEXTS + 20 }, (_, i) => `Line ${i}: +1 415 555 ${String(i % 10000).padStart(4, '0')}`),
    );
    scanner = startPageScanner(document, 'US', findNumbers);
    await until(() => observed() === MAX_PARKED_TEXTS, 30_000);
    await settle();
    expect(observed()).toBe(MAX_PARKED_TEXTS);
    // Nothing to do until the reader scrolls: no idle slice runs meanwhile.
    const ran = slices.length;
    await settle();
    expect(slices.length).toBe(ran);
    // The first twenty come near: they are linked, and their places go to the twenty not parked yet.
    for (const p of all.slice(0, 20)) bringNear(p);
    await until(() => linked().length === 20);
    const last = all.at(-1) as Element;
    await until(() => [...observers].some((o) => o.targets.has(last)));
    expect(observed()).toBe(MAX_PARKED_TEXTS);
    bringNear(last);
    await until(() => linked().length === 21);
    expect(linked().at(-1)).toBe(`+1 415 555 ${String((MAX_PARKED_TEXTS + 19) % 10000).padStart(4, '0')}`);
  }, 60_000);
});
