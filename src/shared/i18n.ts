// The words every page shows, from the message catalogue (public/_locales/*/messages.json)
// through chrome.i18n, so Chrome picks the user's language and the manifest uses the same
// catalogue. Keys and their placeholders are typed from the English catalogue: a key that is
// not there, or a missing or extra substitution, is a type error, not a "" at run time.
//
// Substitutions are named. chrome.i18n takes them by position, so the catalogue numbers a
// message's placeholders in the alphabetical order of their names ($1 the first name), which
// test/shared/i18n-catalogue.test.ts checks in every locale; t() passes them in that order.

type Catalogue = typeof import('../../public/_locales/en/messages.json');

export type MessageKey = keyof Catalogue;

/** The names of a message's placeholders (never for a message without). */
export type PlaceholderNames<K extends MessageKey> = Catalogue[K] extends { placeholders: infer P } ? keyof P & string : never;

/** What a message needs filled in: nothing, or each of its placeholders by name. */
export type Substitutions<K extends MessageKey> = [PlaceholderNames<K>] extends [never]
  ? []
  : [substitutions: Record<PlaceholderNames<K>, string | number>];

/**
 * The language of the messages chrome.i18n picked ("de", "fr"), as a BCP 47 tag for Intl and
 * <html lang>, so numbers and dates are written, and a screen reader speaks, as the words are.
 * It is read from the catalogue itself (its language_tag): Chromium on Linux picks the catalogue
 * by LANGUAGE, yet getUILanguage() and @@ui_locale then still say en-US (checked under
 * LANGUAGE=de, headless and headful).
 */
export function uiLanguage(): string {
  return chrome.i18n.getMessage('language_tag') || chrome.i18n.getUILanguage();
}

/** Text direction of the UI language, from the catalogue picked (its language_dir; @@bidi_dir follows @@ui_locale). */
export function uiDirection(): 'ltr' | 'rtl' {
  return chrome.i18n.getMessage('language_dir') === 'rtl' ? 'rtl' : 'ltr';
}

const numbers = () => new Intl.NumberFormat(uiLanguage());

function positional(substitutions: Record<string, string | number> | undefined): string[] {
  if (!substitutions) return [];
  return Object.keys(substitutions)
    .sort()
    .map((name) => {
      const value = substitutions[name];
      return typeof value === 'number' ? numbers().format(value) : String(value);
    });
}

/** The message `key` in the UI language, its placeholders filled in (numbers formatted for the language). */
export function t<K extends MessageKey>(key: K, ...[substitutions]: Substitutions<K>): string {
  return chrome.i18n.getMessage(key, positional(substitutions));
}

const MARK = '\uE000';

/**
 * A one-placeholder message split around that placeholder, for a sentence whose filled-in
 * part is an element of its own ("Click-to-call on <strong>host</strong>"): the words before
 * and after it, in the order the language puts them. (In a page, shared/sentence.tsx does
 * this for any number of elements.)
 */
export function around<K extends MessageKey>(key: K, name: PlaceholderNames<K>): [before: string, after: string] {
  const [before = '', after = ''] = chrome.i18n.getMessage(key, positional({ [name]: MARK })).split(MARK);
  return [before, after];
}

/** Keys that come in plural forms: `calls_one` and `calls_other` make `calls`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;
}[MessageKey];

type PluralSubstitutions<B extends PluralKey> = Omit<Record<PlaceholderNames<`${B}_other` & MessageKey>, string | number>, 'count'>;

/**
 * A message about `count` things in the form the language uses for that count, through
 * Intl.PluralRules. The catalogue has a "one" and an "other" form (what English, German,
 * Spanish and French use for whole counts; the rarer "many" of French and Spanish millions
 * reads as "other"). The count fills the {count} placeholder.
 */
export function plural<B extends PluralKey>(base: B, count: number, substitutions?: PluralSubstitutions<B>): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return chrome.i18n.getMessage(`${base}_${form}`, positional({ ...substitutions, count }));
}

/** A time of day ("14:05", "2:05 PM") in the UI language. */
export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** A date and time, short, in the UI language. */
export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/**
 * A duration in words ("1 minute, 5 seconds", "1 Minute, 5 Sekunden") for sentences that are
 * read aloud, where a clock-like "1:05" is ambiguous. Intl.NumberFormat's units give each part
 * its plural form; Intl.ListFormat joins them as the language lists units. `short` ("1 min,
 * 5 sec") is for a line on a card, where the long form would take two.
 */
export function durationWords(ms: number, unitDisplay: 'long' | 'short' = 'long'): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const language = uiLanguage();
  const said = parts
    .filter(([value], index) => value > 0 || (total === 0 && index === 2))
    .map(([value, unit]) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay }).format(value));
  return new Intl.ListFormat(language, { type: 'unit', style: unitDisplay }).format(said);
}

/**
 * Gives a page the UI language and its direction (<html lang dir>), so screen readers speak
 * the right language and a right-to-left locale lays the page out from the right (the
 * stylesheets use logical properties: margin-inline-start, not margin-left), and its title.
 */
export function localizeDocument(doc: Document, title?: string): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDirection();
  if (title !== undefined) doc.title = title;
}
