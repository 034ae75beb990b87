// Finds phone numbers in a page and keeps finding them as the page changes,
// without long tasks: the MutationObserver only queues nodes, and the work
// runs in idle-time slices of a few milliseconds (the uBlock Origin way).
//
//   stopped ──start()──▶ idle ──nodes queued──▶ scheduled ──idle callback──▶ slice
//                         ▲                                                    │
//                         └──────────── queue and pending text empty ◀─────────┤
//                                       budget used up: scheduled again ◀──────┘
//   any state ──stop()──▶ stopped (links removed, observer and listeners gone)
//
// A slice first walks queued roots with a TreeWalker (stage 1 only: text with
// candidate digits is set aside), then checks and links the set-aside text
// with stage 2, which is loaded (by the caller's loader) the first time there is any. A burst of
// mutations (more than BURST queued nodes) is dropped for one full rescan.
import { hasCandidate } from './find-candidates';
import { linkNumbers, unlinkAll, type LinkRegistry } from './link-numbers';
import { insideSkipped, isHidden, skipsSubtree } from './skip-rules';

export type Validator = typeof import('./detect-phone-numbers');

const SLICE_MS = 8;
const BURST = 1000;
const IDLE_TIMEOUT_MS = 500;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const OBSERVE_VISIBILITY: MutationObserverInit = { ...OBSERVE, attributes: true, attributeFilter: ['hidden', 'style', 'class'] };

export interface PageScanner {
  links: LinkRegistry;
  /** The loaded validator, once a page had candidates (for re-checking a clicked link). */
  validator(): Validator | undefined;
  stop(): void;
}

export function startPageScanner(doc: Document, defaultCountry: string, loadValidator: () => Promise<Validator>): PageScanner {
  const links: LinkRegistry = new Map();
  const scanned = new WeakMap<Text, string>(); // text node → the data it had when scanned
  const roots: Node[] = [doc];
  const withCandidates: Text[] = [];
  const hiddenParents = new Set<Element>();
  const observed: Node[] = [doc];
  let walker: TreeWalker | undefined;
  let validator: Validator | undefined;
  let loading: Promise<void> | undefined;
  let handle: number | undefined;
  let stopped = false;
  let watchingVisibility = false;

  const filter = (node: Node): number => {
    if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
    const el = node as Element;
    if (skipsSubtree(el)) return NodeFilter.FILTER_REJECT;
    if (el.shadowRoot && !observed.includes(el.shadowRoot)) {
      // Open shadow roots are separate trees: walk and observe them too.
      roots.push(el.shadowRoot);
      observe(el.shadowRoot);
    }
    return NodeFilter.FILTER_SKIP;
  };

  function observe(root: Node): void {
    observed.push(root);
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
      if (record.type === 'attributes') {
        for (const parent of hiddenParents) {
          if (parent.isConnected && (record.target as Node).contains(parent)) {
            hiddenParents.delete(parent);
            queue(parent);
          }
        }
      } else if (record.type === 'characterData') {
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

  function schedule(): void {
    if (stopped || handle !== undefined || (roots.length === 0 && withCandidates.length === 0 && !walker)) return;
    handle = requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
  }

  /** Stage 1: walk until the budget is used; text with candidate digits is set aside. */
  function walk(deadline: number): void {
    while (performance.now() < deadline) {
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
    if (data.length >= 6 && hasCandidate(data)) withCandidates.push(text);
  }

  /** Stage 2: check and link set-aside text until the budget is used. */
  function link(deadline: number, check: Validator): void {
    // Our own changes are not news: take the page's records first, drop ours after.
    onRecords(observer.takeRecords());
    while (withCandidates.length > 0 && performance.now() < deadline) {
      const text = withCandidates.shift() as Text;
      const parent = text.parentElement;
      if (!text.isConnected || !parent || scanned.get(text) !== text.data) continue;
      if (isHidden(parent)) {
        hiddenParents.add(parent);
        setWatchingVisibility(true);
        continue;
      }
      const numbers = check.detectPhoneNumbers(text.data, defaultCountry);
      if (numbers.length === 0) continue;
      for (const rest of linkNumbers(text, numbers, links)) scanned.set(rest, rest.data);
    }
    observer.takeRecords();
    if (hiddenParents.size === 0) setWatchingVisibility(false);
  }

  function slice(idle: IdleDeadline): void {
    handle = undefined;
    if (stopped) return;
    const deadline = performance.now() + Math.max(4, Math.min(idle.timeRemaining(), SLICE_MS));
    walk(deadline);
    if (withCandidates.length > 0) {
      if (validator) link(deadline, validator);
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
    if (validator || withCandidates.length === 0) schedule();
  }

  observer.observe(doc, OBSERVE);
  schedule();

  return {
    links,
    validator: () => validator,
    stop() {
      stopped = true;
      if (handle !== undefined) cancelIdleCallback(handle);
      observer.disconnect();
      unlinkAll(links);
    },
  };
}
