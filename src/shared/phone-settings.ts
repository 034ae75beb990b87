// Phone settings the offscreen phone needs (DTMF method, call limit, audio
// devices), and where calls show (the call window, read by the worker).
// Saved in storage.local by the service worker (versioned:
// shared/stored-phone-settings.ts) and handed to the phone with every
// 'phone.configure'. One valibot schema gives the check of a save (with the
// words for each field) and the reading with defaults. Every context may use it.
import * as v from 'valibot';

export type DtmfMethod = 'rfc4733' | 'info';

/**
 * Where a call shows by itself (a call from a page, a shortcut, the menu or a
 * notification, and an incoming call): ClickDial's small call window, Chrome's
 * side panel (where Chrome lets it open, else the window), or nowhere
 * (background/call-window.ts). Read by the service worker only.
 */
export type CallWindowMode = 'window' | 'sidePanel' | 'never';
export const CALL_WINDOW_MODES: readonly CallWindowMode[] = ['window', 'sidePanel', 'never'];

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
  callWindow: CallWindowMode;
}

/** The storage.local key. */
export const PHONE_SETTINGS_KEY = 'phoneSettings';
export const MAX_CALLS_LIMIT = 8;

export function defaultPhoneSettings(): PhoneSettings {
  return {
    dtmfMethod: 'rfc4733',
    maxCalls: 2,
    inputDeviceId: '',
    inputDeviceLabel: '',
    outputDeviceId: '',
    outputDeviceLabel: '',
    callWindow: 'window',
  };
}

const DEVICE = v.pipe(v.string(), v.maxLength(512));
const FIELDS = {
  dtmfMethod: v.picklist(['rfc4733', 'info']),
  maxCalls: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CALLS_LIMIT)),
  inputDeviceId: DEVICE,
  inputDeviceLabel: DEVICE,
  outputDeviceId: DEVICE,
  outputDeviceLabel: DEVICE,
  callWindow: v.picklist(CALL_WINDOW_MODES),
};

const DEFAULTS = defaultPhoneSettings();

/** Each field on its own: a broken or missing one gets its default, the others are kept. */
export const PHONE_SETTINGS_FIELDS = {
  dtmfMethod: v.fallback(FIELDS.dtmfMethod, DEFAULTS.dtmfMethod),
  maxCalls: v.fallback(FIELDS.maxCalls, DEFAULTS.maxCalls),
  inputDeviceId: v.fallback(FIELDS.inputDeviceId, DEFAULTS.inputDeviceId),
  inputDeviceLabel: v.fallback(FIELDS.inputDeviceLabel, DEFAULTS.inputDeviceLabel),
  outputDeviceId: v.fallback(FIELDS.outputDeviceId, DEFAULTS.outputDeviceId),
  outputDeviceLabel: v.fallback(FIELDS.outputDeviceLabel, DEFAULTS.outputDeviceLabel),
  callWindow: v.fallback(FIELDS.callWindow, DEFAULTS.callWindow),
};

const MESSAGES: Record<keyof PhoneSettings, string> = {
  dtmfMethod: 'Choose RFC 4733 or SIP INFO for key tones.',
  maxCalls: `The maximum number of calls must be a whole number from 1 to ${MAX_CALLS_LIMIT}.`,
  inputDeviceId: 'Choose a device from the list.',
  inputDeviceLabel: 'Choose a device from the list.',
  outputDeviceId: 'Choose a device from the list.',
  outputDeviceLabel: 'Choose a device from the list.',
  callWindow: 'Choose where calls open: a small window, the side panel or never.',
};

export type PhoneSettingsErrors = Partial<Record<keyof PhoneSettings, string>>;

/** What is wrong with a candidate, field by field, in words (empty when valid). */
export function validatePhoneSettings(value: unknown): PhoneSettingsErrors {
  if (typeof value !== 'object' || value === null) return { dtmfMethod: 'The settings are missing.' };
  const errors: PhoneSettingsErrors = {};
  const result = v.safeParse(v.object(FIELDS), value);
  for (const issue of result.issues ?? []) {
    const field = issue.path?.[0]?.key;
    if (typeof field === 'string' && field in MESSAGES) errors[field as keyof PhoneSettings] = MESSAGES[field as keyof PhoneSettings];
  }
  return errors;
}

/** Stored or received settings, with defaults for anything missing or broken (never throws). */
export function parsePhoneSettings(value: unknown): PhoneSettings {
  const parsed = v.safeParse(v.object(PHONE_SETTINGS_FIELDS), value);
  return parsed.success ? parsed.output : defaultPhoneSettings();
}
