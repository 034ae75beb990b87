// Names for the worker's surfaces (the toolbar's title, notifications), so
// remoteName(call) names a caller as the popup does: the directory is read when
// the worker starts and again whenever the address book or the default country
// changes; notifications read it again before they show (a worker that just
// woke for a ringing call may not have finished its first read).
import browser from 'webextension-polyfill';
import { nameDirectory, setCurrentDirectory } from '../shared/caller-name';
import { SETTINGS_KEY, browserLanguages } from '../shared/click-to-call-settings';
import { CONTACTS_KEY } from '../shared/contacts';
import { readClickToCallSettings } from '../shared/stored-click-to-call';
import { parseContacts } from '../shared/stored-contacts';

/** Registered once at the top level of the service worker. */
export function watchContactDirectory(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (CONTACTS_KEY in changes || SETTINGS_KEY in changes)) void refreshContactDirectory().catch(() => undefined);
  });
  void refreshContactDirectory().catch(() => undefined);
}

export async function refreshContactDirectory(): Promise<void> {
  const stored = await browser.storage.local.get([CONTACTS_KEY, SETTINGS_KEY]);
  const country = readClickToCallSettings(stored[SETTINGS_KEY], browserLanguages()).defaultCountry;
  setCurrentDirectory(nameDirectory(parseContacts(stored[CONTACTS_KEY]), country));
}
