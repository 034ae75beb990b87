// The phone settings in storage.local (the offscreen phone cannot read storage:
// the worker hands them over with every 'phone.configure').
import browser from 'webextension-polyfill';
import { PHONE_SETTINGS_KEY, parsePhoneSettings, type PhoneSettings } from '../shared/phone-settings';

export async function loadPhoneSettings(): Promise<PhoneSettings> {
  const stored = await browser.storage.local.get(PHONE_SETTINGS_KEY);
  return parsePhoneSettings(stored[PHONE_SETTINGS_KEY]);
}

export async function savePhoneSettings(settings: PhoneSettings): Promise<void> {
  await browser.storage.local.set({ [PHONE_SETTINGS_KEY]: settings });
}
