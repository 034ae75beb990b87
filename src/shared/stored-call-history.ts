// The call history in storage.local ('callHistory'), with a version: version 2
// is { version: 2, entries: [newest first] }, each failed or dropped call's
// reason as Words (a catalogue key and what fills it, said in the UI language
// when shown). Release 0.1 stored the bare list of entries: migrations[0] wraps
// it. Version 1 kept the reason as English text: migrations[1] moves it to
// reasonText, shown as it was. Entries are checked one by one (a broken one is
// dropped, the rest kept). Both the worker (which writes) and the popup (which
// shows it) read through parseHistory.
//
//   0.1 (a list) ──migrations[0]──▶ 1 (reason: text) ──migrations[1]──▶ 2 (reason: words, reasonText: text)
import * as v from 'valibot';
import { HISTORY_KEY, HISTORY_LIMIT, HISTORY_REASON_LIMIT, type HistoryEntry } from './call-history';
import { REMOTE_PARTY_SCHEMA } from './remote-party-schema';
import { listOf, readStored, type StoredKey } from './stored-schema';
import { isWords, type Words } from './words';

const HISTORY_ENTRY_SCHEMA = v.object({
  id: v.pipe(v.string(), v.maxLength(512)),
  direction: v.picklist(['incoming', 'outgoing']),
  outcome: v.picklist(['completed', 'missed', 'declined', 'answered-elsewhere', 'failed', 'cancelled', 'dropped']),
  remote: REMOTE_PARTY_SCHEMA,
  startedAt: v.number(),
  endedAt: v.number(),
  durationMs: v.number(),
  accountId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  accountAor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  reason: v.optional(v.custom<Words>((value) => isWords(value))),
  reasonText: v.optional(v.pipe(v.string(), v.maxLength(HISTORY_REASON_LIMIT))),
}) satisfies v.GenericSchema<unknown, HistoryEntry>;

export interface StoredHistory {
  version: 2;
  entries: HistoryEntry[];
}

export const CALL_HISTORY: StoredKey<StoredHistory> = {
  key: HISTORY_KEY,
  version: 2,
  schema: v.object({ version: v.literal(2), entries: listOf(HISTORY_ENTRY_SCHEMA, HISTORY_LIMIT) }),
  fallback: () => ({ version: 2, entries: [] }),
  migrations: [
    // Release 0.1: HistoryEntry[], newest first.
    (old) => ({ version: 1, entries: Array.isArray(old) ? old : [] }),
    // Version 1: the reason as English text; it is kept, and shown, as text.
    (old) => ({ version: 2, entries: entriesOf(old).map(reasonAsText) }),
  ],
};

function entriesOf(old: unknown): unknown[] {
  const entries = typeof old === 'object' && old !== null ? (old as { entries?: unknown }).entries : undefined;
  return Array.isArray(entries) ? entries : [];
}

function reasonAsText(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || !('reason' in entry)) return entry;
  const { reason, ...rest } = entry;
  return typeof reason === 'string' ? { ...rest, reasonText: reason } : rest;
}

/** Whatever storage holds under HISTORY_KEY, of any version, as a list (broken entries dropped). */
export function parseHistory(stored: unknown): HistoryEntry[] {
  return readStored(CALL_HISTORY, { [HISTORY_KEY]: stored }).value.entries;
}

/** What to write: the list with the current version. */
export function storedHistory(entries: HistoryEntry[]): StoredHistory {
  return { version: 2, entries };
}
