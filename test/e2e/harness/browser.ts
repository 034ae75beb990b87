// Launches Debian's /usr/bin/chromium through playwright-core with the extension under test
// loaded unpacked, a fake microphone, and a fresh profile. `npx playwright install` cannot
// work on these machines, so we always pass executablePath.

import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { onProcessExit } from './cleanup.js';
import { extensionIdFromUrl, extensionIdOf } from './extension-id.js';
import { startXvfb, type Xvfb } from './xvfb.js';

export { offscreenEvaluate, stopServiceWorker, withOffscreenTarget } from './extension-cdp.js';
export { extensionIdOf } from './extension-id.js';

export const CHROMIUM_BIN = '/usr/bin/chromium';

const FAKE_UI_FLAGS: Record<string, string[]> = {
  accept: ['--use-fake-ui-for-media-stream'],
  deny: ['--use-fake-ui-for-media-stream=deny'],
  none: [],
};

export interface LaunchOptions {
  /** Unpacked extension dir (relative to cwd). Default 'dist'. null: no extension (far-end-only tests). */
  extensionPath?: string | null;
  /** Pre-grant the camera to chrome-extension://ID/ in the profile, as the microphone. */
  grantCameraTo?: string;
  /** Pre-grant the microphone to chrome-extension://ID/ in the profile (the offscreen document cannot prompt). */
  grantMicrophoneTo?: string;
  /**
   * A key for the extension's "Activate the extension" command (opening the toolbar popup), as a
   * user would set it in chrome://extensions/shortcuts: a key press then opens the real popup,
   * with the activeTab grant that a click on the toolbar button gives. Needs the extension id.
   */
  actionShortcut?: { extensionId: string; key: string };
  /** Default true. With false and no DISPLAY, an Xvfb is started and stopped with the browser. */
  headless?: boolean;
  /**
   * How microphone permission prompts are answered. 'accept' (default) and 'deny' use
   * --use-fake-ui-for-media-stream[=deny], which also answers for the offscreen document.
   * 'none' leaves Chromium's real behaviour: the offscreen document cannot prompt, so it gets
   * NotAllowedError unless `grantMicrophoneTo` pre-granted it (normal tabs then need
   * context.grantPermissions(['microphone'], { origin })).
   */
  micUi?: 'accept' | 'deny' | 'none';
  /**
   * Real microphone and speakers (interactive `npm start`): no fake device/UI flags, so
   * micUi is ignored. Default false.
   */
  realMedia?: boolean;
  /**
   * As a user who turned on the extension's optional host permissions
   * (manifest optional_host_permissions; for ClickDial, click-to-call on all
   * sites) earlier: written into the profile before launch, as Chrome keeps a
   * grant. Default true; false leaves them to be asked for (Chrome's
   * question can be answered only headful, with real keys: acceptPermissionPrompt).
   */
  hostAccess?: boolean;
  /**
   * The tab an extension opens when it is installed (ClickDial's first-run
   * setup, FIRST_RUN_PAGE, when the extension has one): 'close' (default) closes it as a
   * user who set up earlier would, so tests start with only their own tabs;
   * 'keep' leaves it open and returns it as `firstRunPage`.
   */
  firstRun?: 'close' | 'keep';
  /** Appended to the default flags. */
  extraArgs?: string[];
  /**
   * Where ClickDial opens calls by itself (the options' "Open calls" setting, saved as the options
   * would before any test step). Default 'never': a call window that opens and takes the focus
   * would change what most tests count (windows, pages) and click (the worker takes page clicks
   * only from the focused window). test/e2e/call-window.test.ts sets 'window'.
   */
  callWindow?: 'window' | 'sidePanel' | 'never';
  /** Max wait for the extension's service worker. Default 10 s. */
  serviceWorkerTimeoutMs?: number;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  /** X display used when headful, else undefined. */
  display: string | undefined;
  /** Closes the browser, removes the profile dir, stops Xvfb if we started it. Idempotent. */
  close(): Promise<void>;
}

export interface LaunchedExtensionBrowser extends LaunchedBrowser {
  extensionId: string;
  serviceWorker: Worker;
  /** The first-run tab, with firstRun 'keep'. */
  firstRunPage?: Page;
}

/** The page ClickDial opens on install. */
export const FIRST_RUN_PAGE = 'src/setup/setup.html';

/** Browser with the extension loaded; resolves once its service worker is running. */
export async function launchBrowser(options: LaunchOptions & { extensionPath?: string }): Promise<LaunchedExtensionBrowser>;
/** Browser without any extension (e.g. only far-end tabs). */
export async function launchBrowser(options: LaunchOptions & { extensionPath: null }): Promise<LaunchedBrowser>;
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser | LaunchedExtensionBrowser> {
  const extensionDir = options.extensionPath === null ? null : resolve(options.extensionPath ?? 'dist');
  const headless = options.headless ?? true;

  const profileDir = await mkdtemp(join(tmpdir(), 'clickdial-profile-'));
  const removeProfile = (): void => rmSync(profileDir, { recursive: true, force: true });
  const unregister = onProcessExit(removeProfile);
  await writePreferences(profileDir, options, extensionDir && (options.hostAccess ?? true) ? hostGrant(extensionDir) : undefined);

  let xvfb: Xvfb | undefined;
  const env: Record<string, string> = {};
  if (!headless && !process.env.DISPLAY) {
    xvfb = await startXvfb();
    env.DISPLAY = xvfb.display;
  }
  const display = headless ? undefined : (env.DISPLAY ?? process.env.DISPLAY);

  const args = [
    // WebRTC: fake mic/camera, auto-answered permission prompt, loopback ICE candidates
    // (without the last one a call "answers" after ~10 s with no media).
    ...(options.realMedia ? [] : [...(FAKE_UI_FLAGS[options.micUi ?? 'accept'] ?? []), '--use-fake-device-for-media-stream']),
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
    // Root in CI needs --no-sandbox; the rest keeps Chromium off the network and quiet.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(options.extraArgs ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_BIN,
      headless,
      args,
      env: { ...process.env, ...env },
    });
  } catch (error) {
    await xvfb?.stop();
    removeProfile();
    unregister();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await context.close().catch(() => undefined);
      await xvfb?.stop();
      await rm(profileDir, { recursive: true, force: true });
      unregister();
    })();
    return closing;
  };

  if (!extensionDir) return { context, profileDir, display, close };

  try {
    const serviceWorker = await waitForServiceWorker(context, options.serviceWorkerTimeoutMs ?? 10_000);
    const extensionId = extensionIdFromUrl(serviceWorker.url());
    const launched: LaunchedExtensionBrowser = { context, profileDir, display, close, serviceWorker, extensionId };
    // The other fields fall back to their defaults (shared/phone-settings.ts). A throwaway
    // extension of the harness's own tests has no storage permission, and no phone.
    await serviceWorker.evaluate(
      (callWindow) => (chrome.storage ? chrome.storage.local.set({ phoneSettings: { version: 2, callWindow } }) : undefined),
      options.callWindow ?? 'never',
    );
    if (existsSync(join(extensionDir, FIRST_RUN_PAGE))) {
      const page = await waitForPage(context, `chrome-extension://${extensionId}/${FIRST_RUN_PAGE}`, 10_000);
      if (options.firstRun === 'keep') launched.firstRunPage = page;
      else await page.close();
    }
    return launched;
  } catch (error) {
    await close();
    throw new Error(`extension at ${extensionDir} did not start (its service worker, or the tab it opens on install): ${String(error)}`);
  }
}

/** The tab at `url` (opened by the extension), once it is there. */
async function waitForPage(context: BrowserContext, url: string, timeoutMs: number): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = context.pages().find((p) => p.url().startsWith(url));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`no tab at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForServiceWorker(context: BrowserContext, timeout: number): Promise<Worker> {
  const isExtension = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout });
}

/**
 * Simulates what a user set up earlier, in Default/Preferences before launch: the one-time
 * microphone grant for the extension origin (`context.grantPermissions` refuses
 * chrome-extension:// origins, but a content-settings exception is honoured), and a key for
 * opening the popup (chrome://extensions/shortcuts stores it there).
 */
async function writePreferences(profileDir: string, options: LaunchOptions, hosts: HostGrant | undefined): Promise<void> {
  const { grantMicrophoneTo, grantCameraTo, actionShortcut } = options;
  if (!grantMicrophoneTo && !grantCameraTo && !actionShortcut && !hosts) return;
  const defaultDir = join(profileDir, 'Default');
  mkdirSync(defaultDir, { recursive: true });
  const preferences = {
    ...((grantMicrophoneTo || grantCameraTo) && {
      profile: {
        content_settings: {
          exceptions: {
            ...(grantMicrophoneTo && { media_stream_mic: { [`chrome-extension://${grantMicrophoneTo}/,*`]: { setting: 1 } } }),
            ...(grantCameraTo && { media_stream_camera: { [`chrome-extension://${grantCameraTo}/,*`]: { setting: 1 } } }),
          },
        },
      },
    }),
    extensions: {
      ...(actionShortcut && {
        commands: {
          [`linux:${actionShortcut.key}`]: { command_name: '_execute_action', extension: actionShortcut.extensionId, global: false },
        },
      }),
      // Chrome's record of what the user granted: active and granted alike.
      ...(hosts && {
        settings: { [hosts.extensionId]: { granted_permissions: hosts.permissions, active_permissions: hosts.permissions } },
      }),
    },
  };
  await writeFile(join(defaultDir, 'Preferences'), JSON.stringify(preferences));
}

interface HostGrant {
  extensionId: string;
  permissions: { api: string[]; explicit_host: string[]; manifest_permissions: string[]; scriptable_host: string[] };
}

/** The optional host permissions of the extension in `dir`, as granted; undefined when it has none. */
function hostGrant(dir: string): HostGrant | undefined {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { optional_host_permissions?: string[] };
  const hosts = manifest.optional_host_permissions ?? [];
  if (hosts.length === 0) return undefined;
  return { extensionId: extensionIdOf(dir), permissions: { api: [], explicit_host: hosts, manifest_permissions: [], scriptable_host: [] } };
}

/** Open an extension page (popup, options, ...) as a normal tab, e.g. 'src/popup/popup.html'. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\/+/, '')}`);
  return page;
}
