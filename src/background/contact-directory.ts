// Names for the worker's notifications: the address book and the default
// country read again before each one (the worker may have been asleep since
// the last; a read is cheap), so remoteName(call) names a caller as the popup does.
import browser from 'webextension-polyfill';
import { nameDirectory, setCurrentDirectory } from '../shared/caller-name';
import { SETTINGS_KEY, browserLanguages } from '../shared/click-to-call-settings';
import { CONTACTS_KEY } from '../shared/contacts';
import { readClickToCallSettings } from '../shared/stored-click-to-call';
import { parseContacts } from '../shared/stored-contacts';

export async function refreshContactDirectory(): Promise<void> {
  const stored = await browser.storage.local.get([CONTACTS_KEY, SETTINGS_KEY]);
  const country = readClickToCallSettings(stored[SETTINGS_KEY], browserLanguages()).defaultCountry;
  setCurrentDirectory(nameDirectory(parseContacts(stored[CONTACTS_KEY]), country));
}
