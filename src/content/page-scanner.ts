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
// candidate digits is set aside), parks the set-aside text until it is near
// the viewport (near-viewport.ts), then sends near text, a window per node, to
// stage 2 (the caller's findNumbers: the service worker runs it, off this
// page's main thread; one request at a time) and links what comes back.
// A burst of mutations (more than BURST queued nodes) is dropped for one full
// rescan.
//
// Bounded on hostile pages (the limits and why: link-limits.ts). Inside a
// slice, one text node moves through these states, and may stop in any of
// them at the end of a slice to go on in the next (a 1 MB node takes many):
//
//   walked ──long──▶ stage 1 window by window ──no candidate──▶ dropped
//     │                      │ a candidate
//     ▼ short, candidate     ▼
//   set aside ──(up to MAX_PARKED_TEXTS)──▶ parked
//     ▼ its parent near the viewport (near-viewport.ts)
//   near (the observer reports rendered elements only: hidden text waits, parked, until shown)
//     ▼
//   a job: checked a window per request, until its end or one number past its
//   limit (capped: the rest stays as is)
//     ▼ finished
//   found ──all near text checked: written in one batch──▶ linked
//
// A node that changes meanwhile is dropped wherever it is (its mutation
// queues it again). Stage 1 stops setting text aside while MAX_PARKED_TEXTS
// wait and more than the page has room for is set aside besides. Once the page
// cap is reached and another number is found, the page is full: set-aside and
// parked text is dropped unchecked, and the walk waits (where it was) until
// our links leave the page.
import { MAX_LINKS_PER_NODE, MAX_LINKS_PER_PAGE, MAX_PARKED_TEXTS, STAGE_TWO_RETRY_MS, WINDOW_CHARS } from './link-limits';
import type { FindNumbersRequest, WindowNumbers } from '../shared/find-numbers-request';
import { MAX_REQUEST_CHARS, MAX_WINDOWS_PER_REQUEST } from '../shared/find-numbers-request';
import { createLinkRegistry, type LinkRegistry } from './link-registry';
import { createLinkStyle } from './link-style';
import { hasCandidate } from '../shared/find-candidates';
import { linkNumbers, type NumberToLink } from './link-numbers';
import { NearViewport } from './near-viewport';
import { insideSkipped, skipsSubtree } from './skip-rules';
import { Fifo } from './fifo';
import { contextWindow, windowCandidates, windowEnd, type InText } from './text-windows';

/** Stage 2: one reply per window, in order (the service worker's content.findNumbers). */
export type FindNumbers = (request: FindNumbersRequest) => Promise<WindowNumbers[]>;

/** Visible set-aside text being checked, a window per request. */
interface Job extends InText {
  /** Numbers found so far, with offsets into `data`. */
  numbers: NumberToLink[];
  /** Links this node may get; one number more means it has more than we link. */
  limit: number;
}

const SLICE_MS = 8;
const BURST = 1000;
const IDLE_TIMEOUT_MS = 500;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface ScanStatus {
  /** Our links in the page now. */
  links: number;
  /** A cap was reached: the page has numbers we did not link. */
  capped: boolean;
}

export interface PageScanner {
  links: LinkRegistry;
  status(): ScanStatus;
  stop(): void;
}

interface Found {
  text: Text;
  data: string;
  numbers: NumberToLink[];
}

export function startPageScanner(doc: Document, defaultCountry: string, findNumbers: FindNumbers): PageScanner {
  const links = createLinkRegistry();
  const linkStyle = createLinkStyle(doc);
  const scanned = new WeakMap<Text, string>(); // text node → the data it had when scanned
  const roots: Node[] = [doc];
  const longTexts = new Fifo<InText>();
  const withCandidates = new Fifo<InText>();
  const nearTexts = new Fifo<InText>(); // parked text that came near the viewport, to check
  const found: Found[] = [];
  const observed: Node[] = [doc];
  const observedSet = new WeakSet<Node>([doc]);
  let walker: TreeWalker | undefined;
  let jobs: Job[] = [];
  let inFlight = false; // a request, or the wait before one is tried again
  let failures = 0; // requests in a row the worker did not answer
  let retry: ReturnType<typeof setTimeout> | undefined;
  let foundNumbers = 0;
  const near = new NearViewport((texts) => {
    if (stopped) return;
    for (const text of texts) nearTexts.push(text);
    stageTwo();
    schedule();
  });
  let capped = false;
  let handle: number | undefined;
  let stopped = false;
  let pageChanged = false; // since parked text was last pruned

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
    observer.observe(root, OBSERVE);
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
    if (records.length > 0) pageChanged = true;
    for (const record of records) {
      if (record.type === 'characterData') {
        queue(record.target);
      } else {
        for (const node of record.addedNodes) queue(node);
      }
    }
    schedule();
  }
  const observer = new MutationObserver(onRecords);

  function hasWork(): boolean {
    // The walk waits while more is set aside than the page has room for (and cannot be parked).
    const walking = (roots.length > 0 || walker !== undefined || longTexts.length > 0) && withCandidates.length <= roomLeft();
    // While a request is out, stage 2 waits for its reply (which schedules again).
    const toPark = withCandidates.length > 0 && near.size < MAX_PARKED_TEXTS;
    return walking || toPark || (!inFlight && (nearTexts.length > 0 || jobs.length > 0 || found.length > 0));
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
    // Too short for a number: not remembered either (half a page's text nodes are the
    // whitespace between its elements, and each entry in a WeakMap costs the page).
    if (data.length < 6) return;
    if (scanned.get(text) === data) return;
    scanned.set(text, data);
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

  /** Set-aside text waits until it is near the viewport (near-viewport.ts). */
  function parkCandidates(): void {
    while (near.size < MAX_PARKED_TEXTS) {
      const next = withCandidates.shift();
      if (!next) return;
      if (next.text.isConnected && next.text.data === next.data) near.park(next);
    }
  }

  /** Writes the links of what was found: the only place the scanner changes the page. */
  function apply(): void {
    if (stopped || found.length === 0) return;
    // Our own changes are not news: take the page's records first, drop ours after.
    onRecords(observer.takeRecords());
    for (const { text, data, numbers } of found) {
      // Changed since it was checked: its mutation has queued it again.
      if (!text.isConnected || text.data !== data) continue;
      linkStyle.styleRoot(text);
      for (const rest of linkNumbers(text, numbers, links)) scanned.set(rest, rest.data);
    }
    observer.takeRecords();
    found.length = 0;
    foundNumbers = 0;
  }

  /** Links the page may still get: its cap less ours in it and those found, not yet written. */
  function roomLeft(): number {
    return MAX_LINKS_PER_PAGE - links.live() - foundNumbers;
  }

  /** Near text that is still there, unchanged, becomes a job, as many as one request takes. */
  function startJobs(room: number): void {
    while (jobs.length < MAX_WINDOWS_PER_REQUEST) {
      if (room <= 0 && capped) {
        dropUnchecked(); // the page has all the links it gets; the rest stays as it is
        return;
      }
      const next = nearTexts.shift();
      if (!next) return;
      const { text } = next;
      // No read of style or layout here: a read after our last writes made the browser
      // lay out the page again once per reply (seconds on a page of 100,000 spans).
      if (!text.isConnected || !text.parentElement || text.data !== next.data) continue;
      jobs.push({ ...next, numbers: [], limit: Math.max(0, Math.min(MAX_LINKS_PER_NODE, room)) });
    }
  }

  /** Stage 2: the next window of each job (as many as fit) goes to findNumbers; the reply is taken in. */
  function sendJobs(): void {
    const sent: { job: Job; base: number; to: number }[] = [];
    const windows: FindNumbersRequest['windows'] = [];
    let chars = 0;
    for (const job of jobs) {
      const to = windowEnd(job.data, job.from);
      const window = contextWindow(job.data, job.from, to);
      if (sent.length > 0 && chars + window.text.length > MAX_REQUEST_CHARS) break;
      chars += window.text.length;
      windows.push({ text: window.text, from: job.from - window.base, to: to - window.base, limit: job.limit + 1 - job.numbers.length });
      sent.push({ job, base: window.base, to });
    }
    if (sent.length === 0) return;
    inFlight = true;
    findNumbers({ country: defaultCountry, windows }).then(
      (replies) => {
        inFlight = false;
        failures = 0;
        if (stopped) return;
        const finished = new Set<Job>();
        const gone = new Set<Job>();
        sent.forEach(({ job, base, to }, i) => {
          const reply = replies[i];
          // Changed meanwhile: dropped (its mutation queues it again).
          if (!reply || !job.text.isConnected || job.text.data !== job.data) return void gone.add(job);
          for (const n of reply.numbers) job.numbers.push({ ...n, start: base + n.start, end: base + n.end });
          job.from = Math.max(to, base + reply.checkedTo);
          if (job.numbers.length > job.limit || job.from >= job.data.length) finished.add(job);
        });
        takeFinished(finished, gone);
        // The next request goes at once: an idle callback asked for now would run
        // in the next idle period only, one request per 50 ms on a quiet page.
        stageTwo();
        writeWhenChecked();
        schedule();
      },
      () => {
        if (stopped) return;
        // The worker could not answer (stopped while it checked, or still starting): the
        // same windows go again after a pause; a static page would otherwise keep its
        // numbers unlinked for good.
        const pause = STAGE_TWO_RETRY_MS[failures++];
        if (pause !== undefined) {
          retry = setTimeout(() => {
            retry = undefined;
            inFlight = false;
            stageTwo();
            schedule();
          }, pause);
          return;
        }
        // Still nothing: left as they are; a later change of the page tries again.
        failures = 0;
        inFlight = false;
        for (const { job } of sent) scanned.delete(job.text);
        const gone = new Set(sent.map((s) => s.job));
        jobs = jobs.filter((job) => !gone.has(job));
        writeWhenChecked();
        schedule();
      },
    );
  }

  /** Finished jobs' numbers are found (within the page's room); the rest go on with their next window. */
  function takeFinished(finished: ReadonlySet<Job>, gone: ReadonlySet<Job>): void {
    let room = roomLeft();
    const going: Job[] = [];
    for (const job of jobs) {
      if (gone.has(job)) continue;
      if (!finished.has(job)) {
        going.push(job);
        continue;
      }
      const numbers = job.numbers;
      const allowed = Math.max(0, Math.min(job.limit, room));
      if (numbers.length > allowed) {
        capped = true;
        numbers.length = allowed;
      }
      if (numbers.length > 0) {
        found.push({ text: job.text, data: job.data, numbers });
        foundNumbers += numbers.length;
        room -= numbers.length;
      }
    }
    jobs = going;
  }

  /**
   * What was found is written once all the near text is checked, in one batch:
   * the browser lays the page out again after each batch of writes, and near
   * text can take many requests (a page of 100,000 spans has a thousand near).
   */
  function writeWhenChecked(): void {
    if (jobs.length === 0 && nearTexts.length === 0) apply();
  }

  /** Full: what waits to be checked is dropped as it is. */
  function dropUnchecked(): void {
    withCandidates.clear();
    nearTexts.clear();
    near.clear();
  }

  function slice(idle: IdleDeadline): void {
    handle = undefined;
    if (stopped) return;
    const deadline = performance.now() + Math.max(4, Math.min(idle.timeRemaining(), SLICE_MS));
    if (pageChanged) {
      // Only a change of the page's can have made parked text stale.
      pageChanged = false;
      near.prune();
    }
    const room = roomLeft();
    if (capped && room <= 0) {
      // Full: nothing is walked or checked (and no slice scheduled) until a
      // change of the page's, which may have taken some of our links out.
      dropUnchecked();
      longTexts.clear();
      return;
    }
    walk(deadline, room);
    stageTwo();
    schedule();
  }

  /** Parks what was set aside; sends the next request for near text unless one is out. */
  function stageTwo(): void {
    if (stopped) return;
    parkCandidates();
    if (inFlight) return;
    startJobs(roomLeft());
    if (jobs.length > 0) sendJobs();
  }

  observer.observe(doc, OBSERVE);
  schedule();

  return {
    links,
    status: () => ({ links: links.live(), capped }),
    stop() {
      stopped = true;
      if (handle !== undefined) cancelIdleCallback(handle);
      if (retry !== undefined) clearTimeout(retry);
      observer.disconnect();
      links.unlinkAll();
      near.stop();
      linkStyle.remove();
    },
  };
}
