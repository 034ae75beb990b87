import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { storeZip } from '../../scripts/store-package';

let dir: string;

function fakeDist(manifest: Record<string, unknown>): string {
  dir = mkdtempSync(join(tmpdir(), 'clickdial-dist-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'assets', 'popup.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'popup.js.map'), '{}');
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the store zip', () => {
  it('has the manifest without key at the package version, and no source maps or build leftovers', () => {
    const dist = fakeDist({ manifest_version: 3, name: 'ClickDial', version: '1.2.3', key: 'MIIB...' });
    const { zip, files } = storeZip(dist, '1.2.3');
    const unpacked = unzipSync(zip);
    expect(Object.keys(unpacked).sort()).toEqual(['assets/popup.js', 'manifest.json']);
    expect(files).toEqual(['assets/popup.js', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(unpacked['manifest.json'])) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.version).toBe('1.2.3');
    expect(new TextDecoder().decode(unpacked['assets/popup.js'])).toBe('console.log(1)');
  });

  it('refuses a build whose version is not the package version', () => {
    expect(() => storeZip(fakeDist({ version: '0.0.9', key: 'x' }), '1.2.3')).toThrow(/build again/);
  });
});
