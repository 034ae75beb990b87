// Text with candidate digits waits here until it comes near the viewport, and
// only then is it checked (stage 2, in the service worker) and linked. A page
// pays for the numbers someone may see: checking a 5 MB page's text sent it
// all through messaging and took the replies in on the page's main thread,
// and each link makes the browser lay out its paragraph again. One
// IntersectionObserver watches the boxes of the waiting text (its parents), with a margin
// of a screen and a half, so links are there before the text scrolls into
// view; it also never reports elements that are not rendered (display: none),
// which wait until they are shown. A parent with `display: contents` has no
// box of its own, so the observer would never report it near: its text waits
// on the nearest ancestor that has one (custom elements and layout wrappers
// often are `display: contents`).
//
//   parked ──observer: near the viewport──▶ handed to near() (the scanner checks and links it)
//     └──── reported with no box, its parent `display: contents` ──▶ parked on the nearest ancestor with a box
//     └──── its text changed or left the page ──prune()──▶ dropped
//   any state ──clear()──▶ dropped
//
// At most MAX_PARKED_TEXTS wait (the scanner stops walking while it is full),
// so the map holds at most that many of the page's nodes, and the climb past
// `display: contents` stops after MAX_CONTENTS_DEPTH of them: at most that
// many style reads per waiting text.
import type { InText } from './text-windows';
import { MAX_CONTENTS_DEPTH } from './link-limits';

/** How far outside the viewport text is linked already (CSS margin of the observer's root). */
export const NEAR_MARGIN = '150% 100%';

export class NearViewport {
  private readonly byBox = new Map<Element, Map<Text, InText>>();
  private waiting = 0;
  private readonly observer: IntersectionObserver;

  constructor(private readonly near: (texts: InText[]) => void) {
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: NEAR_MARGIN });
  }

  /** Texts parked and not yet handed to near(). */
  get size(): number {
    return this.waiting;
  }

  park(text: InText): void {
    const parent = text.text.parentElement;
    if (parent) this.parkOn(parent, text);
  }

  /** `box` is the element observed for this text: its parent, or the ancestor that has a box. */
  private parkOn(box: Element, text: InText): void {
    let texts = this.byBox.get(box);
    if (!texts) {
      texts = new Map();
      this.byBox.set(box, texts);
      this.observer.observe(box);
    }
    // Set aside again after a change: the new data replaces the old.
    if (!texts.has(text.text)) this.waiting += 1;
    texts.set(text.text, text);
  }

  /** Drops what the page changed or removed since it was parked. */
  prune(): void {
    for (const [box, texts] of this.byBox) {
      for (const [text, parked] of texts) {
        if (text.isConnected && text.data === parked.data) continue;
        texts.delete(text);
        this.waiting -= 1;
      }
      if (texts.size === 0) this.forget(box);
    }
  }

  /** Everything parked is dropped (the page is full); the observer stays for what comes later. */
  clear(): void {
    for (const box of this.byBox.keys()) this.observer.unobserve(box);
    this.byBox.clear();
    this.waiting = 0;
  }

  stop(): void {
    this.observer.disconnect();
    this.byBox.clear();
    this.waiting = 0;
  }

  private forget(box: Element): void {
    this.byBox.delete(box);
    this.observer.unobserve(box);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const near: InText[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        // No box (a zero rectangle): hidden, or `display: contents`. Only then is style read.
        const { width, height } = entry.boundingClientRect;
        if (width === 0 && height === 0) this.moveToBox(entry.target);
        continue;
      }
      const texts = this.byBox.get(entry.target);
      if (!texts) continue;
      this.forget(entry.target);
      this.waiting -= texts.size;
      near.push(...texts.values());
    }
    if (near.length > 0) this.near(near);
  }

  /**
   * Text parked on a `display: contents` element waits on the nearest ancestor with a box instead;
   * past MAX_CONTENTS_DEPTH such elements (or with none found), it is dropped, unlinked.
   */
  private moveToBox(target: Element): void {
    const texts = this.byBox.get(target);
    if (!texts || !isContents(target)) return;
    const box = boxOf(target);
    this.forget(target);
    this.waiting -= texts.size;
    if (box) for (const text of texts.values()) this.parkOn(box, text);
  }
}

/** The nearest ancestor of a `display: contents` element that has a box; null past MAX_CONTENTS_DEPTH of them. */
function boxOf(contents: Element): Element | null {
  let box = boxParent(contents);
  for (let depth = 1; box && isContents(box); depth++) {
    if (depth >= MAX_CONTENTS_DEPTH) return null;
    box = boxParent(box);
  }
  return box;
}

/** The parent element, or from the top of a shadow tree its host (which lays out the tree's content). */
function boxParent(element: Element): Element | null {
  const parent = element.parentNode;
  if (parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in parent) return (parent as ShadowRoot).host;
  return element.parentElement;
}

function isContents(element: Element): boolean {
  return getComputedStyle(element).display === 'contents';
}
