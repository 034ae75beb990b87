import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/**
 * A storage.local value, kept current: the service worker writes history and
 * messages there, the popup only reads (and asks the worker to change them).
 * `parse` is the key's reader from its versioned schema (shared/stored-*.ts),
 * the same one the worker uses, so any release's stored data reads the same here.
 */
export function useStored<T>(key: string, parse: (value: unknown) => T): T {
  const [value, setValue] = useState<T>(() => parse(undefined));
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => {
      if (live) setValue(parse(stored[key]));
    });
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && key in changes) setValue(parse(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
    // parse is a module-level function: the key alone decides what to read.
  }, [key]);
  return value;
}
