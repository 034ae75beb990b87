// Issue 11, point 4: `npm run package` writes the zip for the store. Here the
// built dist/ is packed as the script packs it, checked (no key, the
// package.json version, no source maps, every file the manifest names), then
// unpacked and loaded into Chromium as a store install would be: it starts
// and opens the setup.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { unzipSync } from 'fflate';
import { storeZip } from '../../scripts/store-package.js';
import { FIRST_RUN_PAGE, launchBrowser } from './harness/browser.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const unpackedDir = mkdtempSync(join(tmpdir(), 'clickdial-store-'));
after(() => rmSync(unpackedDir, { recursive: true, force: true }));

interface Manifest {
  key?: string;
  version: string;
  icons: Record<string, string>;
  action: { default_popup: string; default_icon: Record<string, string> };
  options_ui: { page: string };
  background: { service_worker: string };
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

test('the store zip: no key, the package version, no source maps, every file the manifest names', () => {
  const files = unzipSync(storeZip('dist', version).zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
  assert.equal(manifest.key, undefined);
  assert.equal(manifest.version, version);
  assert.deepEqual(
    Object.keys(files).filter((name) => name.endsWith('.map')),
    [],
  );
  assert.equal(manifest.host_permissions, undefined, 'no host permission asked for at install');
  assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
  const named = [
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon),
    manifest.action.default_popup,
    manifest.options_ui.page,
    manifest.background.service_worker,
    FIRST_RUN_PAGE,
    'content/content-script.js',
  ];
  for (const name of named) assert.ok(files[name], `${name} is in the zip`);
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(unpackedDir, name)), { recursive: true });
    writeFileSync(join(unpackedDir, name), bytes);
  }
});

test('unpacked, it installs in Chromium: the service worker starts and the setup opens', async () => {
  const browser = await launchBrowser({ extensionPath: unpackedDir, firstRun: 'keep' });
  try {
    assert.ok(browser.firstRunPage);
    await browser.firstRunPage.getByRole('heading', { level: 1, name: 'Set up ClickDial' }).waitFor();
    const runtime = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().version);
    assert.equal(runtime, version);
  } finally {
    await browser.close();
  }
});
