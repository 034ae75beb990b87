// Numbers found on a page wait here until their text comes near the viewport,
// and are linked then. Writing a link makes the browser lay out its paragraph
// again (about 0.2 ms each on an ordinary page): a 5 MB page would pay for
// 1350 paragraphs that nobody may ever scroll to. One IntersectionObserver
// watches the parents of the waiting text, with a margin of a screen and a
// half, so links are there before the text scrolls into view; it also never
// reports elements that are not rendered (display: none), which wait until
// they are shown.
//
//   parked ──observer: near the viewport──▶ handed to write() (the scanner links it)
//     └──── its text changed or left the page ──prune()──▶ dropped
//   any state ──clear()──▶ dropped (the observer disconnected)
//
// Parked numbers count against the page's cap (the scanner reserves room for
// them), so at most MAX_LINKS_PER_PAGE of them wait, and the map holds at
// most that many of the page's elements.
import type { NumberToLink } from './link-numbers';

export interface Parked {
  text: Text;
  /** The data it had when checked: any change drops it (its mutation queues it again). */
  data: string;
  numbers: NumberToLink[];
}

/** How far outside the viewport text is linked already (CSS margin of the observer's root). */
export const NEAR_MARGIN = '150% 100%';

export class NearViewport {
  private readonly byParent = new Map<Element, Map<Text, Parked>>();
  private waiting = 0;
  private readonly observer: IntersectionObserver;

  constructor(private readonly write: (near: Parked[]) => void) {
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: NEAR_MARGIN });
  }

  /** Numbers parked and not yet handed to write(). */
  get numbers(): number {
    return this.waiting;
  }

  park(found: Parked): void {
    const parent = found.text.parentElement;
    if (!parent) return;
    let texts = this.byParent.get(parent);
    if (!texts) {
      texts = new Map();
      this.byParent.set(parent, texts);
      this.observer.observe(parent);
    }
    // Checked again after a change: the new numbers replace the old.
    this.waiting -= texts.get(found.text)?.numbers.length ?? 0;
    texts.set(found.text, found);
    this.waiting += found.numbers.length;
  }

  /** Drops what the page changed or removed since it was parked. */
  prune(): void {
    for (const [parent, texts] of this.byParent) {
      for (const [text, parked] of texts) {
        if (text.isConnected && text.data === parked.data) continue;
        texts.delete(text);
        this.waiting -= parked.numbers.length;
      }
      if (texts.size === 0) this.forget(parent);
    }
  }

  clear(): void {
    this.observer.disconnect();
    this.byParent.clear();
    this.waiting = 0;
  }

  private forget(parent: Element): void {
    this.byParent.delete(parent);
    this.observer.unobserve(parent);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const near: Parked[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const texts = this.byParent.get(entry.target);
      if (!texts) continue;
      this.forget(entry.target);
      for (const parked of texts.values()) {
        this.waiting -= parked.numbers.length;
        near.push(parked);
      }
    }
    if (near.length > 0) this.write(near);
  }
}
