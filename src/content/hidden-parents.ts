// Elements whose text was set aside because they were hidden (display: none,
// content-visibility: hidden): remembered, at most MAX_HIDDEN_REMEMBERED, so
// that their numbers are linked once the page shows them. The
// MutationObserver only notes that a hidden/style/class attribute changed
// somewhere; the scanner's slice then looks at the remembered elements, one
// style read each, within its time budget (a page changing classes thousands
// of times a second cannot make the observer callback itself expensive).
//
//   none ──remember()──▶ remembered ──attribute changed──▶ dirty
//     ▲                      ▲                              │ takeShown() in a slice
//     └── all shown/dropped ─┴──── still hidden ◀───────────┘ (shown ones handed back)
import { MAX_HIDDEN_REMEMBERED } from './link-limits';
import { isHidden } from './skip-rules';

export class HiddenParents {
  private readonly parents = new Set<Element>();
  private dirty = false;

  get size(): number {
    return this.parents.size;
  }

  remember(parent: Element): void {
    if (this.parents.size < MAX_HIDDEN_REMEMBERED) this.parents.add(parent);
  }

  /** From the observer: something may have been shown. Cheap: the work waits for a slice. */
  attributesChanged(): void {
    if (this.parents.size > 0) this.dirty = true;
  }

  get needsLook(): boolean {
    return this.dirty;
  }

  /**
   * The remembered elements that are shown now (forgotten here, to be scanned
   * again); those the page removed are forgotten too. Stops at the deadline and
   * goes on in the next slice.
   */
  takeShown(deadline: number): Element[] {
    const shown: Element[] = [];
    for (const parent of this.parents) {
      if (performance.now() >= deadline) return shown; // still dirty: the rest next slice
      if (!parent.isConnected || !isHidden(parent)) this.parents.delete(parent);
      if (parent.isConnected && !this.parents.has(parent)) shown.push(parent);
    }
    this.dirty = false;
    return shown;
  }
}
