// Checks harness/browser.ts and harness/extension-cdp.ts against a throwaway MV3 extension
// written to a temp dir (not the real one), so harness bugs show up apart from product bugs.

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { extensionIdOf, launchBrowser, offscreenEvaluate, openExtensionPage, stopServiceWorker } from './harness/browser.js';
import { waitFor } from './harness/wait.js';

let extensionDir: string;

before(() => {
  extensionDir = mkdtempSync(join(tmpdir(), 'clickdial-throwaway-ext-'));
  // A manifest key pins the id like the real manifest does.
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'throwaway',
      version: '1.0',
      key,
      background: { service_worker: 'sw.js', type: 'module' },
      permissions: ['offscreen'],
    }),
    'sw.js': `
      async function ensureOffscreen() {
        const existing = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        if (existing.length === 0) {
          await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['USER_MEDIA'], justification: 'test' });
        }
      }
      chrome.runtime.onMessage.addListener((msg, _sender, reply) => { reply({ pong: msg }); });
      globalThis.ready = ensureOffscreen();
    `,
    'offscreen.html': '<!doctype html><script src="offscreen.js"></script>',
    'offscreen.js': 'globalThis.offscreenValue = 42;',
    'page.html': '<!doctype html><title>throwaway page</title>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(extensionDir, name), text);
});

after(() => rmSync(extensionDir, { recursive: true, force: true }));

async function micInOffscreen(context: Parameters<typeof offscreenEvaluate>[0]): Promise<string> {
  return offscreenEvaluate(context, async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((t) => t.stop());
      return 'granted';
    } catch (error) {
      return (error as Error).name;
    }
  });
}

test('extension id, pages, offscreen evaluate, pre-granted mic, worker stop', async () => {
  const id = extensionIdOf(extensionDir);
  const b = await launchBrowser({ extensionPath: extensionDir, micUi: 'none', grantMicrophoneTo: id });
  try {
    assert.equal(b.extensionId, id, 'id from the worker URL matches the id derived from manifest key');

    const page = await openExtensionPage(b.context, b.extensionId, 'page.html');
    assert.equal(await page.title(), 'throwaway page');

    assert.equal(
      await offscreenEvaluate(b.context, (n: number) => (globalThis as unknown as { offscreenValue: number }).offscreenValue + n, 1),
      43,
    );
    await assert.rejects(
      offscreenEvaluate(b.context, () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await micInOffscreen(b.context), 'granted');

    // Worker module state is lost on stop; the offscreen document survives.
    await b.serviceWorker.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 1));
    await stopServiceWorker(b.context);
    // Any extension event restarts the worker; the Playwright Worker object follows it.
    await page.evaluate(() => chrome.runtime.sendMessage('ping'));
    const marker = await waitFor(() => b.serviceWorker.evaluate(() => String((globalThis as unknown as { marker?: number }).marker)), {
      what: 'restarted worker',
    });
    assert.equal(marker, 'undefined');
    assert.equal(await offscreenEvaluate(b.context, () => (globalThis as unknown as { offscreenValue: number }).offscreenValue), 42);
  } finally {
    await b.close();
  }
});

test('microphone in the offscreen document per micUi and grant', async () => {
  const id = extensionIdOf(extensionDir);
  const cases = [
    { micUi: 'accept', grant: false, expect: 'granted' },
    { micUi: 'deny', grant: false, expect: 'NotAllowedError' },
    { micUi: 'none', grant: false, expect: 'NotAllowedError' },
    { micUi: 'none', grant: true, expect: 'granted' },
  ] as const;
  for (const c of cases) {
    const b = await launchBrowser({ extensionPath: extensionDir, micUi: c.micUi, ...(c.grant ? { grantMicrophoneTo: id } : {}) });
    try {
      assert.equal(await micInOffscreen(b.context), c.expect, JSON.stringify(c));
    } finally {
      await b.close();
    }
  }
});

test('headful under Xvfb', async () => {
  const b = await launchBrowser({ extensionPath: extensionDir, headless: false });
  try {
    assert.match(b.display ?? '', /^:\d+$/);
    const page = await openExtensionPage(b.context, b.extensionId, 'page.html');
    assert.equal(await page.title(), 'throwaway page');
  } finally {
    await b.close();
  }
});
