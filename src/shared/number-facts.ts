// What a number that arrives from a web page, a selection or a link is, as
// the confirmation window shows it and the consent rules need it: formatted,
// its country, its type (premium rate, shared cost...), whether it is an
// emergency or a short number. Uses libphonenumber-js's full ("max")
// metadata, which alone knows number types; only the service worker and
// the confirmation window load it, never a web page.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import EMERGENCY from './emergency-numbers.json';

export interface NumberFacts {
  /** What is dialled: E.164, or the short number's digits. */
  dial: string;
  /** E.164, when it is a valid national or international number. */
  e164?: string;
  /** As written in its country ("(415) 555-0102"), and internationally ("+1 415 555 0102"). */
  national?: string;
  international?: string;
  /** ISO 3166 region of the number, when known. */
  country?: string;
  type?: NumberType;
  /**
   * An emergency number of the user's country (any number that starts with one, as the network
   * would connect it), or one behind an outside-line prefix (viaOutsideLine).
   */
  emergency: boolean;
  /** Too short for a national number: an internal extension or a service code. */
  short: boolean;
  /** Premium rate, shared cost and other types that can cost the caller money, or of no known type. */
  highCost: boolean;
}

// Types a caller pays the ordinary price for; anything else (PREMIUM_RATE,
// SHARED_COST, PERSONAL_NUMBER, UAN, PAGER, VOICEMAIL, unknown) is treated as
// costly: a page could pick such a number to be paid for the call.
const ORDINARY: ReadonlySet<NumberType> = new Set(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'VOIP']);
// Regions where only the exact emergency number connects (Google libphonenumber's ShortNumberInfo).
const EXACT_EMERGENCY: ReadonlySet<string> = new Set(['BR', 'CL', 'NI']);
const SHORT = /^[0-9]{2,8}$/;

const patterns = EMERGENCY as Record<string, string>;
const compiled = new Map<string, RegExp>();

/** The region's emergency numbers as a regular expression: the whole number, or its start. */
function emergencyRegex(region: string, exact: boolean): RegExp | undefined {
  const pattern = patterns[region];
  if (!pattern) return undefined;
  const key = `${region}${exact ? '$' : ''}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(exact ? `^(?:${pattern})$` : `^(?:${pattern})`);
    compiled.set(key, re);
  }
  return re;
}

/** True when `digits` (as dialled nationally) reaches an emergency service in `region`. */
export function isEmergencyNumber(digits: string, region: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  return emergencyRegex(region, EXACT_EMERGENCY.has(region))?.test(digits) ?? false;
}

/**
 * True when `digits` is an outside-line prefix, 9 or 0 (what North American and British office
 * phones, and much of Europe's, dial to get out of the PBX), then exactly an emergency number of
 * `region`: "9911" reaches 911 from most office phones, and people on a PBX dial it out of habit.
 * Not in libphonenumber (a public network knows no PBX prefix); the confirmation warns of it all the same.
 */
export function viaOutsideLine(digits: string, region: string): boolean {
  if (!/^[90][0-9]{2,}$/.test(digits)) return false;
  return emergencyRegex(region, true)?.test(digits.slice(1)) ?? false;
}

/** `dial` is what normalisePhoneNumber gave (E.164 or a short number); `region` the user's default country. */
export function numberFacts(dial: string, region: string): NumberFacts {
  const digits = dial.replace(/^\+/, '');
  const emergency = !dial.startsWith('+') && (isEmergencyNumber(digits, region) || viaOutsideLine(digits, region));
  if (SHORT.test(dial)) return { dial, emergency, short: true, highCost: false };
  const parsed = parsePhoneNumberFromString(dial, region as CountryCode);
  if (!parsed?.isValid()) return { dial, emergency, short: false, highCost: true };
  const type = parsed.getType();
  return {
    dial,
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    ...(parsed.country ? { country: parsed.country } : {}),
    ...(type ? { type } : {}),
    emergency,
    short: false,
    highCost: type === undefined || !ORDINARY.has(type),
  };
}

/**
 * Whether a link's visible text shows the number it calls: the text, read as
 * libphonenumber-js reads phone numbers in text, holds exactly one number and
 * it is this one (digits scattered over a sentence, "Room 415, ext 5550102",
 * do not count). A short number must stand on its own ("Ext. 1003").
 */
export function textShowsNumber(text: string, dial: string, region: string): boolean {
  if (SHORT.test(dial)) return new RegExp(`(?<![0-9])${dial}(?![0-9])`).test(text);
  const found = findPhoneNumbersInText(text.slice(0, 200), region as CountryCode);
  return found.length === 1 && found[0]?.number.number === dial;
}
