// The click-to-call settings in storage.local ('clickToCall'), with a version.
// Release 0.1 stored the settings object itself, without a version (and
// without callAtOnce and extensionDigits, added since): migrations[0] adds the
// version and the field defaults fill in what it lacks. Every field falls back
// on its own and host lists drop bad entries one by one, so one odd value never
// resets the user's other choices. The default country comes from the
// browser's locale, hence a schema made per call from the languages.
import * as v from 'valibot';
import {
  COUNTRY,
  EXTENSION_DIGITS_RANGE,
  HOST,
  MAX_ENTRIES,
  SETTINGS_KEY,
  defaultSettings,
  type ClickToCallSettings,
} from './click-to-call-settings';
import { addVersion, listOf, readStored, type StoredKey } from './stored-schema';

const HOST_NAME = v.pipe(v.string(), v.regex(HOST));
const DIGITS = v.pipe(v.number(), v.integer(), v.minValue(EXTENSION_DIGITS_RANGE.min), v.maxValue(EXTENSION_DIGITS_RANGE.max));
const EXTENSION_DIGITS = v.nullable(
  v.pipe(
    v.object({ min: DIGITS, max: DIGITS }),
    v.check(({ min, max }) => min <= max),
  ),
);

function fields(languages: readonly string[]) {
  const base = defaultSettings(languages);
  const hosts = v.fallback(listOf(HOST_NAME, MAX_ENTRIES), () => []);
  return {
    enabled: v.fallback(v.boolean(), base.enabled),
    defaultCountry: v.fallback(v.pipe(v.string(), v.regex(COUNTRY)), base.defaultCountry),
    takeOverLinks: v.fallback(v.boolean(), base.takeOverLinks),
    allowList: hosts,
    denyList: hosts,
    callAtOnce: hosts,
    extensionDigits: v.fallback(EXTENSION_DIGITS, null),
  };
}

export type StoredClickToCall = ClickToCallSettings & { version: 1 };

export function clickToCallKey(languages: readonly string[]): StoredKey<StoredClickToCall> {
  return {
    key: SETTINGS_KEY,
    version: 1,
    schema: v.object({ version: v.literal(1), ...fields(languages) }) satisfies v.GenericSchema<unknown, StoredClickToCall>,
    fallback: () => ({ version: 1, ...defaultSettings(languages) }),
    // Release 0.1: the ClickToCallSettings fields of then, no version.
    migrations: [addVersion],
  };
}

/** Settings in the unversioned shape (a save, the session mirror), checked; anything odd gets the default. */
export function parseSettings(value: unknown, languages: readonly string[] = []): ClickToCallSettings {
  const parsed = v.safeParse(v.object(fields(languages)), value);
  return parsed.success ? parsed.output : defaultSettings(languages);
}

/** What storage.local holds under SETTINGS_KEY, of any version, as settings. */
export function readClickToCallSettings(stored: unknown, languages: readonly string[] = []): ClickToCallSettings {
  const { version: _version, ...settings } = readStored(clickToCallKey(languages), { [SETTINGS_KEY]: stored }).value;
  return settings;
}

/** What to write to storage.local: the settings checked, with the current version. */
export function storedClickToCall(settings: ClickToCallSettings, languages: readonly string[] = []): StoredClickToCall {
  return { version: 1, ...parseSettings(settings, languages) };
}
