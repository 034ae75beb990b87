// Stage 2's shortcut past libphonenumber-js: most candidates it turns down on
// a page are numbers of another country written nationally, and the library
// spends the most on exactly those (for +1 it tries the number against all 25
// countries of the North American plan before it says no). This follows the
// library's own steps for a number's digits (and leading "+") far enough to
// know every national significant number it could end with: the digits as
// written, after the default country's international prefix or its calling
// code, with or without the national prefix the country strips (or
// rewrites). When none of those fits the national number pattern of any
// country with that calling code, the library cannot call the number valid,
// so it is not asked. test/content/cannot-be-valid.test.ts checks this
// against parseValid on generated numbers for every country.
import { Metadata } from 'libphonenumber-js/min';

/** The parts of libphonenumber-js's Metadata this reads (the library's own, untyped in its .d.ts). */
interface NumberingPlan {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
}
interface MetadataApi {
  numberingPlan?: NumberingPlan;
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface Rules {
  callingCode: string;
  /** As the library builds them: the international prefix unanchored, the national prefix anchored. */
  idd: RegExp;
  nationalPrefix?: RegExp;
  transform?: string;
}

interface CallingCode {
  /** The numbering plan the library selects for the calling code (its main country). */
  rules: Rules;
  /** Whether a national number fits any country of the calling code. */
  fits: RegExp;
}

const metadata = new Metadata() as unknown as MetadataApi;
const countries = new Map<string, Rules | null>();
const callingCodes = new Map<string, CallingCode | null>();

function plan(countryOrCallingCode: string): NumberingPlan {
  metadata.selectNumberingPlan(countryOrCallingCode);
  if (!metadata.numberingPlan) throw new Error(`No numbering plan for ${countryOrCallingCode}`);
  return metadata.numberingPlan;
}

function rulesOf(p: NumberingPlan): Rules {
  const prefix = p.nationalPrefixForParsing();
  return {
    callingCode: p.callingCode(),
    idd: new RegExp(p.IDDPrefix()),
    nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
    transform: p.nationalPrefixTransformRule() || undefined,
  };
}

function countryRules(country: string): Rules | null {
  let rules = countries.get(country);
  if (rules === undefined) {
    rules = metadata.hasCountry(country) ? rulesOf(plan(country)) : null;
    countries.set(country, rules);
  }
  return rules;
}

function callingCode(code: string): CallingCode | null {
  let found = callingCodes.get(code);
  if (found === undefined) {
    found = null;
    if (metadata.hasCallingCode(code)) {
      // Non-geographic codes (+800, +882…) have one plan of their own.
      const members = metadata.getCountryCodesForCallingCode(code) ?? [code];
      const patterns = members.map((member) => `(?:${plan(member).nationalNumberPattern()})`);
      found = { rules: rulesOf(plan(code)), fits: new RegExp(`^(?:${patterns.join('|')})$`) };
    }
    callingCodes.set(code, found);
  }
  return found;
}

/** The library's national-prefix step (extractNationalNumberFromPossiblyIncompleteNumber). */
function withoutNationalPrefix(digits: string, rules: Rules): string {
  if (!digits || !rules.nationalPrefix) return digits;
  const match = rules.nationalPrefix.exec(digits);
  if (!match) return digits;
  const groups = match.length - 1;
  if (rules.transform && groups > 0 && match[groups]) return digits.replace(rules.nationalPrefix, rules.transform);
  return digits.slice(match[0].length);
}

/** After a "+" or an international prefix: the calling code is the shortest known one, then the national number. */
function internationalMayBeValid(digits: string): boolean {
  if (digits.startsWith('0')) return false;
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const code = callingCode(digits.slice(0, length));
    if (!code) continue;
    const rest = digits.slice(length);
    return code.fits.test(rest) || code.fits.test(withoutNationalPrefix(rest, code.rules));
  }
  return false;
}

/**
 * True only when libphonenumber-js (parseValid) is sure to reject `number`
 * (digits with an optional leading "+") with this default country; false when
 * it may accept it (then it decides).
 */
export function cannotBeValid(number: string, defaultCountry: string): boolean {
  const home = countryRules(defaultCountry);
  if (!home) return false;
  if (number.startsWith('+')) return !internationalMayBeValid(number.slice(1));
  const idd = home.idd.exec(number);
  if (idd?.index === 0 && idd[0].length > 0) {
    const rest = number.slice(idd[0].length);
    if (rest && !rest.startsWith('0')) return !internationalMayBeValid(rest);
  }
  const code = callingCode(home.callingCode);
  if (!code) return false;
  const nationals = [number, withoutNationalPrefix(number, home)];
  if (number.startsWith(home.callingCode)) {
    // Written without the "+": the library may take the calling code off.
    const rest = number.slice(home.callingCode.length);
    nationals.push(rest, withoutNationalPrefix(rest, home), withoutNationalPrefix(rest, code.rules));
  }
  return !nationals.some((national) => code.fits.test(national));
}
