// Phone numbers as people read and type them, and the one key two ways of
// writing a number compare by. libphonenumber-js with its small metadata;
// the country is the user's default one from the click-to-call settings, for
// numbers written without a country code.
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** What a number is written with; anything else (a letter, "@") makes it a SIP address or a name. */
const PHONE_CHARS = /^[+0-9 ().\-/\u00a0*#]+$/;
const SEPARATORS = /[ ().\-/\u00a0]/g;

/** The PBX's own short numbers (1002, 8000): no leading 0 or +, so never a national number. */
function isExtension(compact: string): boolean {
  return /^[1-9][0-9]{0,5}$/.test(compact) || /^[*#]/.test(compact);
}

/** Digits, "+", "*" and "#" of a number as written; null when the text is not a number. */
export function compactNumber(text: string): string | null {
  const trimmed = text.trim();
  if (!PHONE_CHARS.test(trimmed) || !/[0-9]/.test(trimmed)) return null;
  return trimmed.replace(SEPARATORS, '');
}

/**
 * The key a number is compared by: E.164 when libphonenumber-js reads it as a
 * possible number of the default country (030 123456 and +49 30 123456 meet),
 * else its compact digits (extensions, odd numbers). Null for what is not a number.
 */
export function numberKey(text: string, country: string): string | null {
  const compact = compactNumber(text);
  if (compact === null) return null;
  if (isExtension(compact)) return compact;
  const parsed = parsePhoneNumberFromString(compact, country as CountryCode);
  return parsed?.isPossible() ? parsed.number : compact;
}

/**
 * A number to show: national format for the default country's numbers,
 * international for others, as written for extensions and what is not a
 * valid number (a SIP user name stays as it is).
 */
export function formatNumber(text: string, country: string): string {
  const compact = compactNumber(text);
  if (compact === null || isExtension(compact)) return text;
  const parsed = parsePhoneNumberFromString(compact, country as CountryCode);
  if (!parsed?.isValid()) return text;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * The dial field's text for what was typed (`raw`, the characters that are
 * dialled): formatted as you type while it is a phone number ("+1 415 555"),
 * as typed when it is an extension, a code with * or #, a name or a SIP address.
 */
export function formatAsTyped(raw: string, country: string): string {
  if (!/^\+?[0-9]+$/.test(raw) || isExtension(raw)) return raw;
  return new AsYouType(country as CountryCode).input(raw);
}

/** What is dialled for the text in the dial field: separators out of a number, anything else as typed. */
export function rawDialText(text: string): string {
  return compactNumber(text) ?? text;
}
