// Phone settings the offscreen phone needs (DTMF method, call limit, audio
// devices). Saved in storage.local by the service worker and handed to the
// phone with every 'phone.configure'. Pure: every context may use it.

export type DtmfMethod = 'rfc4733' | 'info';

export interface PhoneSettings {
  /** RFC 4733 telephone-events in the audio (what most PBXes expect) or SIP INFO. */
  dtmfMethod: DtmfMethod;
  /** Calls at once, ringing ones included; more incoming calls get 486 Busy Here. */
  maxCalls: number;
  /** '' is the system default. Ids are per origin: the options page and the phone share one. */
  inputDeviceId: string;
  /** The label when chosen, so that a notice can name an unplugged device. */
  inputDeviceLabel: string;
  outputDeviceId: string;
  outputDeviceLabel: string;
}

/** The storage.local key. */
export const PHONE_SETTINGS_KEY = 'phoneSettings';
export const MAX_CALLS_LIMIT = 8;

export function defaultPhoneSettings(): PhoneSettings {
  return { dtmfMethod: 'rfc4733', maxCalls: 2, inputDeviceId: '', inputDeviceLabel: '', outputDeviceId: '', outputDeviceLabel: '' };
}

export type PhoneSettingsErrors = Partial<Record<keyof PhoneSettings, string>>;

/** What is wrong with a candidate, field by field, in words (empty when valid). */
export function validatePhoneSettings(value: unknown): PhoneSettingsErrors {
  if (typeof value !== 'object' || value === null) return { dtmfMethod: 'The settings are missing.' };
  const v = value as Record<string, unknown>;
  const errors: PhoneSettingsErrors = {};
  if (v.dtmfMethod !== 'rfc4733' && v.dtmfMethod !== 'info') errors.dtmfMethod = 'Choose RFC 4733 or SIP INFO for key tones.';
  if (typeof v.maxCalls !== 'number' || !Number.isInteger(v.maxCalls) || v.maxCalls < 1 || v.maxCalls > MAX_CALLS_LIMIT) {
    errors.maxCalls = `The maximum number of calls must be a whole number from 1 to ${MAX_CALLS_LIMIT}.`;
  }
  for (const field of ['inputDeviceId', 'inputDeviceLabel', 'outputDeviceId', 'outputDeviceLabel'] as const) {
    if (typeof v[field] !== 'string' || v[field].length > 512) errors[field] = 'Choose a device from the list.';
  }
  return errors;
}

/** Stored or received settings, with defaults for anything missing or broken (never throws). */
export function parsePhoneSettings(value: unknown): PhoneSettings {
  const defaults = defaultPhoneSettings();
  if (typeof value !== 'object' || value === null) return defaults;
  const merged = { ...defaults, ...(value as Partial<PhoneSettings>) };
  const errors = validatePhoneSettings(merged);
  const out = { ...merged };
  for (const field of Object.keys(errors) as (keyof PhoneSettings)[]) (out as Record<string, unknown>)[field] = defaults[field];
  return {
    dtmfMethod: out.dtmfMethod,
    maxCalls: out.maxCalls,
    inputDeviceId: out.inputDeviceId,
    inputDeviceLabel: out.inputDeviceLabel,
    outputDeviceId: out.outputDeviceId,
    outputDeviceLabel: out.outputDeviceLabel,
  };
}
