// What the dial and transfer fields offer for what was typed: contacts whose
// name has a word starting with each typed word ("ali sm" finds Alice Smith),
// or whose number holds the typed digits, then recent numbers from the call
// history the same way. Pure: the popup's combobox shows the list.
import type { HistoryEntry } from './call-history';
import type { Contact, ContactNumberType } from './contacts';
import { compactNumber, formatNumber, numberKey } from './number-display';

export interface DialSuggestion {
  /** Stable and unique in the list (the option's id). */
  key: string;
  /** The contact's name, or the recent party's name or number. */
  label: string;
  /** What is dialled: the number's digits (separators out). */
  dial: string;
  /** The number as shown, formatted. */
  shown: string;
  /** The contact's type of number; absent for a recent number. */
  type?: ContactNumberType;
  recent: boolean;
}

export const SUGGESTION_LIMIT = 6;

/** Lower case without accents: "Zoë" is found by "zoe". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function nameMatches(name: string, words: readonly string[]): boolean {
  const parts = fold(name).split(/[\s,.'’()-]+/);
  return words.every((w) => parts.some((p) => p.startsWith(w)));
}

function digitsMatch(number: string, digits: string, country: string): boolean {
  if (digits.length < 2) return false;
  const compact = compactNumber(number)?.replace(/\D/g, '') ?? '';
  // "4930…" finds "030 …" too; parsed only when the digits as written did not match.
  return compact.includes(digits) || (numberKey(number, country)?.replace(/\D/g, '') ?? '').includes(digits);
}

/** The options page's search: the contact's name by word starts, or its numbers by digits. */
export function contactMatches(contact: Contact, query: string, country: string): boolean {
  const text = query.trim();
  if (text === '') return true;
  const asNumber = compactNumber(text);
  if (asNumber === null) return nameMatches(contact.name, fold(text).split(/\s+/).filter(Boolean));
  const digits = asNumber.replace(/\D/g, '');
  return contact.numbers.some(({ number }) => digitsMatch(number, digits, country)) || nameMatches(contact.name, [fold(text)]);
}

export function dialSuggestions(
  query: string,
  contacts: readonly Contact[],
  history: readonly HistoryEntry[],
  country: string,
  limit = SUGGESTION_LIMIT,
): DialSuggestion[] {
  const text = query.trim();
  if (text === '') return [];
  const asNumber = compactNumber(text);
  const digits = asNumber?.replace(/\D/g, '') ?? '';
  const words = asNumber === null ? fold(text).split(/\s+/).filter(Boolean) : [];
  const matches = (name: string, number: string) =>
    asNumber === null ? words.length > 0 && nameMatches(name, words) : digitsMatch(number, digits, country);
  const out: DialSuggestion[] = [];
  const seen = new Set<string>();
  const add = (suggestion: Omit<DialSuggestion, 'key'>) => {
    const key = numberKey(suggestion.dial, country) ?? suggestion.dial;
    // The exact text typed is not worth a suggestion of itself.
    if (seen.has(key) || out.length >= limit || key === (numberKey(text, country) ?? text)) return;
    seen.add(key);
    out.push({ key: `s${out.length}`, ...suggestion });
  };
  for (const contact of contacts) {
    for (const { number, type } of contact.numbers) {
      if (!matches(contact.name, number)) continue;
      const dial = compactNumber(number) ?? number;
      add({ label: contact.name, dial, shown: formatNumber(number, country), type, recent: false });
    }
  }
  for (const entry of history) {
    const dial = compactNumber(entry.remote.user);
    if (dial === null) continue; // a SIP name, not a number: call it back from the history
    const name = entry.remote.displayName ?? '';
    if (!matches(name, dial)) continue;
    const shown = formatNumber(dial, country);
    add({ label: name || shown, dial, shown, recent: true });
  }
  return out;
}
