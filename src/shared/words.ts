// Words as data: a catalogue key and what fills its placeholders. The phone's
// document has no chrome.i18n (an offscreen document gets chrome.runtime only),
// so what it says (a registration error, why a call failed, a notice) travels
// in the snapshot, in error replies and in the call history as Words, and the
// page or the worker that shows it says it with say() in the user's language.
// A filled-in part may itself be Words (a SIP status said inside a sentence).
import type { MessageKey, Substitutions } from './i18n';
import { t } from './i18n';

/** What fills a placeholder: a value as it is (a number, a name, the server's own text), or words. */
export type WordParam = string | number | Words;

type ParamsOf<K extends MessageKey> = Substitutions<K> extends [] ? never : keyof Substitutions<K>[0] & string;

/** One message of the catalogue with its placeholders filled in, by name. */
export type Words = {
  [K in MessageKey]: [ParamsOf<K>] extends [never] ? { key: K } : { key: K; params: Record<ParamsOf<K>, WordParam> };
}[MessageKey];

type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, WordParam>];

/** The words of `key` with these params (typed: a missing or extra placeholder is a type error). */
export function words<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): Words {
  return (params === undefined ? { key } : { key, params }) as Words;
}

/** The words in the UI language (chrome.i18n), filled-in words said first. */
export function say(said: Words): string {
  if (!('params' in said)) return (t as (key: MessageKey) => string)(said.key);
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params as Record<string, WordParam>)) {
    filled[name] = typeof value === 'object' ? say(value) : value;
  }
  return (t as (key: MessageKey, substitutions: Record<string, string | number>) => string)(said.key, filled);
}

/**
 * `said` as an Error's message: in the UI language where chrome.i18n exists (the worker,
 * the pages); in the phone's document, which has none, its key and params, for logs (the
 * pages say the words themselves, never this).
 */
export function wordsForLog(said: Words): string {
  if (typeof chrome !== 'undefined' && typeof chrome.i18n?.getMessage === 'function') return say(said);
  return 'params' in said ? `${said.key} ${JSON.stringify(said.params)}` : said.key;
}

/** The words with every text filled in cut to `limit` characters (for storage). */
export function clipWords(said: Words, limit: number): Words {
  if (!('params' in said)) return said;
  const params: Record<string, WordParam> = {};
  for (const [name, value] of Object.entries(said.params as Record<string, WordParam>)) {
    params[name] = typeof value === 'string' ? value.slice(0, limit) : typeof value === 'number' ? value : clipWords(value, limit);
  }
  return { ...said, params };
}

/** A shape check for words that crossed a boundary or come from storage (keys not checked: an unknown one says ""). */
export function isWords(value: unknown, depth = 0): value is Words {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > 4) return false;
  const { key, params, ...rest } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || key.length > 100 || Object.keys(rest).length > 0) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params).every(
    (p) => (typeof p === 'string' && p.length <= 10_000) || typeof p === 'number' || isWords(p, depth + 1),
  );
}
