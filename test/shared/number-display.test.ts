import { describe, expect, it } from 'vitest';
import { compactNumber, formatAsTyped, formatNumber, numberKey, rawDialText } from '../../src/shared/number-display';

describe('numberKey', () => {
  it('meets national and international writings of a number in E.164', () => {
    expect(numberKey('030 901820', 'DE')).toBe('+4930901820');
    expect(numberKey('+49 (30) 901-820', 'US')).toBe('+4930901820');
    expect(numberKey('(415) 555-0132', 'US')).toBe('+14155550132');
    expect(numberKey('+1 415 555 0132', 'DE')).toBe('+14155550132');
  });

  it('keeps extensions and codes as their digits, and is null for what is not a number', () => {
    expect(numberKey('1002', 'DE')).toBe('1002');
    expect(numberKey('10 02', 'US')).toBe('1002');
    expect(numberKey('*97', 'US')).toBe('*97');
    expect(numberKey('alice', 'US')).toBeNull();
    expect(numberKey('sip:1002@x', 'US')).toBeNull();
    expect(numberKey('', 'US')).toBeNull();
  });
});

describe('formatNumber', () => {
  it("writes the default country's numbers nationally, others internationally", () => {
    expect(formatNumber('+14155550132', 'US')).toBe('(415) 555-0132');
    expect(formatNumber('+4930901820', 'US')).toBe('+49 30 901820');
    expect(formatNumber('+4930901820', 'DE')).toBe('030 901820');
  });

  it('leaves extensions, invalid numbers and SIP users as they are', () => {
    expect(formatNumber('1002', 'DE')).toBe('1002');
    expect(formatNumber('+999', 'US')).toBe('+999');
    expect(formatNumber('alice', 'US')).toBe('alice');
  });
});

describe('the dial field', () => {
  it('formats a phone number as it is typed', () => {
    expect(formatAsTyped('+1415', 'US')).toBe('+1 415');
    expect(formatAsTyped('+14155550132', 'US')).toBe('+1 415 555 0132');
    expect(formatAsTyped('030123', 'DE')).toBe('030 123');
  });

  it('leaves extensions, codes, names and SIP addresses as typed', () => {
    for (const raw of ['1', '1002', '*97', '#31#', 'bea', 'alice@pbx.example', '']) expect(formatAsTyped(raw, 'US')).toBe(raw);
  });

  it('dials the digits of what it shows, and other text as typed', () => {
    expect(rawDialText('+1 415 555 0132')).toBe('+14155550132');
    expect(rawDialText('(415) 555-0132')).toBe('4155550132');
    expect(rawDialText('alice')).toBe('alice');
    expect(compactNumber('+1 (415)')).toBe('+1415');
    expect(compactNumber('no digits')).toBeNull();
  });

  it('never grows what is dialled by formatting it: the shown text reads back to the same digits', () => {
    for (const raw of ['+', '+4', '+49', '+4930', '+49309018', '0301', '0171123456789', '4155550132']) {
      expect(rawDialText(formatAsTyped(raw, 'DE')), raw).toBe(raw);
      expect(rawDialText(formatAsTyped(raw, 'US')), raw).toBe(raw);
    }
  });
});
