// What the content script costs a real page in Chromium: pages of 100 KB,
// 1 MB and 5 MB, with and without phone numbers, loaded with ClickDial and
// without any extension. A CDP trace of each load gives the main thread's
// tasks; a task "is ours" when extension script runs inside it. Reported:
// the time our script runs, the longest task that runs our script, the
// page's own longest task, and total main-thread task time with and without.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/harness/browser';
import { mixedText } from './mixed-text';

const SIZES = [
  ['100 KB', 100_000],
  ['1 MB', 1_000_000],
  ['5 MB', 5_000_000],
] as const;
export const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'].join(',');
const SETTLE_MS = 2500;
/** Pages also loaded with the empty content script (the larger ones vary more from load to load than it costs). */
const FLOOR_PAGES = new Set<string>(['100 KB', '1 MB']);
/** Loads of each page with and without ClickDial; medians are reported. */
const RUNS = 9;

type Analysis = ReturnType<typeof analyse>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; frame?: string }; beginData?: { url?: string }; name?: string };
}

export interface PageCost {
  page: string;
  withNumbers: boolean;
  linked: number;
  /** Loads with and without ClickDial: every figure below is the median over them. */
  runs: number;
  /** Time extension script ran on the main thread (top-level script events), ms. */
  scriptMs: number;
  /** Longest main-thread task in which extension script ran, ms. */
  longestOurTaskMs: number;
  /** Longest main-thread task of the load with the extension, and without any extension, ms. */
  longestTaskMs: number;
  longestTaskBaselineMs: number;
  /** Sum of main-thread task time with ClickDial and without any extension, ms. */
  mainThreadMs: number;
  mainThreadBaselineMs: number;
  /** mainThreadMs / mainThreadBaselineMs (target: at most 1.15). */
  mainThreadRatio: number;
  /**
   * Main-thread time with an extension whose content script is empty (no code at all), and its
   * ratio to the baseline: Chrome's own cost of injecting a content script. Only on FLOOR_PAGES.
   */
  mainThreadEmptyScriptMs?: number;
  emptyScriptRatio?: number;
  /** Main-thread tasks over 50 ms (any cause: parsing, layout after our links) with ClickDial and without. */
  tasksOver50: number;
  tasksOver50Baseline: number;
  /** The page's serialised HTML (outerHTML) with ClickDial's links, and without any extension, characters. */
  htmlChars: number;
  htmlCharsBaseline: number;
  /** What each link adds to it (target: at most 150). */
  charsPerLink: number;
}

function pageHtml(bytes: number, withNumbers: boolean): string {
  // Paragraphs of five lines; without numbers the years, times and counts of the prose are the only digits.
  const lines = mixedText(bytes, withNumbers).split('\n');
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += 5)
    paragraphs.push(
      `<p>${lines
        .slice(i, i + 5)
        .join(' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')}</p>`,
    );
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>\n${paragraphs.join('\n')}\n</body></html>`;
}

const ourLinks = (page: Page): Promise<number> => page.locator('a[title$="Call with ClickDial"]').count();

/**
 * With ClickDial (settleMs undefined) the trace runs until our links have
 * stopped changing for a second (at least SETTLE_MS after the load), so that
 * all of our work is inside it; the baseline load then runs as long as that.
 */
async function trace(
  context: BrowserContext,
  url: string,
  extensionId: string | undefined,
  settleMs?: number,
): Promise<{ events: TraceEvent[]; linked: number; htmlChars: number; settledMs: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const loaded = performance.now();
  // The baseline load is polled the same way: each look at the page is main-thread work of its own.
  let last = -1;
  let stableSince = loaded;
  while (performance.now() - loaded < (settleMs ?? 20_000)) {
    await page.waitForTimeout(250);
    const now = await ourLinks(page);
    if (now !== last) [last, stableSince] = [now, performance.now()];
    if (settleMs === undefined && performance.now() - stableSince >= 1000 && performance.now() - loaded >= SETTLE_MS) break;
  }
  const settledMs = performance.now() - loaded;
  await cdp.send('Tracing.end');
  await complete;
  const linked = extensionId ? await ourLinks(page) : 0;
  // What a page that saves or copies its HTML (a rich editor, a CRM) carries along.
  const htmlChars = await page.evaluate(() => document.documentElement.outerHTML.length);
  await page.close();
  return { events, linked, htmlChars, settledMs };
}

export function analyse(
  events: TraceEvent[],
  url: string,
): { scriptMs: number; longestOurTaskMs: number; longestTaskMs: number; mainThreadMs: number; tasksOver50: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML for ${url} in the trace`);
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  // A task shows up as ThreadControllerImpl::RunTask with a RunTask inside (or as one of them):
  // count the outermost only, or the main thread's time is counted twice.
  const tasks: TraceEvent[] = [];
  let taskEnd = -1;
  for (const e of main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts)) {
    if (e.ts < taskEnd) continue;
    tasks.push(e);
    taskEnd = e.ts + (e.dur ?? 0);
  }
  const isOurs = (e: TraceEvent): boolean => {
    const u = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
    return u.startsWith('chrome-extension://');
  };
  const ours = main.filter(
    (e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'v8.run') && isOurs(e),
  );
  // Top-level only: nested calls are inside an outer one already counted.
  ours.sort((a, b) => a.ts - b.ts);
  let scriptUs = 0;
  let until = -1;
  for (const e of ours) {
    if (e.ts >= until) {
      scriptUs += e.dur ?? 0;
      until = e.ts + (e.dur ?? 0);
    }
  }
  let longestOur = 0;
  let longest = 0;
  let total = 0;
  let tasksOver50 = 0;
  let next = 0; // tasks and our events are both in time order
  for (const task of tasks) {
    if ((task.dur ?? 0) > 50_000) tasksOver50++;
    const end = task.ts + (task.dur ?? 0);
    longest = Math.max(longest, task.dur ?? 0);
    total += task.dur ?? 0;
    while (next < ours.length && (ours[next] as TraceEvent).ts < task.ts) next++;
    if (next < ours.length && (ours[next] as TraceEvent).ts < end) longestOur = Math.max(longestOur, task.dur ?? 0);
  }
  return {
    scriptMs: scriptUs / 1000,
    longestOurTaskMs: longestOur / 1000,
    longestTaskMs: longest / 1000,
    mainThreadMs: total / 1000,
    tasksOver50,
  };
}

/** An extension with nothing but an empty content script on the bench's pages (and the service worker the harness waits for). */
async function writeEmptyScriptExtension(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'empty content script',
    version: '1',
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['page.js'], run_at: 'document_idle', all_frames: true }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'worker.js'), '');
  await writeFile(join(dir, 'page.js'), '');
}

export async function benchChromium(dist = 'dist'): Promise<PageCost[]> {
  const dir = await mkdtemp(join(tmpdir(), 'clickdial-bench-'));
  await writeEmptyScriptExtension(join(dir, 'empty-extension'));
  const server = createServer((req, res) => {
    import('node:fs')
      .then(({ createReadStream }) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        createReadStream(join(dir, (req.url ?? '/').replace(/[^a-z0-9.-]/gi, '')))
          .on('error', () => res.end())
          .pipe(res);
      })
      .catch(() => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const pages: { name: string; url: string; withNumbers: boolean }[] = [];
  for (const [label, bytes] of SIZES) {
    for (const withNumbers of [true, false]) {
      const file = `page-${bytes}-${withNumbers ? 'numbers' : 'plain'}.html`;
      await writeFile(join(dir, file), pageHtml(bytes, withNumbers));
      pages.push({ name: label, url: `http://127.0.0.1:${port}/${file}`, withNumbers });
    }
  }
  const results: PageCost[] = [];
  const baseline = await launchBrowser({ extensionPath: null });
  const withExtension = await launchBrowser({ extensionPath: dist });
  const emptyScript = await launchBrowser({ extensionPath: join(dir, 'empty-extension') });
  try {
    // One load of each browser first: the first page a fresh profile opens pays for
    // its caches (and the extension's registration of its page script), not for ClickDial.
    const warmUp = pages[0] as (typeof pages)[number];
    await trace(baseline.context, warmUp.url, undefined, SETTLE_MS);
    await trace(withExtension.context, warmUp.url, withExtension.extensionId);
    await trace(emptyScript.context, warmUp.url, undefined, SETTLE_MS);
    for (const p of pages) {
      // Loads alternate between the browsers, RUNS of each; the medians are
      // compared (one load of a 5 MB page varies by 30 % from the next).
      const base: Analysis[] = [];
      const ours: Analysis[] = [];
      const empty: Analysis[] = [];
      const withFloor = FLOOR_PAGES.has(p.name);
      let baseRun = { linked: 0, htmlChars: 0 };
      let run = { linked: 0, htmlChars: 0 };
      for (let i = 0; i < RUNS; i++) {
        const o = await trace(withExtension.context, p.url, withExtension.extensionId);
        ours.push(analyse(o.events, p.url));
        run = o;
        const b = await trace(baseline.context, p.url, undefined, o.settledMs);
        base.push(analyse(b.events, p.url));
        baseRun = b;
        if (withFloor) empty.push(analyse((await trace(emptyScript.context, p.url, undefined, o.settledMs)).events, p.url));
      }
      const m = (list: Analysis[], key: keyof Analysis): number => median(list.map((a) => a[key]));
      results.push({
        page: p.name,
        withNumbers: p.withNumbers,
        linked: run.linked,
        runs: RUNS,
        scriptMs: m(ours, 'scriptMs'),
        longestOurTaskMs: m(ours, 'longestOurTaskMs'),
        longestTaskMs: m(ours, 'longestTaskMs'),
        longestTaskBaselineMs: m(base, 'longestTaskMs'),
        mainThreadMs: m(ours, 'mainThreadMs'),
        mainThreadBaselineMs: m(base, 'mainThreadMs'),
        mainThreadRatio: m(ours, 'mainThreadMs') / m(base, 'mainThreadMs'),
        ...(withFloor && {
          mainThreadEmptyScriptMs: m(empty, 'mainThreadMs'),
          emptyScriptRatio: m(empty, 'mainThreadMs') / m(base, 'mainThreadMs'),
        }),
        tasksOver50: m(ours, 'tasksOver50'),
        tasksOver50Baseline: m(base, 'tasksOver50'),
        htmlChars: run.htmlChars,
        htmlCharsBaseline: baseRun.htmlChars,
        charsPerLink: run.linked > 0 ? (run.htmlChars - baseRun.htmlChars) / run.linked : 0,
      });
    }
  } finally {
    await emptyScript.close();
    await withExtension.close();
    await baseline.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
