// The call history in storage.local ('callHistory'), with a version: version 1
// is { version: 1, entries: [newest first] }. Release 0.1 stored the bare list
// of entries: migrations[0] wraps it. Entries are checked one by one (a broken
// one is dropped, the rest kept). Both the worker (which writes) and the popup
// (which shows it) read through parseHistory.
import * as v from 'valibot';
import { HISTORY_KEY, HISTORY_LIMIT, HISTORY_REASON_LIMIT, type HistoryEntry } from './call-history';
import { REMOTE_PARTY_SCHEMA } from './remote-party-schema';
import { listOf, readStored, type StoredKey } from './stored-schema';

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
  reason: v.optional(v.pipe(v.string(), v.maxLength(HISTORY_REASON_LIMIT))),
}) satisfies v.GenericSchema<unknown, HistoryEntry>;

export interface StoredHistory {
  version: 1;
  entries: HistoryEntry[];
}

export const CALL_HISTORY: StoredKey<StoredHistory> = {
  key: HISTORY_KEY,
  version: 1,
  schema: v.object({ version: v.literal(1), entries: listOf(HISTORY_ENTRY_SCHEMA, HISTORY_LIMIT) }),
  fallback: () => ({ version: 1, entries: [] }),
  // Release 0.1: HistoryEntry[], newest first.
  migrations: [(old) => ({ version: 1, entries: Array.isArray(old) ? old : [] })],
};

/** Whatever storage holds under HISTORY_KEY, of any version, as a list (broken entries dropped). */
export function parseHistory(stored: unknown): HistoryEntry[] {
  return readStored(CALL_HISTORY, { [HISTORY_KEY]: stored }).value.entries;
}

/** What to write: the list with the current version. */
export function storedHistory(entries: HistoryEntry[]): StoredHistory {
  return { version: 1, entries };
}
