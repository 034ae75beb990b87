import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { detectPhoneNumbers } from '../../src/shared/detect-phone-numbers';
import { findCandidates, hasCandidate } from '../../src/shared/find-candidates';
import { PHONE_CORPUS } from './phone-corpus';

const labelsOf = (found: { e164?: string; label?: string }[]) => found.map((f) => f.label);
const libraryFinds = (text: string, country: string) =>
  findPhoneNumbersInText(text, { defaultCountry: country as CountryCode }).map((f) =>
    f.number.ext ? `${f.number.number} ext. ${f.number.ext}` : f.number.number,
  );

describe('the phone-number corpus', () => {
  it('has at least 150 labelled lines across at least 10 countries, with positives and false positives', () => {
    expect(PHONE_CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PHONE_CORPUS.map(([country]) => country)).size).toBeGreaterThanOrEqual(10);
    expect(PHONE_CORPUS.filter(([, , e]) => e.length > 0).length).toBeGreaterThan(60);
    expect(PHONE_CORPUS.filter(([, , e]) => e.length === 0).length).toBeGreaterThan(60);
  });

  it.each(PHONE_CORPUS.map(([country, text, expected]) => [country, text, expected] as const))('%s: %s', (country, text, expected) => {
    expect(labelsOf(detectPhoneNumbers(text, country))).toEqual(expected);
  });
});

describe('against libphonenumber-js findPhoneNumbersInText', () => {
  // Same results on the corpus, except where the library links what the
  // labels call a false positive (order and invoice numbers, dates it reads
  // as numbers, postal codes, IDs): those are the deliberate differences.
  it('finds every number the library finds, except labelled false positives, and nothing else', () => {
    const differences: string[] = [];
    for (const [country, text, expected] of PHONE_CORPUS) {
      const mine = labelsOf(detectPhoneNumbers(text, country));
      const library = libraryFinds(text, country);
      for (const number of mine) expect(library, `${country}: ${text}`).toContain(number);
      for (const number of library.filter((n) => !mine.includes(n))) {
        expect(expected, `${country}: ${text} (library: ${number})`).not.toContain(number);
        differences.push(`${country}: ${text} → ${number}`);
      }
    }
    expect(differences.length).toBeLessThan(30);
  });
});

describe('stage 1 (find-candidates)', () => {
  it('finds the digit runs stage 2 needs, and nothing in text without them', () => {
    expect(findCandidates('Call (415) 555-0132 now').map((c) => c.text)).toEqual(['(415) 555-0132']);
    expect(findCandidates('Tel.:+49 30 1234567').map((c) => c.text)).toEqual(['+49 30 1234567']);
    expect(hasCandidate('In 2023 we closed 1,200 tickets at 9:15.')).toBe(false);
    expect(hasCandidate('Order #4155550199')).toBe(false);
    expect(hasCandidate('Up 12.5%')).toBe(false);
  });

  it('keeps the extension with the number', () => {
    expect(detectPhoneNumbers('Dana: (206) 555-0100 ext. 23.', 'US')).toMatchObject([
      { text: '(206) 555-0100 ext. 23', e164: '+12065550100', ext: '23', label: '+12065550100 ext. 23' },
    ]);
  });

  it('reports positions in the original text', () => {
    const text = 'A: +44 20 7946 0958; B: (415) 555-0132 (24/7)';
    for (const found of detectPhoneNumbers(text, 'US')) expect(text.slice(found.start, found.end)).toBe(found.text);
  });
});
