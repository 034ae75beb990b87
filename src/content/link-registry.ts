// Our links and the number each calls; the page cannot forge an entry. It
// never keeps a link alive: a page that replaces its content thousands of
// times a second must be able to free the links it removed. Lookups go
// through a WeakMap; stop() finds the links to take out through WeakRefs,
// and the list of those is pruned of links that are gone or detached each
// time the live ones are counted (once per slice), so it stays about as long
// as the number of links on the page (at most MAX_LINKS_PER_PAGE plus one
// slice's worth).

export interface LinkRegistry {
  /** The number a link of ours calls, or undefined for any other element. */
  get(link: HTMLAnchorElement): string | undefined;
  /** Called once the link is in the page, where it was put. */
  add(link: HTMLAnchorElement, e164: string): void;
  /**
   * Whether the link is still where we put it and as we made it: same parent,
   * same attributes (only href and title: ours have no style of their own), same tel: target and title,
   * and the same text (a page that rewrites it could show another number than the one called).
   */
  intact(link: HTMLAnchorElement): boolean;
  /** Links still in the page; forgets the rest for stop() (lookups keep working). */
  live(): number;
  /** Links tracked for stop(), pruned or not yet (for tests). */
  tracked(): number;
  /** Puts the page's text back where our connected links are. */
  unlinkAll(): void;
}

export function createLinkRegistry(): LinkRegistry {
  let numbers = new WeakMap<HTMLAnchorElement, string>();
  // What each link was made as; weak like the rest, so nothing here keeps a link alive.
  let made = new WeakMap<HTMLAnchorElement, { parent: Node | null; title: string; text: string }>();
  let refs: WeakRef<HTMLAnchorElement>[] = [];
  return {
    get: (link) => numbers.get(link),
    add(link, e164) {
      numbers.set(link, e164);
      made.set(link, { parent: link.parentNode, title: link.title, text: link.textContent ?? '' });
      refs.push(new WeakRef(link));
    },
    intact(link) {
      const first = made.get(link);
      if (!first) return false;
      const names = [...link.getAttributeNames()].sort().join();
      return (
        link.parentNode === first.parent &&
        names === 'href,title' &&
        link.getAttribute('href') === `tel:${numbers.get(link) ?? ''}` &&
        link.title === first.title &&
        link.textContent === first.text
      );
    },
    live() {
      // A link detached now and put back later keeps calling (the WeakMap) but
      // is not taken out by stop(): the price of not holding what the page dropped.
      refs = refs.filter((ref) => ref.deref()?.isConnected === true);
      return refs.length;
    },
    tracked: () => refs.length,
    unlinkAll() {
      for (const ref of refs) {
        const link = ref.deref();
        if (link?.isConnected) link.replaceWith(...link.childNodes);
      }
      refs = [];
      numbers = new WeakMap();
      made = new WeakMap();
    },
  };
}
