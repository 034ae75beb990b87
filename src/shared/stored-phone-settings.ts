// The phone settings in storage.local ('phoneSettings'), with a version. Release
// 0.1 stored the PhoneSettings object itself, without one: migrations[0] adds it.
// Version 2 added where calls show (callWindow): migrations[1] gives version 1's
// settings the default, the small call window, and keeps everything else.
// Fields fall back one by one (shared/phone-settings.ts), so a broken value
// resets that setting only.
import * as v from 'valibot';
import { PHONE_SETTINGS_FIELDS, PHONE_SETTINGS_KEY, defaultPhoneSettings, parsePhoneSettings, type PhoneSettings } from './phone-settings';
import { addVersion, readStored, type StoredKey } from './stored-schema';

export type StoredPhoneSettings = PhoneSettings & { version: 2 };

/** Version 1 → 2: the call window setting, at its default unless one is there already. */
function addCallWindow(old: unknown): unknown {
  const settings = typeof old === 'object' && old !== null && !Array.isArray(old) ? (old as Record<string, unknown>) : {};
  return { callWindow: defaultPhoneSettings().callWindow, ...settings, version: 2 };
}

export const PHONE_SETTINGS: StoredKey<StoredPhoneSettings> = {
  key: PHONE_SETTINGS_KEY,
  version: 2,
  schema: v.object({ version: v.literal(2), ...PHONE_SETTINGS_FIELDS }) satisfies v.GenericSchema<unknown, StoredPhoneSettings>,
  fallback: () => ({ version: 2, ...defaultPhoneSettings() }),
  // Release 0.1: the PhoneSettings fields of then, no version. Version 1: no callWindow.
  migrations: [addVersion, addCallWindow],
};

/** What storage.local holds under PHONE_SETTINGS_KEY, of any version, as settings. */
export function readPhoneSettings(stored: unknown): PhoneSettings {
  const { version: _version, ...settings } = readStored(PHONE_SETTINGS, { [PHONE_SETTINGS_KEY]: stored }).value;
  return settings;
}

/** What to write: the settings checked, with the current version. */
export function storedPhoneSettings(settings: PhoneSettings): StoredPhoneSettings {
  return { version: 2, ...parsePhoneSettings(settings) };
}
