import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber } from '../../src/shared/phone-number';

describe('normalisePhoneNumber', () => {
  it.each([
    ['+1 (415) 555-0132', 'US', '+14155550132'],
    ['(415) 555-0132', 'US', '+14155550132'],
    ['030 1234567', 'DE', '+49301234567'],
    ['0049 30 1234567', 'DE', '+49301234567'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['1002', 'US', '1002'],
  ])('%s in %s → %s', (input, country, e164) => {
    expect(normalisePhoneNumber(input, country)).toMatchObject({ ok: true, e164 });
  });

  it('keeps the extension for the label', () => {
    expect(normalisePhoneNumber('(206) 555-0100 ext. 23', 'US')).toEqual({
      ok: true,
      e164: '+12065550100',
      ext: '23',
      label: '+12065550100 ext. 23',
    });
  });

  it.each([
    [undefined, 'No phone number'],
    ['', 'No phone number'],
    ['sip:evil@attacker.example', 'is not a phone number'],
    ['call me', 'is not a phone number'],
    ['1'.repeat(41), 'too long'],
    ['+1 555 0000 000', 'not a valid international'],
    ['555 1234 5678', 'not a valid phone number in US'],
  ])('refuses %s with a clear message', (input, message) => {
    const result = normalisePhoneNumber(input, 'US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
