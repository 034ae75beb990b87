// Reads, writes and watches the click-to-call settings in storage.local. The
// content script reads only SETTINGS_KEY, never the account stored beside it.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, parseSettings, type ClickToCallSettings } from './click-to-call-settings';

const languages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

export async function loadClickToCallSettings(): Promise<ClickToCallSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY], languages());
}

export async function saveClickToCallSettings(settings: ClickToCallSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(settings, languages()) });
}

/** Calls back with the new settings whenever they change, until the signal aborts. */
export function watchClickToCallSettings(signal: AbortSignal, onChange: (settings: ClickToCallSettings) => void): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    onChange(parseSettings(changes[SETTINGS_KEY]?.newValue, languages()));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
