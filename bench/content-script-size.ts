// What every page loads: dist/content/content-script.js, the one
// self-contained script the service worker registers for web pages (gzipped:
// the usual measure of "small"). Nothing else loads into pages: stage 2 of
// detection runs in the service worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeResult {
  everyPage: { files: string[]; bytes: number; gzipBytes: number };
}

function measure(dist: string, files: string[]): { files: string[]; bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(join(dist, file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

export function contentScriptSize(dist = 'dist'): SizeResult {
  return { everyPage: measure(dist, ['content/content-script.js']) };
}
