// What every page loads: the content script's loader from dist/manifest.json
// plus every chunk it imports statically (gzipped, as served over the wire
// would not apply, but it is the usual measure of "small"); and what loads
// only on pages with candidate digits (the dynamically imported validator).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:import|export)\s*(?:[^"'`;]*?from\s*)?["']\.\/([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g;

export interface SizeResult {
  everyPage: { files: string[]; bytes: number; gzipBytes: number };
  onDemand: { files: string[]; bytes: number; gzipBytes: number };
}

function closure(dist: string, start: string[], pattern: RegExp): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  for (let file = todo.pop(); file; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(pattern)) todo.push(dir + m[1]);
  }
  return seen;
}

function measure(dist: string, files: Iterable<string>): { files: string[]; bytes: number; gzipBytes: number } {
  const list = [...files].sort();
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of list) {
    const code = readFileSync(join(dist, file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files: list, bytes, gzipBytes };
}

export function contentScriptSize(dist = 'dist'): SizeResult {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const loaders = manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [];
  // The loader imports its entry with chrome.runtime.getURL("assets/…").
  const entries = loaders.flatMap((l) => [...readFileSync(join(dist, l), 'utf8').matchAll(/getURL\("([^"]+)"\)/g)].map((m) => m[1] as string));
  const everyPage = closure(dist, [...loaders, ...entries], STATIC_IMPORT);
  const lazyRoots = [...everyPage].flatMap((f) =>
    [...readFileSync(join(dist, f), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => f.slice(0, f.lastIndexOf('/') + 1) + m[1]),
  );
  const onDemand = [...closure(dist, lazyRoots, STATIC_IMPORT)].filter((f) => !everyPage.has(f));
  return { everyPage: measure(dist, everyPage), onDemand: measure(dist, onDemand) };
}
