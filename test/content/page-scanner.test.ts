// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPageScanner, type PageScanner } from '../../src/content/page-scanner';
import { installEverythingNear } from './everything-near';
import { localFindNumbers } from './local-find-numbers';
import { STAGE_TWO_RETRY_MS } from '../../src/content/link-limits';

let scanner: PageScanner | undefined;

// happy-dom has no idle callbacks: a timer with a 10 ms budget stands in.
installEverythingNear();

if (typeof globalThis.requestIdleCallback !== 'function') {
  globalThis.requestIdleCallback = (cb: IdleRequestCallback) => {
    const start = performance.now();
    return setTimeout(
      () => cb({ didTimeout: false, timeRemaining: () => Math.max(0, 10 - (performance.now() - start)) }),
      0,
    ) as unknown as number;
  };
  globalThis.cancelIdleCallback = (id: number) => clearTimeout(id);
}

const linked = (root: ParentNode = document) =>
  [...root.querySelectorAll('a')].filter((a) => a.title.endsWith('Call with ClickDial')).map((a) => a.textContent);

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
}

beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
});

function page(build: (body: HTMLElement) => void): void {
  build(document.body);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

describe('startPageScanner', () => {
  it('links numbers in text and keeps the text as it was', async () => {
    const p = el('p', 'Call +1 (415) 555-0132 or +44 20 7946 0958 today.');
    page((b) => b.append(p));
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    expect(linked()).toEqual(['+1 (415) 555-0132', '+44 20 7946 0958']);
    expect(p.textContent).toBe('Call +1 (415) 555-0132 or +44 20 7946 0958 today.');
    const link = p.querySelector('a') as HTMLAnchorElement;
    expect(link.title).toBe('+14155550132\nCall with ClickDial');
    expect(link.getAttribute('href')).toBe('tel:+14155550132');
    expect(scanner.links.get(link)).toBe('+14155550132');
  });

  it('sends text again when the worker did not answer, and gives up after the last pause', async () => {
    page((b) => b.append(el('p', 'Call +1 (415) 555-0132 today.')));
    let calls = 0;
    scanner = startPageScanner(document, 'US', (request) => {
      calls += 1;
      return calls <= 2 ? Promise.reject(new Error('ClickDial could not reach its router')) : localFindNumbers(request);
    });
    await settle();
    expect(linked()).toEqual([]);
    await new Promise((r) => setTimeout(r, STAGE_TWO_RETRY_MS[0]! + STAGE_TWO_RETRY_MS[1]! + 100));
    await settle();
    expect(calls).toBe(3);
    expect(linked()).toEqual(['+1 (415) 555-0132']);

    scanner.stop();
    document.body.replaceChildren(el('p', 'Call +1 (415) 555-0133 today.'));
    calls = 0;
    scanner = startPageScanner(document, 'US', () => {
      calls += 1;
      return Promise.reject(new Error('ClickDial could not reach its router'));
    });
    await new Promise((r) => setTimeout(r, STAGE_TWO_RETRY_MS.reduce((a, b) => a + b, 0) + 300));
    expect(calls).toBe(STAGE_TWO_RETRY_MS.length + 1);
    expect(linked()).toEqual([]);
  }, 15_000);

  it('skips inputs, textareas, editable text, scripts, styles, SVG, existing links and hidden elements', async () => {
    page((b) => {
      b.append(el('input', undefined, { value: '+1 415 555 0133' }));
      b.append(el('textarea', '+1 415 555 0134'));
      b.append(el('div', '+1 415 555 0135', { contenteditable: 'true' }));
      b.append(el('script', 'var n = "+1 415 555 0136";'));
      b.append(el('style', '/* +1 415 555 0137 */'));
      b.append(el('noscript', '+1 415 555 0138'));
      b.append(el('a', '+1 415 555 0139', { href: '/contact' }));
      b.append(el('p', '+1 415 555 0140', { hidden: '' }));
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'text'));
      (svg.firstChild as Element).textContent = '+1 415 555 0141';
      b.append(svg);
      b.append(el('p', 'Visible +1 415 555 0142'));
    });
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    expect(linked()).toEqual(['+1 415 555 0142']);
  });

  it('covers open shadow roots', async () => {
    const host = el('div');
    page((b) => b.append(host));
    host.attachShadow({ mode: 'open' }).append(el('p', 'Shadow +1 415 555 0143'));
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    expect(linked(host.shadowRoot as ShadowRoot)).toEqual(['+1 415 555 0143']);
  });

  it('links numbers added or changed later, once each', async () => {
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    const p = el('p', 'Later: +1 415 555 0144');
    document.body.append(p);
    await settle();
    expect(linked()).toEqual(['+1 415 555 0144']);
    const q = el('p', 'no number yet');
    document.body.append(q);
    await settle();
    (q.firstChild as Text).data = 'now +1 415 555 0145';
    await settle();
    expect(linked()).toEqual(['+1 415 555 0144', '+1 415 555 0145']);
  });

  it('falls back to one rescan after a burst of mutations', async () => {
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    for (let i = 0; i < 1500; i++) document.body.append(el('span', i === 1499 ? ' +1 415 555 0146' : ' x'));
    await settle();
    expect(linked()).toEqual(['+1 415 555 0146']);
  });

  it('does not touch false positives', async () => {
    page((b) => b.append(el('p', 'Order 4155550132 on 2024-11-25, $4,155,550.13, 192.168.100.200, v10.0.19045.2965')));
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    expect(linked()).toEqual([]);
  });

  it('puts the text back when stopped', async () => {
    const p = el('p', 'Call +1 415 555 0147.');
    page((b) => b.append(p));
    scanner = startPageScanner(document, 'US', localFindNumbers);
    await settle();
    expect(linked()).toHaveLength(1);
    scanner.stop();
    expect(linked()).toEqual([]);
    expect(p.textContent).toBe('Call +1 415 555 0147.');
  });
});
