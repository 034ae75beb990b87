// What goes into a store upload, as pure functions over a built dist/ (the
// test packs a made-up one): every built file except source maps and build
// leftovers, and the manifest without the development `key` (the store gives
// the extension its own id), at package.json's version.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Not shipped: source maps, crxjs's build records, dot files. */
export function isShipped(path: string): boolean {
  return !path.endsWith('.map') && !path.split('/').some((part) => part.startsWith('.'));
}

/** The built manifest as the store gets it: no `key`, and the version checked against package.json. */
export function storeManifest(manifest: Record<string, unknown>, version: string): Record<string, unknown> {
  if (manifest.version !== version) {
    throw new Error(`dist/manifest.json has version ${String(manifest.version)}, package.json ${version}: build again.`);
  }
  const { key: _key, ...rest } = manifest;
  return rest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The zip of `distDir` for the store: its files (paths with /), the store manifest. */
export function storeZip(distDir: string, version: string): { zip: Uint8Array; files: string[] } {
  const entries: Zippable = {};
  const files: string[] = [];
  for (const path of filesUnder(distDir)) {
    const name = relative(distDir, path).split(sep).join('/');
    if (!isShipped(name)) continue;
    files.push(name);
    if (name === 'manifest.json') {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      entries[name] = new TextEncoder().encode(`${JSON.stringify(storeManifest(manifest, version), null, 2)}\n`);
    } else {
      entries[name] = readFileSync(path);
    }
  }
  if (!files.includes('manifest.json')) throw new Error(`${distDir} has no manifest.json: build first.`);
  // A fixed date: the same build gives the same zip.
  return { zip: zipSync(entries, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }), files: files.sort() };
}
