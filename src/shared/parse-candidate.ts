// Stage 2, part 2: parse a candidate that passed reject-candidate.ts. A plain
// candidate (digits, spaces, dashes, dots, brackets, slashes, a leading "+")
// means to libphonenumber-js only its digits and "+": the library drops that
// punctuation itself, finds no extension in it, and accepts it as a phone
// number's shape whenever there are at least three digits. So such a
// candidate is handed over as "+" and digits, which spares the library its
// extraction and extension regexes, and first to cannot-be-valid.ts, which
// turns down the digits that no country's pattern can fit. Anything else (an
// extension, fewer digits) is parsed as written.
import { parseValid, type PhoneNumberFound } from './phone-number';
import { cannotBeValid } from './cannot-be-valid';

const PLAIN = /^\+?[\d \u00a0\-.()/]+$/;
const NON_DIGIT = /\D/g;
const MIN_DIGITS = 3;

/** parseValid(value, defaultCountry), the same result in less time. */
export function parseCandidate(value: string, defaultCountry: string): PhoneNumberFound | null {
  if (!PLAIN.test(value)) return parseValid(value, defaultCountry);
  const digits = value.replace(NON_DIGIT, '');
  if (digits.length < MIN_DIGITS) return parseValid(value, defaultCountry);
  const number = value.startsWith('+') ? `+${digits}` : digits;
  return cannotBeValid(number, defaultCountry) ? null : parseValid(number, defaultCountry);
}
