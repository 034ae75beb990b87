// The one normalisation of a phone number, shared by stage 2 of detection,
// the service worker (which re-checks whatever a content script sends) and
// the context menu: libphonenumber-js with its small ("min") metadata.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { MAX_PHONE_TEXT, PHONE_TEXT } from './phone-text';
import { t } from './i18n';

export interface PhoneNumberFound {
  /** E.164, e.g. +14155550132. */
  e164: string;
  /** Extension digits, when the text had one. */
  ext?: string;
  /** What the tooltip shows: E.164 plus the extension. */
  label: string;
}

export type Normalised = ({ ok: true } & PhoneNumberFound) | { ok: false; error: string };

/** Internal extensions (tel:1003): too short for a national number, still dialled on the user's PBX. */
const SHORT_NUMBER = /^[0-9]{2,8}$/;

/** Parses a phone number as libphonenumber-js does; null when it is not a valid one. */
export function parseValid(text: string, defaultCountry: string): PhoneNumberFound | null {
  const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  if (!parsed?.isValid()) return null;
  const e164 = parsed.number;
  return parsed.ext ? { e164, ext: parsed.ext, label: `${e164} ext. ${parsed.ext}` } : { e164, label: e164 };
}

/**
 * Strict normalisation of a number that arrives from elsewhere (a content
 * script, a selection, a tel: link). It never returns a URI: the caller dials
 * the E.164 number (or a short internal number) on the user's own SIP domain.
 */
export function normalisePhoneNumber(input: unknown, defaultCountry: string): Normalised {
  if (typeof input !== 'string') return { ok: false, error: t('number_none_given') };
  const text = input.trim();
  if (!text) return { ok: false, error: t('number_none_given') };
  if (text.length > MAX_PHONE_TEXT) return { ok: false, error: t('number_too_long', { text: text.slice(0, MAX_PHONE_TEXT) }) };
  if (!PHONE_TEXT.test(text) || !/\d/.test(text)) return { ok: false, error: t('number_not_a_number', { text }) };
  const compact = text.replace(/[ \u00a0().\-/]/g, '');
  if (SHORT_NUMBER.test(compact)) return { ok: true, e164: compact, label: compact };
  const found = parseValid(text, defaultCountry);
  if (found) return { ok: true, ...found };
  return text.startsWith('+')
    ? { ok: false, error: t('number_invalid_international', { text }) }
    : { ok: false, error: t('number_invalid_in_country', { text, country: defaultCountry }) };
}
