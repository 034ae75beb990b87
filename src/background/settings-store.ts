// The phone settings in storage.local (the offscreen phone cannot read storage:
// the worker hands them over with every 'phone.configure'). Read through the
// versioned schema (shared/stored-phone-settings.ts): release 0.1's unversioned
// settings are read as they are and get the version with the next save.
import browser from 'webextension-polyfill';
import { PHONE_SETTINGS_KEY, type PhoneSettings } from '../shared/phone-settings';
import { readPhoneSettings, storedPhoneSettings } from '../shared/stored-phone-settings';

export async function loadPhoneSettings(): Promise<PhoneSettings> {
  const stored = await browser.storage.local.get(PHONE_SETTINGS_KEY);
  return readPhoneSettings(stored[PHONE_SETTINGS_KEY]);
}

export async function savePhoneSettings(settings: PhoneSettings): Promise<void> {
  await browser.storage.local.set({ [PHONE_SETTINGS_KEY]: storedPhoneSettings(settings) });
}
