// Whether a real (isTrusted) click or Enter on a call link is what the user
// saw. Pages can steer real gestures: a transparent link over a "Play" button,
// a click through a pointer-events:none overlay, a <label> that forwards its
// click to a control inside a hidden link, focus moved to a hidden link while
// the user types, a link whose text is hidden by CSS and replaced by generated
// content. A click counts as intent only when the link
//   - was visible, for MIN_VISIBLE_MS and in the same place, before the gesture
//     began: Chromium's IntersectionObserver v2 (trackVisibility) says so for
//     links under the pointer or focused (occluded, transparent, transformed
//     or filtered targets are not visible),
//   - says and calls the same at the click as at the press (or the focus),
//   - is what the hit test finds at the click point (or its centre for Enter),
//   - is the event's own target (no forwarded label click, no form control),
//   - shows its text (no font-size:0, transparent text or generated content),
//   - was focused by the user (a Tab the page did not take over, or a press), for Enter.
// A failed check does not drop the click: the call then takes the
// confirmation window, and the page sees no difference either way.
//
// Links are observed only while the pointer is over them or they have focus,
// at most MAX_WATCHED at once, so the cost does not grow with the page.
//
//   unwatched ──pointerover / focusin──▶ watched (entries: visible or not)
//      ▲                                    │
//      └──── pointerout / focusout, or MAX_WATCHED newer ones ──┘

const MAX_WATCHED = 16;
/** How long a pointerdown counts towards the click that follows. */
const GESTURE_MS = 1500;
/** Focus that Tab or a press on the link itself gives arrives at once (in that event's default action). */
const FOCUS_FOLLOWS_MS = 200;
const MIN_FONT_PX = 6;
/**
 * How long a link must have been seen visible, in the same place, before the
 * press: a link the page slides under the pointer (or uncovers) just before
 * it is not what the user was looking at. IntersectionObserver v2 reports a
 * change at most every 100 ms (`delay`), so after this long a change made
 * before the press has been reported, except in the last frame or two.
 */
const MIN_VISIBLE_MS = 250;
/** How far (px) the link may have moved since it was seen visible (scrolling a little while pointing). */
const MOVE_SLACK_PX = 2;
const FORM_CONTROLS = new Set(['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'LABEL', 'OPTION', 'OUTPUT', 'METER', 'PROGRESS']);

export type IntentFailure =
  'no-visibility-tracking' | 'not-visible' | 'not-hit' | 'forwarded' | 'hidden-text' | 'focus-not-by-user' | 'changed' | 'no-pointerdown';

export interface ClickIntent {
  /** Why the click is not taken as intent, or undefined when it is. */
  check(event: MouseEvent, link: HTMLAnchorElement): IntentFailure | undefined;
}

interface Down {
  link: HTMLAnchorElement;
  visible: boolean;
  x: number;
  y: number;
  at: number;
  /** What the link said and called at the press: the page may rewrite it before the click. */
  looks: string;
}

interface Seen {
  visible: boolean;
  /** When it was first reported visible (performance.now()), and where it was then. */
  since: number;
  rect: DOMRectReadOnly;
}

/** A link's target and text as shown, to tell whether it changed between a press and the click. */
function looksOf(link: HTMLAnchorElement): string {
  return `${link.href}\n${link.innerText}`;
}

function anchorOf(event: Event, isCandidate: (a: HTMLAnchorElement) => boolean): HTMLAnchorElement | undefined {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLAnchorElement) return isCandidate(target) ? target : undefined;
    if (target === document || target === window) return undefined;
  }
  return undefined;
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function hits(link: HTMLAnchorElement, x: number, y: number): boolean {
  const root = link.getRootNode() as Document | ShadowRoot;
  const hit = typeof root.elementFromPoint === 'function' ? root.elementFromPoint(x, y) : document.elementFromPoint(x, y);
  return hit !== null && (hit === link || link.contains(hit));
}

function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m?.[1]) return 1;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  const a = parts[3];
  if (a === undefined) return 1;
  return a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
}

function noGeneratedContent(el: Element): boolean {
  return ['::before', '::after'].every((pseudo) => {
    const content = getComputedStyle(el, pseudo).content;
    return content === 'none' || content === 'normal' || content === '';
  });
}

/** The link's own text is drawn where the link is, readable, with nothing generated around it. */
export function showsItsText(link: HTMLAnchorElement): boolean {
  const style = getComputedStyle(link);
  if (parseFloat(style.fontSize) < MIN_FONT_PX || style.visibility !== 'visible') return false;
  if (alphaOf(style.color) < 0.3 || alphaOf(style.getPropertyValue('-webkit-text-fill-color') || style.color) < 0.3) return false;
  if (!noGeneratedContent(link)) return false;
  for (const child of link.querySelectorAll('*')) if (!noGeneratedContent(child)) return false;
  if (!(link.textContent ?? '').trim()) return false;
  const range = document.createRange();
  range.selectNodeContents(link);
  const text = range.getBoundingClientRect();
  const box = link.getBoundingClientRect();
  // The text's box must be of readable size and lie (mostly) inside the link's box (text-indent or clipping tricks).
  if (text.width < 2 || text.height < MIN_FONT_PX) return false;
  const overlapX = Math.min(text.right, box.right + 1) - Math.max(text.left, box.left - 1);
  return overlapX >= text.width * 0.8;
}

export function watchClickIntent(signal: AbortSignal, isCandidate: (a: HTMLAnchorElement) => boolean): ClickIntent {
  type IOInit = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
  const seen = new WeakMap<Element, Seen>();
  const watched: HTMLAnchorElement[] = [];
  // Links the user focused (with Tab or a press), and what they looked like then.
  const focusedByUser = new WeakMap<Element, string>();
  let down: Down | undefined;
  let tab: { event: KeyboardEvent; at: number } | undefined;

  const observer = new IntersectionObserver(
    (entries) => {
      const now = performance.now();
      for (const entry of entries) {
        // No isVisible: no v2 in this browser; nothing counts as seen.
        const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
        const before = seen.get(entry.target);
        const since = visible && before?.visible ? before.since : now;
        seen.set(entry.target, { visible, since, rect: entry.boundingClientRect });
      }
    },
    { trackVisibility: true, delay: 100, threshold: [0, 1] } as IOInit,
  );
  const tracking = 'trackVisibility' in IntersectionObserver.prototype || 'isVisible' in IntersectionObserverEntry.prototype;

  const watch = (link: HTMLAnchorElement): void => {
    if (watched.includes(link)) return;
    watched.push(link);
    observer.observe(link);
    while (watched.length > MAX_WATCHED) unwatch(watched[0] as HTMLAnchorElement);
  };
  function unwatch(link: HTMLAnchorElement): void {
    const i = watched.indexOf(link);
    if (i >= 0) watched.splice(i, 1);
    observer.unobserve(link);
    seen.delete(link);
  }

  /** Seen visible for long enough, and still where it was seen. */
  function seenVisible(link: HTMLAnchorElement, at: number): boolean {
    const s = seen.get(link);
    if (!s?.visible || at - s.since < MIN_VISIBLE_MS) return false;
    const r = link.getBoundingClientRect();
    return Math.abs(r.left - s.rect.left) <= MOVE_SLACK_PX && Math.abs(r.top - s.rect.top) <= MOVE_SLACK_PX;
  }

  const options = { capture: true, passive: true, signal };
  window.addEventListener(
    'pointerover',
    (event) => {
      const link = event.isTrusted ? anchorOf(event, isCandidate) : undefined;
      if (link) watch(link);
    },
    options,
  );
  window.addEventListener(
    'pointerout',
    (event) => {
      const link = anchorOf(event, isCandidate);
      const to = event.relatedTarget;
      if (link && !(to instanceof Node && link.contains(to)) && deepActiveElement() !== link) unwatch(link);
    },
    options,
  );
  window.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted) return;
      const link = anchorOf(event, isCandidate);
      const at = performance.now();
      // Visibility as it was before this gesture: whatever the page changes from now on comes too late.
      down = link ? { link, visible: seenVisible(link, at), x: event.clientX, y: event.clientY, at, looks: looksOf(link) } : undefined;
    },
    options,
  );
  window.addEventListener(
    'keydown',
    (event) => {
      // Only Tab moves focus between links by itself (arrow keys do not: a page that moves focus
      // on them is the page's doing). The event is kept to see later whether the page took it over.
      if (event.isTrusted && event.key === 'Tab') tab = { event, at: performance.now() };
    },
    options,
  );
  window.addEventListener(
    'focusin',
    (event) => {
      const link = anchorOf(event, isCandidate);
      if (!link) return;
      watch(link);
      const now = performance.now();
      // Focus the page's script moved (while the user typed elsewhere) is not the user's:
      // focus events are trusted even then, so what counts is the key or press just before.
      const byPress = down?.link === link && now - down.at < FOCUS_FOLLOWS_MS;
      // A Tab the page cancelled (to move focus itself) does not count.
      const byTab = tab !== undefined && now - tab.at < FOCUS_FOLLOWS_MS && !tab.event.defaultPrevented;
      if (event.isTrusted && (byTab || byPress)) focusedByUser.set(link, looksOf(link));
      else focusedByUser.delete(link);
    },
    options,
  );
  window.addEventListener(
    'focusout',
    (event) => {
      const link = anchorOf(event, isCandidate);
      if (link) {
        focusedByUser.delete(link);
        unwatch(link);
      }
    },
    options,
  );
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  return {
    check(event, link) {
      if (!tracking) return 'no-visibility-tracking';
      const target = event.composedPath()[0];
      if (!(target instanceof Node) || !(target === link || link.contains(target))) return 'forwarded';
      if (target instanceof Element && FORM_CONTROLS.has(target.tagName)) return 'forwarded';
      if (event.detail === 0) {
        // Enter on a focused link (keyboard activation has no pointer).
        if (deepActiveElement() !== link) return 'forwarded';
        const looked = focusedByUser.get(link);
        if (looked === undefined) return 'focus-not-by-user';
        if (looked !== looksOf(link)) return 'changed';
        if (!seenVisible(link, performance.now())) return 'not-visible';
        const r = link.getClientRects()[0];
        if (!r || !hits(link, r.left + r.width / 2, r.top + r.height / 2)) return 'not-hit';
      } else {
        if (!down || down.link !== link || performance.now() - down.at > GESTURE_MS) return 'no-pointerdown';
        if (!down.visible || seen.get(link)?.visible !== true) return 'not-visible';
        if (down.looks !== looksOf(link)) return 'changed';
        if (!hits(link, down.x, down.y) || !hits(link, event.clientX, event.clientY)) return 'not-hit';
      }
      if (!showsItsText(link)) return 'hidden-text';
      return undefined;
    },
  };
}
