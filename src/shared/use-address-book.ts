// The address book as the pages use it, kept current from storage.local (the
// worker writes it): the contacts, the user's default country (click-to-call
// settings), the directory names are looked up in and, for suggestions, the
// call history. The popup and the options page both read it through here.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type Browser from 'webextension-polyfill';
import { nameDirectory, type NameDirectory } from './caller-name';
import { HISTORY_KEY, type HistoryEntry } from './call-history';
import { SETTINGS_KEY, browserLanguages } from './click-to-call-settings';
import { CONTACTS_KEY, type Contact } from './contacts';
import { parseHistory } from './stored-call-history';
import { readClickToCallSettings } from './stored-click-to-call';
import { parseContacts } from './stored-contacts';

export interface AddressBook {
  contacts: Contact[];
  country: string;
  directory: NameDirectory;
  /** Recent calls (read only when asked for: the dial and transfer fields suggest from them). */
  history: HistoryEntry[];
  /** Storage has been read once (before that the book is empty, not known to be). */
  loaded: boolean;
}

const countryOf = (stored: unknown) => readClickToCallSettings(stored, browserLanguages()).defaultCountry;

export function useAddressBook({ withHistory = false } = {}): AddressBook {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [country, setCountry] = useState(() => countryOf(undefined));
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    let stop = () => undefined as void;
    const keys = withHistory ? [CONTACTS_KEY, SETTINGS_KEY, HISTORY_KEY] : [CONTACTS_KEY, SETTINGS_KEY];
    const take = (values: Record<string, unknown>) => {
      if (CONTACTS_KEY in values) setContacts(parseContacts(values[CONTACTS_KEY]));
      if (SETTINGS_KEY in values) setCountry(countryOf(values[SETTINGS_KEY]));
      if (withHistory && HISTORY_KEY in values) setHistory(parseHistory(values[HISTORY_KEY]));
    };
    // Imported when the effect runs, not with the module: a page renders before storage
    // answers anyway, and a component rendered outside an extension (a unit test) shows an empty book.
    void import('webextension-polyfill')
      .then(async ({ default: browser }) => {
        const listener = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => {
          if (area !== 'local') return;
          take(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
        };
        browser.storage.onChanged.addListener(listener);
        stop = () => browser.storage.onChanged.removeListener(listener);
        if (!live) return stop();
        const stored = await browser.storage.local.get(keys);
        if (!live) return;
        // A key absent from storage reads as its default.
        take(Object.fromEntries(keys.map((key) => [key, stored[key]])));
        setLoaded(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, [withHistory]);
  const directory = useMemo(() => nameDirectory(contacts, country), [contacts, country]);
  return { contacts, country, directory, history, loaded };
}
