// The click-to-call settings as content scripts get them: the copy the worker
// mirrors into storage.session (storage.local, with the SIP password, is closed
// to them: background/storage-access.ts), or the worker's answer when there is
// none yet. The mirror has today's unversioned shape, already checked by the
// worker through the stored schema (shared/stored-click-to-call.ts).
//
// Why a hand-written check here and not that schema: this runs in every page
// and frame, and valibot would add about 1.6 KB gzipped to the page script for
// data the worker wrote. It still never trusts the mirror's shape (storage.session
// is writable by content scripts), and test/shared/page-settings.test.ts holds it
// to the same answers as the schema.
import { readSessionStorage, watchSessionStorage } from './page-runtime';
import { request } from './request';
import {
  COUNTRY,
  EXTENSION_DIGITS_RANGE,
  HOST,
  LINK_TITLE_KEY,
  MAX_ENTRIES,
  MAX_LINK_TITLE,
  SETTINGS_KEY,
  browserLanguages,
  defaultSettings,
  type ClickToCallSettings,
} from './click-to-call-settings';

function hosts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string' && HOST.test(e)).slice(0, MAX_ENTRIES) : [];
}

function extensionDigits(value: unknown): ClickToCallSettings['extensionDigits'] {
  const { min, max } = (typeof value === 'object' && value !== null ? value : {}) as { min?: unknown; max?: unknown };
  const ok = (n: unknown): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= EXTENSION_DIGITS_RANGE.min && n <= EXTENSION_DIGITS_RANGE.max;
  return ok(min) && ok(max) && min <= max ? { min, max } : null;
}

/**
 * The mirrored settings, field by field; anything odd gets the default. The browser's
 * languages are asked for only when the country is missing (navigator.languages is a
 * new array per read, and the mirror nearly always has one).
 */
export function readMirroredSettings(value: unknown, langs: () => readonly string[] = () => []): ClickToCallSettings {
  if (typeof value !== 'object' || value === null) return defaultSettings(langs());
  // The browser's region only when the mirror has no country: Intl.Locale's maximize()
  // loads the likely-subtags data, about 10 ms of a page's main thread.
  const base = defaultSettings([]);
  const s = value as Record<string, unknown>;
  const flag = (x: unknown, otherwise: boolean): boolean => (typeof x === 'boolean' ? x : otherwise);
  return {
    enabled: flag(s.enabled, base.enabled),
    defaultCountry:
      typeof s.defaultCountry === 'string' && COUNTRY.test(s.defaultCountry) ? s.defaultCountry : defaultSettings(langs()).defaultCountry,
    takeOverLinks: flag(s.takeOverLinks, base.takeOverLinks),
    allowList: hosts(s.allowList),
    denyList: hosts(s.denyList),
    callAtOnce: hosts(s.callAtOnce),
    extensionDigits: extensionDigits(s.extensionDigits),
  };
}

/** The mirrored link title when it is a short plain text (it goes into a CSS selector and a tooltip). */
export function readLinkTitle(value: unknown): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this keeps out
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_LINK_TITLE && !/[\u0000-\u001f\u007f]/.test(value)
    ? value
    : undefined;
}

export interface PageSettings {
  settings: ClickToCallSettings;
  /** The end of our links' titles, when the worker mirrored it (else the page asks chrome.i18n). */
  linkTitle: string | undefined;
}

/** The mirrored copy, or the worker's answer when there is none yet. */
export async function loadPageSettings(): Promise<PageSettings> {
  try {
    const stored = await readSessionStorage([SETTINGS_KEY, LINK_TITLE_KEY]);
    if (stored[SETTINGS_KEY] !== undefined) {
      return { settings: readMirroredSettings(stored[SETTINGS_KEY], browserLanguages), linkTitle: readLinkTitle(stored[LINK_TITLE_KEY]) };
    }
  } catch {
    // Not yet opened to content scripts (the worker has not run since startup).
  }
  return { settings: readMirroredSettings(await request('content.settings', {}), browserLanguages), linkTitle: undefined };
}

/** Follows the mirrored copy until the signal aborts. */
export function watchPageSettings(signal: AbortSignal, onChange: (settings: ClickToCallSettings) => void): void {
  watchSessionStorage(signal, SETTINGS_KEY, (value) => onChange(readMirroredSettings(value, browserLanguages)));
}
