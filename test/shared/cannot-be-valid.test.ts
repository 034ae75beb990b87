import { getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { cannotBeValid } from '../../src/shared/cannot-be-valid';
import { parseCandidate } from '../../src/shared/parse-candidate';
import { parseValid } from '../../src/shared/phone-number';
import { PHONE_CORPUS } from './phone-corpus';
import { seededRandom } from './seeded-random';

const random = seededRandom(12);
const digit = () => String(Math.floor(random() * 10));
const digits = (n: number) => Array.from({ length: n }, digit).join('');
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const COUNTRIES = getCountries();
const PREFIXES = ['', '', '0', '00', '011', '1', '8', '9', '0011', '010', '00'];

/** A valid number of `country` (its example, last digits varied until valid), as "+" and digits or national digits. */
function validNumber(country: CountryCode): string[] {
  const example = getExampleNumber(country, examples);
  if (!example) return [];
  const national = example.nationalNumber;
  for (let attempt = 0; attempt < 20; attempt++) {
    const varied = national.slice(0, -3) + digits(3);
    const found = parseValid(`+${example.countryCallingCode}${varied}`, country);
    if (found) return [`+${example.countryCallingCode}${varied}`, example.format('NATIONAL').replace(/\D/g, '')];
  }
  return [];
}

/** Digits a page might show to a user of `country`: its own, foreign, with prefixes, too short or long. */
function generated(country: CountryCode): string[] {
  const own = getCountryCallingCode(country);
  const other = getCountryCallingCode(pick(COUNTRIES));
  const numbers = validNumber(country);
  for (let i = 0; i < 40; i++) {
    const length = 4 + Math.floor(random() * 12);
    numbers.push(
      pick(PREFIXES) + digits(length),
      `+${other}${digits(length)}`,
      `+${own}${digits(length)}`,
      `${own}${digits(length)}`,
      `+${digits(length)}`,
    );
  }
  for (const foreign of [pick(COUNTRIES), pick(COUNTRIES)]) {
    const [international, national] = validNumber(foreign);
    if (international && national) numbers.push(international, national, `00${international.slice(1)}`, `011${international.slice(1)}`);
  }
  return numbers;
}

describe('cannotBeValid', () => {
  it('turns down only numbers libphonenumber-js calls invalid, for every default country', () => {
    let invalid = 0;
    let turnedDown = 0;
    const wrong: string[] = [];
    for (const country of COUNTRIES) {
      for (const number of generated(country)) {
        const valid = parseValid(number, country) !== null;
        if (!valid) invalid++;
        if (!cannotBeValid(number, country)) continue;
        turnedDown++;
        if (valid) wrong.push(`${country}: ${number}`);
      }
    }
    expect(wrong).toEqual([]);
    // Not a shortcut that never fires: nine in ten generated invalid numbers are turned down (99% when written).
    expect(turnedDown).toBeGreaterThan(invalid * 0.9);
  });

  it('lets every valid corpus number through, in national and international form', () => {
    for (const [country, , expected] of PHONE_CORPUS) {
      for (const label of expected) {
        const e164 = label.split(' ')[0] ?? '';
        expect(cannotBeValid(e164, country), `${country}: ${e164}`).toBe(false);
      }
    }
    expect(cannotBeValid('02079460018', 'GB')).toBe(false);
    expect(cannotBeValid('004940123456', 'DE')).toBe(false);
    expect(cannotBeValid('011442079460018', 'US')).toBe(false);
    expect(cannotBeValid('14155550132', 'US')).toBe(false);
    // +61 is Australia's and also the Cocos and Christmas Islands', whose short numbers only their own pattern fits.
    expect(parseValid('+61183116320', 'US')).not.toBeNull();
    expect(cannotBeValid('+61183116320', 'US')).toBe(false);
  });

  it('turns down national numbers of other countries read with a US default', () => {
    for (const number of ['02079460018', '0301234567', '0612345678', '0312345678', '09812345678', '0412345678'])
      expect(cannotBeValid(number, 'US'), number).toBe(true);
    // Calling code 0 does not exist; +1 numbers are ten digits.
    expect(cannotBeValid('+0123456789', 'US')).toBe(true);
    expect(cannotBeValid('+1415555013', 'US')).toBe(true);
  });

  it('leaves the decision to the library for a country it does not know', () => {
    expect(cannotBeValid('0000', 'XX')).toBe(false);
  });
});

describe('parseCandidate', () => {
  const SEPARATORS = [' ', '-', '.', '/', '\u00a0', '', ''];
  const format = (number: string) =>
    number
      .replace(/\d/g, (d, i: number) => (i > 0 && random() < 0.3 ? pick(SEPARATORS) : '') + d)
      .replace(/^(\+?)(\d{2,3})/, (all, plus: string, head: string) => (random() < 0.3 ? `${plus}(${head})` : all));

  it('gives what parseValid gives for the text as written', () => {
    const differences: string[] = [];
    for (const country of COUNTRIES) {
      for (const number of generated(country).slice(0, 60)) {
        const text = format(number);
        const variants = [text, `${text} ext. ${digits(2)}`, `${text} x${digits(3)}`, text.slice(0, 2)];
        for (const value of variants)
          if (JSON.stringify(parseCandidate(value, country)) !== JSON.stringify(parseValid(value, country)))
            differences.push(`${country}: ${value}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('keeps the extension', () => {
    expect(parseCandidate('(206) 555-0100 ext. 23', 'US')).toEqual({ e164: '+12065550100', ext: '23', label: '+12065550100 ext. 23' });
    expect(parseCandidate('+44 (0)20 7946 0321', 'US')).toEqual({ e164: '+442079460321', label: '+442079460321' });
    expect(parseCandidate('020 7946 0018', 'US')).toBeNull();
  });
});
