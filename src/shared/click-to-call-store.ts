// Reads, writes and watches the click-to-call settings. Extension pages use
// storage.local. Content scripts cannot: storage.local (which holds the SIP
// password) is closed to them, and the worker mirrors just these settings
// into storage.session for them (background/storage-access.ts).
import browser from 'webextension-polyfill';
import { request } from './messenger';
import { SETTINGS_KEY, parseSettings, type ClickToCallSettings } from './click-to-call-settings';

const languages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

export async function loadClickToCallSettings(): Promise<ClickToCallSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY], languages());
}

export async function saveClickToCallSettings(settings: ClickToCallSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(settings, languages()) });
}

/** Calls back with the new settings whenever they change in `area`, until the signal aborts. */
function watchArea(area: 'session', signal: AbortSignal, onChange: (settings: ClickToCallSettings) => void): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, changed: string): void => {
    if (changed !== area || !(SETTINGS_KEY in changes)) return;
    onChange(parseSettings(changes[SETTINGS_KEY]?.newValue, languages()));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** For content scripts: the mirrored copy, or the worker's answer when there is none yet. */
export async function loadPageSettings(): Promise<ClickToCallSettings> {
  try {
    const stored = await browser.storage.session.get(SETTINGS_KEY);
    if (stored[SETTINGS_KEY] !== undefined) return parseSettings(stored[SETTINGS_KEY], languages());
  } catch {
    // Not yet opened to content scripts (the worker has not run since startup).
  }
  return parseSettings(await request('content.settings', {}), languages());
}

/** For content scripts: follows the mirrored copy until the signal aborts. */
export function watchPageSettings(signal: AbortSignal, onChange: (settings: ClickToCallSettings) => void): void {
  watchArea('session', signal, onChange);
}
