// @vitest-environment happy-dom
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinkRegistry } from '../../src/content/link-registry';
import { linkNumbers, type NumberToLink } from '../../src/content/link-numbers';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** `count` numbers in one string, and where each is. */
function manyNumbers(count: number): { data: string; numbers: NumberToLink[] } {
  let data = 'Numbers: ';
  const numbers: NumberToLink[] = [];
  for (let i = 0; i < count; i++) {
    const digits = String(i % 10000).padStart(4, '0');
    const text = `+1 415 555 ${digits}`;
    numbers.push({ start: data.length, end: data.length + text.length, e164: `+1415555${digits}`, label: `+1415555${digits}` });
    data += `${text}, `;
  }
  return { data: `${data}end.`, numbers };
}

describe('linkNumbers', () => {
  it('links many numbers of one node in one pass: the page text is unchanged and nothing copies the rest per number', () => {
    const { data, numbers } = manyNumbers(5000);
    const p = document.createElement('p');
    p.append(data);
    document.body.append(p);
    const node = p.firstChild as Text;
    // Every character put into a new text node, whichever way it gets there.
    let copied = 0;
    const create = Document.prototype.createTextNode;
    vi.spyOn(Document.prototype, 'createTextNode').mockImplementation(function (this: Document, text: string) {
      copied += text.length;
      return create.call(this, text);
    });
    const split = vi.spyOn(Text.prototype, 'splitText');
    const links = createLinkRegistry();

    const rest = linkNumbers(node, numbers, links);

    expect(split).not.toHaveBeenCalled();
    expect(copied).toBeLessThanOrEqual(data.length);
    expect(p.textContent).toBe(data);
    const anchors = [...p.querySelectorAll('a')];
    expect(anchors.map((a) => a.textContent)).toEqual(numbers.map((n) => data.slice(n.start, n.end)));
    expect(anchors.map((a) => links.get(a))).toEqual(numbers.map((n) => n.e164));
    // The page's own node stays, as the text before the first number.
    expect(p.firstChild).toBe(node);
    expect(node.data).toBe('Numbers: ');
    expect(rest[0]).toBe(node);
    expect(rest).toHaveLength(numbers.length + 1);
    expect(links.live()).toBe(5000);
  });

  it('skips overlapping or out-of-range numbers and leaves a node without any as it is', () => {
    const p = document.createElement('p');
    p.append('a +1 415 555 0100 b');
    document.body.append(p);
    const node = p.firstChild as Text;
    const one = { start: 2, end: 17, e164: '+14155550100', label: '+14155550100' };
    const links = createLinkRegistry();
    expect(linkNumbers(node, [{ ...one, end: 99 }], links)).toEqual([node]);
    expect(node.data).toBe('a +1 415 555 0100 b');
    linkNumbers(node, [one, { ...one, start: 5 }], links);
    expect([...p.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['+1 415 555 0100']);
    expect(p.textContent).toBe('a +1 415 555 0100 b');
  });
});

describe('createLinkRegistry', () => {
  it('keeps no link alive that the page removed, and forgets it when counting', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const links = createLinkRegistry();
    const refs: WeakRef<HTMLAnchorElement>[] = [];
    // A page that replaces its list again and again.
    const round = (): void => {
      const box = document.createElement('div');
      const { data, numbers } = manyNumbers(50);
      box.append(data);
      document.body.append(box);
      linkNumbers(box.firstChild as Text, numbers, links);
      for (const a of box.querySelectorAll('a')) refs.push(new WeakRef(a));
      box.remove();
    };
    for (let i = 0; i < 20; i++) round();
    const kept = document.createElement('p');
    kept.append('+1 415 555 0199');
    document.body.append(kept);
    linkNumbers(kept.firstChild as Text, [{ start: 0, end: 15, e164: '+14155550199', label: '+14155550199' }], links);
    expect(links.tracked()).toBe(1001);
    expect(links.live()).toBe(1);
    expect(links.tracked()).toBe(1);
    // Let the microtasks holding the last records go, then collect.
    await new Promise((r) => setTimeout(r, 0));
    gc();
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    links.unlinkAll();
    expect(kept.querySelector('a')).toBeNull();
    expect(kept.textContent).toBe('+1 415 555 0199');
  });
});
