// Builds the bench's text: the labelled corpus lines (all countries) spread
// through ordinary prose with the years, times, counts and prices real pages
// have: one corpus line after every eight sentences gives about 600 phone
// numbers per MiB, near the density of the baseline in PLATFORM-NOTES (647).
//
// Each time a corpus line comes round its digits change, so the text does not
// repeat the same 160 lines (a page lists different numbers, and a detector
// that remembered results would otherwise look faster than it is): a phone
// number keeps its country and format and gets new last digits, drawn until
// libphonenumber-js calls it valid for the line's country; the other digit
// runs (dates, prices, order numbers, IDs) keep their first two digits and
// their shape. A seeded generator makes the text the same on every run.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { PHONE_CORPUS } from '../test/shared/phone-corpus';
import { seededRandom } from '../test/shared/seeded-random';

const PROSE = [
  'The quarterly review covered hiring, the new onboarding flow and the customer survey from last spring.',
  'Most respondents said the product was easy to use, although 12 of them asked for better reporting.',
  'In 2023 the team shipped four major releases and closed more than 1,200 support tickets.',
  'Please read the attached notes before the workshop on Thursday; coffee will be served from 9:15.',
  'Shipping usually takes three to five business days, depending on the destination and the carrier.',
  'Our offices are closed on public holidays, but the help centre stays open around the clock.',
  'The average basket grew by 8% while returns stayed flat at roughly 3 items per hundred orders.',
  'Remember to update your password every ninety days and to enable two-factor authentication.',
];

const EVERY = 9;
const SEED = 0x5eed;
/** Last digits of a phone number that are drawn anew (fewer when its national number is short). */
const PHONE_DIGITS = 4;
const TRIES = 50;

interface PhoneSpan {
  start: number;
  end: number;
  country: CountryCode;
  callingCode: string;
  /** Positions (in the line) of the digits that may change: the last ones before any extension. */
  free: number[];
}

interface Template {
  line: string;
  phones: PhoneSpan[];
  /** Positions of the other digits that may change. */
  otherFree: number[];
}

function template(country: string, line: string, expected: readonly string[]): Template {
  const phones: PhoneSpan[] = [];
  for (const found of findPhoneNumbersInText(line, { defaultCountry: country as CountryCode })) {
    const label = found.number.ext ? `${found.number.number} ext. ${found.number.ext}` : found.number.number;
    if (!expected.includes(label)) continue;
    const digits: number[] = [];
    for (let i = found.startsAt; i < found.endsAt; i++) if (/\d/.test(line[i] ?? '')) digits.push(i);
    const main = digits.slice(0, digits.length - (found.number.ext?.length ?? 0));
    const free = main.slice(-Math.min(PHONE_DIGITS, found.number.nationalNumber.length - 3));
    phones.push({
      start: found.startsAt,
      end: found.endsAt,
      country: found.number.country ?? (country as CountryCode),
      callingCode: found.number.countryCallingCode,
      free,
    });
  }
  const inPhone = (i: number) => phones.some((p) => i >= p.start && i < p.end);
  const otherFree: number[] = [];
  for (const run of line.matchAll(/\d+/g)) {
    const start = run.index;
    const length = run[0].length;
    if (length < 3 || inPhone(start) || inPhone(start + length - 1)) continue;
    for (let i = start + Math.max(2, length - 4); i < start + length; i++) otherFree.push(i);
  }
  return { line, phones, otherFree };
}

const TEMPLATES = PHONE_CORPUS.map(([country, line, expected]) => template(country, line, expected));

function vary(t: Template, random: () => number): { line: string; numbers: string[] } {
  const chars = t.line.split('');
  const draw = (positions: number[]) => {
    for (const i of positions) chars[i] = String(Math.floor(random() * 10));
  };
  draw(t.otherFree);
  const numbers: string[] = [];
  for (const phone of t.phones) {
    const original = chars.slice(phone.start, phone.end);
    let number: string | undefined;
    for (let attempt = 0; attempt < TRIES && !number; attempt++) {
      draw(phone.free);
      const parsed = parsePhoneNumberFromString(chars.slice(phone.start, phone.end).join(''), phone.country);
      if (parsed?.isValid() && parsed.countryCallingCode === phone.callingCode) number = parsed.number;
    }
    if (!number) {
      // No valid variant found: keep the corpus number (counted as a repeat in the uniqueness figure).
      chars.splice(phone.start, original.length, ...original);
      number = parsePhoneNumberFromString(original.join(''), phone.country)?.number ?? original.join('');
    }
    numbers.push(number);
  }
  return { line: chars.join(''), numbers };
}

export interface MixedText {
  text: string;
  /** The phone numbers placed in it (E.164, in order), to report how many there are and how many are distinct. */
  numbers: string[];
}

/** About `bytes` bytes of prose with varied corpus lines spread through it (or prose only). */
export function buildMixedText(bytes: number, withCorpus = true): MixedText {
  const random = seededRandom(SEED);
  const parts: string[] = [];
  const numbers: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let part = PROSE[i % PROSE.length] ?? '';
    if (withCorpus && i % EVERY === EVERY - 1) {
      const t = TEMPLATES[Math.floor(i / EVERY) % TEMPLATES.length];
      if (t) {
        const varied = vary(t, random);
        part = varied.line;
        if (size + Buffer.byteLength(part) <= bytes) numbers.push(...varied.numbers);
      }
    }
    parts.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return { text: parts.join('\n').slice(0, bytes), numbers };
}

/** About `bytes` bytes of prose with varied corpus lines spread through it (or prose only). */
export function mixedText(bytes: number, withCorpus = true): string {
  return buildMixedText(bytes, withCorpus).text;
}
