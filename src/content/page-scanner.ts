// Finds phone numbers in a page and keeps finding them as the page changes,
// without long tasks: the MutationObserver only queues nodes, and the work
// runs in idle-time slices of a few milliseconds (the uBlock Origin way).
//
//   stopped ──start()──▶ idle ──nodes queued──▶ scheduled ──idle callback──▶ slice
//                         ▲  ▲                                                 │
//                         │  └──── nothing queued, set aside, in progress ◀────┤
//                         │        or waiting to be written                    │
//                         │        budget used up: scheduled again ◀───────────┤
//                         └──── full (page cap reached and more numbers seen; ◀┘
//                               the next change of the page's checks again)
//   any state ──stop()──▶ stopped (links removed, observer and listeners gone)
//
// A slice first walks queued roots with a TreeWalker (stage 1 only: text with
// candidate digits is set aside), then checks the set-aside text with stage 2,
// which is loaded (by the caller's loader) the first time there is any, and
// links what it found. A burst of mutations (more than BURST queued nodes) is
// dropped for one full rescan.
//
// Bounded on hostile pages (the limits and why: link-limits.ts). Inside a
// slice, one text node moves through these states, and may stop in any of
// them at the end of a slice to go on in the next (a 1 MB node takes many):
//
//   walked ──long──▶ stage 1 window by window ──no candidate──▶ dropped
//     │                      │ a candidate
//     ▼ short, candidate     ▼
//   set aside ──hidden──▶ remembered until shown (up to MAX_HIDDEN_REMEMBERED)
//     │ visible (read before any write of this batch)
//     ▼
//   checked window by window, CHECK_BATCH candidates between looks at the clock,
//   until its end or one number past its limit (capped: the rest stays as is)
//     ▼
//   found ──APPLY_BATCH numbers found, nothing left to check, or page cap──▶ linked
//
// A node that changes meanwhile is dropped wherever it is (its mutation
// queues it again). Stage 1 stops setting text aside when there is more than
// the page has room for, so that stage 2 can fill it first. Once the page cap
// is reached and another number is found, the page is full: set-aside text is
// dropped unchecked, and the walk waits (where it was) until our links leave
// the page.
import { APPLY_BATCH, MAX_LINKS_PER_NODE, MAX_LINKS_PER_PAGE, WINDOW_CHARS } from './link-limits';
import { HiddenParents } from './hidden-parents';
import { checkWindows, type Checking, type InText } from './check-windows';
import { createLinkRegistry, type LinkRegistry } from './link-registry';
import { createLinkStyle } from './link-style';
import { hasCandidate } from './find-candidates';
import { linkNumbers } from './link-numbers';
import { insideSkipped, isHidden, skipsSubtree } from './skip-rules';
import { Fifo } from './fifo';
import { windowCandidates, windowEnd } from './text-windows';
import type { DetectedNumber } from './detect-phone-numbers';

export type Validator = typeof import('./detect-phone-numbers');

const SLICE_MS = 8;
const BURST = 1000;
const IDLE_TIMEOUT_MS = 500;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const OBSERVE_VISIBILITY: MutationObserverInit = { ...OBSERVE, attributes: true, attributeFilter: ['hidden', 'style', 'class'] };

export interface ScanStatus {
  /** Our links in the page now. */
  links: number;
  /** A cap was reached: the page has numbers we did not link. */
  capped: boolean;
}

export interface PageScanner {
  links: LinkRegistry;
  /** The loaded validator, once a page had candidates (for re-checking a clicked link). */
  validator(): Validator | undefined;
  status(): ScanStatus;
  stop(): void;
}

interface Found {
  text: Text;
  data: string;
  numbers: DetectedNumber[];
}

export function startPageScanner(doc: Document, defaultCountry: string, loadValidator: () => Promise<Validator>): PageScanner {
  const links = createLinkRegistry();
  const linkStyle = createLinkStyle(doc);
  const scanned = new WeakMap<Text, string>(); // text node → the data it had when scanned
  const roots: Node[] = [doc];
  const longTexts = new Fifo<InText>();
  const withCandidates = new Fifo<InText>();
  const found: Found[] = [];
  const hiddenParents = new HiddenParents();
  const observed: Node[] = [doc];
  const observedSet = new WeakSet<Node>([doc]);
  let walker: TreeWalker | undefined;
  let checking: Checking | undefined;
  let foundNumbers = 0;
  let capped = false;
  let validator: Validator | undefined;
  let loading: Promise<void> | undefined;
  let handle: number | undefined;
  let stopped = false;
  let watchingVisibility = false;

  const filter = (node: Node): number => {
    if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
    const el = node as Element;
    if (skipsSubtree(el)) return NodeFilter.FILTER_REJECT;
    if (el.shadowRoot && !observedSet.has(el.shadowRoot)) {
      // Open shadow roots are separate trees: walk and observe them too.
      roots.push(el.shadowRoot);
      observe(el.shadowRoot);
    }
    return NodeFilter.FILTER_SKIP;
  };

  function observe(root: Node): void {
    observed.push(root);
    observedSet.add(root);
    observer.observe(root, watchingVisibility ? OBSERVE_VISIBILITY : OBSERVE);
  }

  function queue(node: Node): void {
    if (roots.length > BURST) return;
    roots.push(node);
    if (roots.length > BURST) {
      // Too much at once: one walk over everything is cheaper than this many.
      roots.length = 0;
      roots.push(...observed);
      walker = undefined;
    }
  }

  function onRecords(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'attributes') hiddenParents.attributesChanged();
      else if (record.type === 'characterData') {
        queue(record.target);
      } else {
        for (const node of record.addedNodes) queue(node);
      }
    }
    schedule();
  }
  const observer = new MutationObserver(onRecords);

  function setWatchingVisibility(on: boolean): void {
    if (on === watchingVisibility) return;
    watchingVisibility = on;
    for (const root of observed) observer.observe(root, on ? OBSERVE_VISIBILITY : OBSERVE);
  }

  function hasWork(): boolean {
    return (
      roots.length > 0 ||
      walker !== undefined ||
      longTexts.length > 0 ||
      hiddenParents.needsLook ||
      withCandidates.length > 0 ||
      checking !== undefined ||
      found.length > 0
    );
  }

  function schedule(): void {
    if (stopped || handle !== undefined || !hasWork()) return;
    handle = requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
  }

  /**
   * Stage 1: walk until the budget is used, or until more text is set aside
   * than the page has room for links (stage 2 goes first then: it may fill the page).
   */
  function walk(deadline: number, room: number): void {
    while (performance.now() < deadline && withCandidates.length <= room) {
      if (longTexts.length > 0) {
        searchLongText();
        continue;
      }
      if (!walker) {
        const root = roots.shift();
        if (!root) return;
        if (!root.isConnected) continue;
        if (root.nodeType === Node.TEXT_NODE) {
          if (!insideSkipped(root)) consider(root as Text);
          continue;
        }
        if (root.nodeType === Node.ELEMENT_NODE && (skipsSubtree(root as Element) || insideSkipped(root))) continue;
        walker = (root.ownerDocument ?? doc).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
      }
      for (let n = 0; n < 200; n++) {
        const node = walker.nextNode();
        if (!node) {
          walker = undefined;
          break;
        }
        if (node.nodeType === Node.TEXT_NODE) consider(node as Text);
      }
    }
  }

  function consider(text: Text): void {
    const data = text.data;
    if (scanned.get(text) === data) return;
    scanned.set(text, data);
    if (data.length < 6) return;
    // Long text is searched a window per step (searchLongText), not in one pass.
    if (data.length > WINDOW_CHARS) longTexts.push({ text, data, from: 0 });
    else if (hasCandidate(data)) withCandidates.push({ text, data, from: 0 });
  }

  /** One window of the first long text: set it aside from the first window with a candidate on. */
  function searchLongText(): void {
    const long = longTexts.shift() as InText;
    if (long.text.data !== long.data) return; // changed: queued again by its mutation
    const to = windowEnd(long.data, long.from);
    if (windowCandidates(long.data, long.from, to).candidates.length > 0) withCandidates.push(long);
    else if (to < long.data.length) {
      long.from = to;
      longTexts.push(long);
    }
  }

  /** Writes what was found: the only place the scanner changes the page. */
  function apply(): void {
    for (const { text, data, numbers } of found) {
      // Changed since it was checked: its mutation has queued it again.
      if (!text.isConnected || text.data !== data) continue;
      linkStyle.styleRoot(text);
      for (const rest of linkNumbers(text, numbers, links)) scanned.set(rest, rest.data);
    }
    found.length = 0;
    foundNumbers = 0;
  }

  /** Stage 2: check set-aside text and link what is found until the budget is used. */
  function link(deadline: number, validator: Validator, room: number): void {
    // Our own changes are not news: take the page's records first, drop ours after.
    onRecords(observer.takeRecords());
    while (performance.now() < deadline) {
      if (!checking) {
        if (room <= 0 && capped) {
          withCandidates.clear(); // the page has all the links it gets; the rest stays as it is
          break;
        }
        const next = withCandidates.shift();
        if (!next) break;
        const { text } = next;
        const parent = text.parentElement;
        if (!text.isConnected || !parent || text.data !== next.data) continue;
        // A read of style: it is cheap until we write, so all of a batch is read before its links are written.
        if (isHidden(parent)) {
          // Not done with: when the parent is shown, the walk must consider this text again.
          scanned.delete(text);
          hiddenParents.remember(parent);
          setWatchingVisibility(true);
          continue;
        }
        const limit = Math.max(0, Math.min(MAX_LINKS_PER_NODE, room));
        checking = { ...next, window: undefined, to: 0, next: 0, checkedTo: 0, numbers: [], limit };
      }
      const job = checking;
      if (!job.text.isConnected || job.text.data !== job.data) {
        checking = undefined;
        continue;
      }
      if (!checkWindows(job, validator, defaultCountry, deadline)) break;
      checking = undefined;
      const numbers = job.numbers;
      if (numbers.length > job.limit) {
        capped = true;
        numbers.length = job.limit;
      }
      if (numbers.length > 0) {
        found.push({ text: job.text, data: job.data, numbers });
        foundNumbers += numbers.length;
        room -= numbers.length;
      }
      if (foundNumbers >= APPLY_BATCH || room <= 0) apply();
    }
    if (!checking && withCandidates.length === 0) apply();
    observer.takeRecords();
    if (hiddenParents.size === 0) setWatchingVisibility(false);
  }

  function slice(idle: IdleDeadline): void {
    handle = undefined;
    if (stopped) return;
    const deadline = performance.now() + Math.max(4, Math.min(idle.timeRemaining(), SLICE_MS));
    const room = MAX_LINKS_PER_PAGE - links.live() - foundNumbers;
    if (capped && room <= 0) {
      // Full: nothing is walked or checked (and no slice scheduled) until a
      // change of the page's, which may have taken some of our links out.
      withCandidates.clear();
      longTexts.clear();
      return;
    }
    // Elements shown since their text was set aside as hidden: scanned again.
    if (hiddenParents.needsLook) for (const shown of hiddenParents.takeShown(deadline)) queue(shown);
    walk(deadline, room);
    if (withCandidates.length > 0 || checking || found.length > 0) {
      if (validator) link(deadline, validator, room);
      else if (!loading) {
        // The heavier checker loads only on pages that have candidate digits.
        loading = loadValidator().then(
          (module) => {
            validator = module;
            schedule();
          },
          () => {
            // Could not load: leave the page as it is (nothing half-linked); a later change retries.
            loading = undefined;
          },
        );
      }
    }
    if (validator || (withCandidates.length === 0 && !checking)) schedule();
  }

  observer.observe(doc, OBSERVE);
  schedule();

  return {
    links,
    validator: () => validator,
    status: () => ({ links: links.live(), capped }),
    stop() {
      stopped = true;
      if (handle !== undefined) cancelIdleCallback(handle);
      observer.disconnect();
      links.unlinkAll();
      linkStyle.remove();
    },
  };
}
