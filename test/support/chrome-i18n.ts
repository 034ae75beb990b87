// chrome.i18n for unit tests, which run in Node where there is no Chrome: getMessage
// over the real catalogue in public/_locales, with Chrome's rules ($NAME$ placeholders
// whose content is $1…$9, "$$" for a dollar sign, "" for a key that is not there). The
// e2e tests run the real chrome.i18n in Chromium (test/e2e/languages.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export const LOCALES = ['en', 'de', 'es', 'fr'] as const;

export function readCatalogue(locale: string): Catalogue {
  // From the repository root (vitest's working directory): happy-dom test files have an http: import.meta.url.
  const path = join(process.cwd(), 'public', '_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
}

export function formatMessage(entry: CatalogueEntry | undefined, substitutions: readonly string[]): string {
  if (!entry) return '';
  const filled = entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : whole;
  });
  return filled.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

let language = 'en';
let catalogue = readCatalogue('en');
const english = catalogue;

/** Which locale the stand-in answers in (Chrome falls back to the default locale, English, per key). */
export function useLanguage(locale: string): void {
  language = locale;
  catalogue = (LOCALES as readonly string[]).includes(locale) ? readCatalogue(locale) : english;
}

/** Chrome's @@bidi_dir: right to left for the UI languages written that way. */
const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'ur'];

export const chromeI18n = {
  getUILanguage: () => language,
  getMessage(key: string, substitutions?: string | string[]): string {
    if (key === '@@bidi_dir') return RIGHT_TO_LEFT.includes(language.split('-')[0]!) ? 'rtl' : 'ltr';
    if (key === '@@ui_locale') return language;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return formatMessage(catalogue[key] ?? english[key], subs);
  },
};

const global = globalThis as { chrome?: { i18n?: unknown } };
global.chrome ??= {};
global.chrome.i18n = chromeI18n;
