// Issue 8's hostile pages in Chromium (test/e2e/harness/hostile-pages.ts):
// one 1 MB text node with 60,000 numbers, and 100,000 spans of one number
// each, loaded with ClickDial and without any extension. Reported per page:
// the links made and whether the page said it was capped; main-thread task
// time (a CDP trace, as in chromium-cost.ts) with and without, over the same
// stretch of time; and peak memory with and without: the renderer process's
// peak resident size (VmHWM of the page's own process: each page is served
// from its own loopback address, so it gets a fresh process), the peak JS
// heap (sampled every 250 ms) and the DOM node count. Targets: main thread at
// most 2x and peak memory under 2x the page without the extension.
import { readdir, readFile } from 'node:fs/promises';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchBrowser } from '../test/e2e/harness/browser';
import { startHostilePageServer, type HostilePage, type HostilePageServer } from '../test/e2e/harness/hostile-pages';
import { analyse, CATEGORIES, type TraceEvent } from './chromium-cost';

const PAGES: { page: HostilePage; name: string; host: string }[] = [
  { page: 'huge-text-node', name: '1 MB text node, 60,000 numbers', host: '127.0.0.2' },
  { page: 'many-spans', name: '100,000 spans, a number each', host: '127.0.0.3' },
];
const SAMPLE_MS = 250;
/** Done when our links have not changed for this long (and at least MIN_MS after load). */
const QUIET_MS = 3000;
const MIN_MS = 4000;
const MAX_MS = 90_000;

export interface HostileCost {
  page: string;
  linked: number;
  capped: boolean;
  crashed: boolean;
  /** How long after load the extension's run was measured; the baseline is measured as long. */
  measuredMs: number;
  mainThreadMs: number;
  mainThreadBaselineMs: number;
  mainThreadRatio: number;
  longestOurTaskMs: number;
  scriptMs: number;
  peakRssMb: number;
  peakRssBaselineMb: number;
  peakRssRatio: number;
  peakJsHeapMb: number;
  peakJsHeapBaselineMb: number;
  domNodes: number;
  domNodesBaseline: number;
}

interface Run {
  events: TraceEvent[];
  linked: number;
  capped: boolean;
  crashed: boolean;
  measuredMs: number;
  peakRssKb: number;
  peakJsHeap: number;
  domNodes: number;
}

/** Peak resident size (VmHWM, KB) of every renderer process of web pages now (extension processes excluded). */
async function pageRenderers(): Promise<Map<number, number>> {
  const peaks = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes('--type=renderer') || cmdline.includes('--extension-process')) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    peaks.set(Number(entry), Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }
  return peaks;
}

/**
 * The page's renderer is the one whose peak grew most while it loaded: a new
 * process, or the blank tab's that the navigation took over (its peak before
 * is that of an empty page, far below).
 */
function pagePeakKb(before: Map<number, number>, after: Map<number, number>): number {
  let best = { growth: -1, peak: 0 };
  for (const [pid, peak] of after) {
    const growth = peak - (before.get(pid) ?? 0);
    if (growth > best.growth) best = { growth, peak };
  }
  return best.peak;
}

async function capped(worker: Worker, url: string): Promise<boolean> {
  const reply = (await worker
    .evaluate(async (pageUrl): Promise<unknown> => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      return tab?.id === undefined
        ? undefined
        : chrome.tabs.sendMessage(tab.id, { target: 'content', type: 'content.status', payload: {} }, { frameId: 0 });
    }, url)
    .catch(() => undefined)) as { ok?: boolean; value?: { capped?: boolean } } | undefined;
  return reply?.value?.capped === true;
}

async function run(context: BrowserContext, url: string, worker: Worker | undefined, fixedMs: number | undefined): Promise<Run> {
  const before = await pageRenderers();
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => {
    crashed = true;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const loaded = Date.now();
  let peakJsHeap = 0;
  let domNodes = 0;
  let linked = 0;
  let changed = loaded;
  for (;;) {
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    if (crashed) break;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    peakJsHeap = Math.max(peakJsHeap, metric('JSHeapUsedSize'));
    domNodes = Math.max(domNodes, metric('Nodes'));
    const elapsed = Date.now() - loaded;
    // Counting our links is a query over the whole page on its main thread: the
    // baseline run makes the same query, so both carry its cost alike.
    const now = await page.locator('a[title$="Call with ClickDial"]').count();
    if (fixedMs !== undefined) {
      if (elapsed >= fixedMs) break;
      continue;
    }
    if (now !== linked) {
      linked = now;
      changed = Date.now();
    }
    if ((elapsed >= MIN_MS && Date.now() - changed >= QUIET_MS) || elapsed >= MAX_MS) break;
  }
  const measuredMs = Date.now() - loaded;
  await cdp.send('Tracing.end');
  await complete;
  const peak = pagePeakKb(before, await pageRenderers());
  const isCapped = worker ? await capped(worker, url) : false;
  await page.close();
  return { events, linked, capped: isCapped, crashed, measuredMs, peakRssKb: peak, peakJsHeap, domNodes };
}

const mb = (bytes: number) => bytes / 1048576;

export async function benchHostilePages(dist = 'dist'): Promise<HostileCost[]> {
  const servers = new Map<string, HostilePageServer>();
  for (const { host } of PAGES) servers.set(host, await startHostilePageServer(host));
  const baseline = await launchBrowser({ extensionPath: null });
  const withExtension = await launchBrowser({ extensionPath: dist });
  const results: HostileCost[] = [];
  try {
    // The worker registers the page script on install: pages opened before get none.
    for (
      let i = 0;
      i < 100 &&
      (await withExtension.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) === 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const { page, name, host } of PAGES) {
      const url = (servers.get(host) as HostilePageServer).url(page);
      const ours = await run(withExtension.context, url, withExtension.serviceWorker, undefined);
      const base = await run(baseline.context, url, undefined, ours.measuredMs);
      const a = ours.crashed ? undefined : analyse(ours.events, url);
      const b = analyse(base.events, url);
      results.push({
        page: name,
        linked: ours.linked,
        capped: ours.capped,
        crashed: ours.crashed,
        measuredMs: ours.measuredMs,
        mainThreadMs: a?.mainThreadMs ?? NaN,
        mainThreadBaselineMs: b.mainThreadMs,
        mainThreadRatio: (a?.mainThreadMs ?? NaN) / b.mainThreadMs,
        longestOurTaskMs: a?.longestOurTaskMs ?? NaN,
        scriptMs: a?.scriptMs ?? NaN,
        peakRssMb: ours.peakRssKb / 1024,
        peakRssBaselineMb: base.peakRssKb / 1024,
        peakRssRatio: ours.peakRssKb / base.peakRssKb,
        peakJsHeapMb: mb(ours.peakJsHeap),
        peakJsHeapBaselineMb: mb(base.peakJsHeap),
        domNodes: ours.domNodes,
        domNodesBaseline: base.domNodes,
      });
    }
  } finally {
    await withExtension.close();
    await baseline.close();
    for (const server of servers.values()) await server.close();
  }
  return results;
}
