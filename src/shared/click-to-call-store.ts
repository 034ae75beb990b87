// Reads and writes the click-to-call settings in storage.local for extension
// pages and the worker, through the versioned schema (shared/stored-click-to-call.ts):
// release 0.1's unversioned settings are read through its migration, and every
// save writes the current version. Nothing is written back on read: the options
// page, the popup and the confirmation window each save on their own, and a
// write-back racing one of them could undo the user's change. Content scripts
// cannot read storage.local (it holds the SIP password): shared/page-settings.ts.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, browserLanguages, type ClickToCallSettings } from './click-to-call-settings';
import { readClickToCallSettings, storedClickToCall } from './stored-click-to-call';

export async function loadClickToCallSettings(): Promise<ClickToCallSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readClickToCallSettings(stored[SETTINGS_KEY], browserLanguages());
}

export async function saveClickToCallSettings(settings: ClickToCallSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: storedClickToCall(settings, browserLanguages()) });
}
