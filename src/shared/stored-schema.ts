// Stored data, one schema per storage key: the type, the check and the
// default come from one valibot definition, and every value carries a
// version. Data of an older version (or of the first release, which had no
// version) goes through the key's migrations, oldest first, so a user's saved
// data survives every update; anything that still fails the check falls back
// to the default rather than reaching the code that uses it.
//
//   stored ──version = current──▶ checked ──ok──▶ value
//     │                               └─fails─▶ default
//     └─older or none──▶ migrations[version…current-1] ──▶ checked (and written back)
import * as v from 'valibot';

export interface StoredKey<T extends { version: number }> {
  key: string;
  version: T['version'];
  schema: v.GenericSchema<unknown, T>;
  fallback(): T;
  /**
   * migrations[n] turns version n into n + 1; migrations[0] reads what the
   * first release stored (no version field; `all` holds every key it read).
   */
  migrations: ((old: unknown, all: Record<string, unknown>) => unknown)[];
  /** Other keys the first release used for this data (read by migrations[0], removed once migrated). */
  legacyKeys?: string[];
}

export interface Read<T> {
  value: T;
  /** The stored data was of an older version (write `value` back). */
  migrated: boolean;
}

function versionOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const version = (value as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** `all` holds what storage returned for the key and its legacy keys. */
export function readStored<T extends { version: number }>(def: StoredKey<T>, all: Record<string, unknown>): Read<T> {
  let value: unknown = all[def.key];
  let version = value === undefined ? 0 : versionOf(value);
  const migrated = version < def.version && (value !== undefined || (def.legacyKeys ?? []).some((k) => all[k] !== undefined));
  if (version > def.version) return { value: def.fallback(), migrated: false }; // from a newer release: do not guess
  for (; version < def.version; version++) {
    const step = def.migrations[version];
    if (!step) return { value: def.fallback(), migrated: false };
    value = step(value, all);
  }
  const parsed = v.safeParse(def.schema, value);
  return { value: parsed.success ? parsed.output : def.fallback(), migrated: migrated && parsed.success };
}

// Lists and maps of records (the call history, the conversations) are checked
// entry by entry: one broken entry is dropped and the rest kept, so a bad
// write or a half-migrated entry never costs the user the whole list.

/** A list whose broken entries are dropped; at most `limit` kept (the first ones). */
export function listOf<T>(entry: v.GenericSchema<unknown, T>, limit: number) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((list): T[] => keepValid(entry, list).slice(0, limit)),
  );
}

/** An object map (not an array) whose broken values are dropped, keys kept. */
export function recordOf<T>(entry: v.GenericSchema<unknown, T>) {
  return v.pipe(
    v.record(v.string(), v.unknown()),
    v.check((map) => !Array.isArray(map)),
    v.transform((map): Record<string, T> => {
      const out: Record<string, T> = {};
      for (const [key, value] of Object.entries(map)) {
        const parsed = v.safeParse(entry, value);
        if (parsed.success) out[key] = parsed.output;
      }
      return out;
    }),
  );
}

function keepValid<T>(entry: v.GenericSchema<unknown, T>, list: readonly unknown[]): T[] {
  return list.flatMap((item) => {
    const parsed = v.safeParse(entry, item);
    return parsed.success ? [parsed.output] : [];
  });
}

/** migrations[0] for a key whose first release stored a plain object: the same fields, now with a version. */
export function addVersion(old: unknown): unknown {
  return typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old, version: 1 } : { version: 1 };
}
