// @vitest-environment happy-dom
// The page scanner on hostile pages: caps per node and per page (counting
// only our links still in the page), and the slice budget kept inside one
// long text node.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LINKS_PER_NODE, MAX_LINKS_PER_PAGE, WINDOW_CHARS } from '../../src/content/link-limits';
import { startPageScanner, type PageScanner } from '../../src/content/page-scanner';
import { installEverythingNear } from './everything-near';
import { localFindNumbers } from './local-find-numbers';
import { installIdleSlices, settle, slices, until } from './idle-slices';

let scanner: PageScanner | undefined;
const findNumbers = localFindNumbers;
const ourLinks = () => [...document.querySelectorAll('a')].filter((a) => a.title.endsWith('Call with ClickDial'));

beforeAll(() => {
  installIdleSlices();
  installEverythingNear();
});
beforeEach(() => {
  document.body.replaceChildren();
  slices.length = 0;
});
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
});

function numbers(count: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `+1 415 555 ${String(i % 10000).padStart(4, '0')}, `;
  return text;
}

describe('link caps', () => {
  it(`links at most ${MAX_LINKS_PER_NODE} numbers of one text node, leaves the rest as it is and says so`, async () => {
    const p = document.createElement('p');
    const text = numbers(MAX_LINKS_PER_NODE + 50);
    p.append(text);
    document.body.append(p);
    scanner = startPageScanner(document, 'US', findNumbers);
    await until(() => ourLinks().length > 0);
    await settle();
    expect(ourLinks()).toHaveLength(MAX_LINKS_PER_NODE);
    expect(ourLinks().at(-1)?.textContent).toBe(`+1 415 555 ${String(MAX_LINKS_PER_NODE - 1).padStart(4, '0')}`);
    expect(p.textContent).toBe(text);
    expect(scanner.status()).toEqual({ links: MAX_LINKS_PER_NODE, capped: true });
  });

  it('is not capped when a node has exactly as many numbers as it may link', async () => {
    const p = document.createElement('p');
    p.append(numbers(MAX_LINKS_PER_NODE));
    document.body.append(p);
    scanner = startPageScanner(document, 'US', findNumbers);
    await until(() => ourLinks().length >= MAX_LINKS_PER_NODE);
    await settle();
    expect(scanner.status()).toEqual({ links: MAX_LINKS_PER_NODE, capped: false });
  });

  it(`links at most ${MAX_LINKS_PER_PAGE} numbers on a page; links the page removed free their place`, async () => {
    for (let i = 0; i < MAX_LINKS_PER_PAGE + 100; i++) {
      const span = document.createElement('span');
      span.textContent = `+1 415 555 ${String(i % 10000).padStart(4, '0')}`;
      document.body.append(span, ' ');
    }
    scanner = startPageScanner(document, 'US', findNumbers);
    await until(() => ourLinks().length >= MAX_LINKS_PER_PAGE, 30_000);
    await settle();
    expect(ourLinks()).toHaveLength(MAX_LINKS_PER_PAGE);
    expect(scanner.status()).toEqual({ links: MAX_LINKS_PER_PAGE, capped: true });
    // Full: no more slices until the page changes.
    const ran = slices.length;
    await settle();
    expect(slices.length).toBe(ran);

    // The page drops 500 of them and adds a few new numbers: those are linked.
    for (const link of ourLinks().slice(0, 500)) link.parentElement?.remove();
    const added = document.createElement('p');
    added.textContent = 'New: +44 20 7946 0958';
    document.body.append(added);
    await until(() => added.querySelector('a') !== null);
    expect(added.querySelector('a')?.textContent).toBe('+44 20 7946 0958');
    expect(scanner.status()).toEqual({ links: MAX_LINKS_PER_PAGE - 500 + 1, capped: true });
  }, 60_000);
});

describe('one long text node', () => {
  it('is sent to stage 2 a window per request, no slice long, up to its last number', async () => {
    // 300 K characters of numbers that look right to stage 1 and fit the North American
    // pattern (so cannot-be-valid.ts lets them through) but fail libphonenumber-js
    // (area code 211 is a service code), each costing a parse, then one real number at the end.
    let text = '';
    while (text.length < 300_000) text += '+1 211 555 0100, ';
    text += 'call +1 415 555 0132.';
    const pre = document.createElement('pre');
    pre.append(text);
    document.body.append(pre);
    const sent: number[] = [];
    scanner = startPageScanner(document, 'US', (request) => {
      sent.push(request.windows.reduce((sum, w) => sum + w.text.length, 0));
      return findNumbers(request);
    });
    const started = performance.now();
    await until(() => ourLinks().length > 0, 30_000);
    const took = performance.now() - started;
    expect(ourLinks().map((a) => a.textContent)).toEqual(['+1 415 555 0132']);
    expect(pre.textContent).toBe(text);
    // No slice holds the page for long: the checking of the whole node in one slice would be
    // (nearly) all of the time taken. Against the whole rather than a fixed bound, since a
    // loaded test machine slows both alike.
    expect(Math.max(...slices)).toBeLessThan(took / 5);
    // 300 K characters in windows of at most 16 K (and their context): one request each.
    expect(sent.length).toBeGreaterThan(300_000 / (WINDOW_CHARS + 200));
    expect(Math.max(...sent)).toBeLessThanOrEqual(WINDOW_CHARS + 200);
  }, 60_000);
});
