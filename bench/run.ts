// `npm run bench`: detection throughput (Node), the content script's cost in
// Chromium (ordinary pages, and issue 8's hostile pages against its targets),
// the size of what every page loads, how soon a click becomes an INVITE and
// the phone document's memory over 200 calls (issue 12), in one run. Writes
// bench-results/results.json and prints the figures. Build dist/ first
// (the npm script does).
import { mkdir, writeFile } from 'node:fs/promises';
import { benchChromium } from './chromium-cost';
import { benchClickToCall } from './click-to-call';
import { benchPhoneMemory, leftBehind } from './phone-memory';
import { contentScriptSize } from './content-script-size';
import { benchThroughput } from './detection-throughput';
import { benchHostilePages } from './hostile-pages';
import { benchReregistration } from './reregistration';

const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  const started = Date.now();
  const throughput = benchThroughput();
  const size = contentScriptSize();
  const chromium = await benchChromium();
  const hostile = await benchHostilePages();
  const reregistration = await benchReregistration();
  const clickToCall = await benchClickToCall();
  const memory = await benchPhoneMemory();
  const results = {
    at: new Date().toISOString(),
    node: process.version,
    throughput,
    size,
    chromium,
    hostile,
    reregistration,
    clickToCall,
    memory,
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/results.json', `${JSON.stringify(results, null, 2)}\n`);

  const t = throughput;
  console.log(`\nDetection on ${f1(t.bytes / 1048576)} MiB of mixed text (default country US):`);
  console.table({
    'libphonenumber-js findPhoneNumbersInText': { ms: f1(t.library.ms), 'MB/s': f1(t.library.mbPerS), numbers: t.library.numbers },
    'ClickDial two-stage detector': { ms: f1(t.ours.ms), 'MB/s': f1(t.ours.mbPerS), numbers: t.ours.numbers },
    'stage 1 only (every page)': {
      ms: f1(t.stage1Only.ms),
      'MB/s': f1(t.stage1Only.mbPerS),
      numbers: `${t.stage1Only.candidates} candidates`,
    },
  });
  console.log(
    `${t.text.numbers} phone numbers (${t.text.distinctNumbers} distinct), ${t.text.candidates} stage-1 candidates ` +
      `(${t.text.distinctCandidates} distinct).`,
  );
  console.log(`Speed-up: ${f1(t.speedup)}x ${t.speedup >= 25 ? 'ok' : 'OVER'} (target: at least 25x)`);
  console.log(`Throughput: ${f1(t.ours.mbPerS)} MB/s ${t.ours.mbPerS >= 50 ? 'ok' : 'OVER'} (target: at least 50 MB/s)`);
  const c = t.corpus;
  console.log(
    `Corpus: ${c.lines} lines, ${c.countries} countries; ours matches the labels on ${c.oursMatchesLabels}, ` +
      `the library's results on ${c.sameAsLibrary}; ${c.libraryFalsePositives.length} lines where only the library links a labelled false positive; ` +
      `${c.otherDifferences.length} other differences.`,
  );
  for (const d of c.libraryFalsePositives) console.log(`  library only: ${d}`);
  for (const d of c.otherDifferences) console.log(`  DIFFERENT: ${d}`);
  console.log(
    `\nEvery page loads ${size.everyPage.files.length} files, ${size.everyPage.bytes} bytes, ${size.everyPage.gzipBytes} bytes gzipped.`,
  );
  console.log('Pages with candidate digits load nothing more: stage 2 runs in the service worker (content.findNumbers).');
  console.log(
    `\nContent script cost in Chromium (ms, medians of ${chromium[0]?.runs ?? 0} loads each; baseline = same page, no extension):`,
  );
  console.table(
    chromium.map((r) => ({
      page: `${r.page} ${r.withNumbers ? 'with numbers' : 'no numbers'}`,
      linked: r.linked,
      'our script': f1(r.scriptMs),
      'longest task running our script': f1(r.longestOurTaskMs),
      'longest task (baseline)': `${f1(r.longestTaskMs)} (${f1(r.longestTaskBaselineMs)})`,
      'main thread total (baseline)': `${f1(r.mainThreadMs)} (${f1(r.mainThreadBaselineMs)})`,
      'ratio (target <= 1.15)': `${r.mainThreadRatio.toFixed(2)} ${r.mainThreadRatio <= 1.15 ? 'ok' : 'OVER'}`,
      'empty content script: ratio': r.emptyScriptRatio === undefined ? '-' : r.emptyScriptRatio.toFixed(2),
      'tasks > 50 ms (baseline; target <= +2)': `${r.tasksOver50} (${r.tasksOver50Baseline}) ${r.tasksOver50 <= r.tasksOver50Baseline + 2 ? 'ok' : 'OVER'}`,
      'HTML chars (baseline)': `${r.htmlChars} (${r.htmlCharsBaseline})`,
      'per link (target <= 150)': r.linked > 0 ? f1(r.charsPerLink) : '-',
    })),
  );
  console.log(
    'Empty content script: an extension whose page script has no code, against the same baseline (what Chrome costs a page for any content script; a reference, not the target).',
  );
  console.log(
    '\nHostile pages (ClickDial against the same page without any extension; targets: main thread at most 2x, peak memory under 2x):',
  );
  console.table(
    hostile.map((r) => ({
      page: r.page,
      linked: `${r.linked}${r.capped ? ' (capped)' : ''}${r.crashed ? ' CRASHED' : ''}`,
      'main thread ms (baseline)': `${f1(r.mainThreadMs)} (${f1(r.mainThreadBaselineMs)})`,
      'main thread ratio': `${r.mainThreadRatio.toFixed(2)}x ${r.mainThreadRatio <= 2 ? 'ok' : 'OVER'}`,
      'our script ms, longest task': `${f1(r.scriptMs)}, ${f1(r.longestOurTaskMs)}`,
      'renderer peak MB (baseline)': `${f1(r.peakRssMb)} (${f1(r.peakRssBaselineMb)})`,
      'memory ratio': `${r.peakRssRatio.toFixed(2)}x ${r.peakRssRatio < 2 ? 'ok' : 'OVER'}`,
      'JS heap peak MB (baseline)': `${f1(r.peakJsHeapMb)} (${f1(r.peakJsHeapBaselineMb)})`,
      'DOM nodes (baseline)': `${r.domNodes} (${r.domNodesBaseline})`,
    })),
  );
  const r = reregistration;
  console.log(
    `\nRe-registration after the SIP server comes back (baseline: a first registration, ${r.baselineMs} ms; target: within 5 s):`,
  );
  console.table(
    r.outages.map((o) => ({
      outage: `${o.outageS} s`,
      'registered after the server was back': `${f1(o.backMs / 1000)} s ${o.backMs <= 5000 ? 'ok' : 'OVER'}`,
      'ratio to baseline': `${o.ratio.toFixed(1)}x`,
    })),
  );
  console.log(`\nClick to call, ${clickToCall.rounds} calls per figure (${clickToCall.clickPath}):`);
  console.table(
    clickToCall.figures.map((f) => ({
      figure: f.name,
      'median ms': f1(f.summary.median),
      'p90 ms': f1(f.summary.p90),
      target: `<= ${f.targetMs} ms ${f.ok ? 'ok' : 'OVER'}`,
      baseline: f.baselineName,
      'baseline median (p90)': `${f1(f.baseline.median)} (${f1(f.baseline.p90)})`,
      'ratio to baseline': `${f.ratio.toFixed(2)}x`,
    })),
  );
  console.log(
    `The popup's first paint showed "Starting the phone…" before the state in ${clickToCall.popupLoadingFirst} of ${clickToCall.rounds} opens; ` +
      `the first page click after the phone started (not counted) took ${f1(clickToCall.firstPageClickMs)} ms.`,
  );
  const m = memory;
  console.log(
    `\nThe phone document over ${m.calls} calls (${m.secondsPerCall.toFixed(2)} s each; read idle, after garbage collection; ` +
      `target: heap within 2 MB of the heap after the first call, nothing left behind):`,
  );
  console.table(
    m.points.map((p) => ({
      'after call': p.calls,
      'JS heap MB': p.heapUsedMb.toFixed(2),
      'peer connections (open)': `${p.peerConnections} (${p.openPeerConnections})`,
      'call audio elements (in document)': `${p.audioElements} (${p.audioInDocument})`,
      'live microphone tracks': p.liveMicrophoneTracks,
      'SIP.js sessions (in tables)': `${p.sessions} (${p.sessionTableEntries})`,
      'listeners on window, on the document': `${p.windowListeners}, ${p.documentListeners}`,
      'left behind': leftBehind(p).join(', ') || 'nothing',
    })),
  );
  console.log(
    `Heap growth from the 1st call to the ${m.calls}th: ${m.growthMb.toFixed(2)} MB (${m.ratio.toFixed(2)}x the baseline) ${m.ok ? 'ok' : 'OVER'}`,
  );
  console.log(`\nWritten to bench-results/results.json in ${f1((Date.now() - started) / 1000)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
