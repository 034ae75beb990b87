import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { detectPhoneNumbers } from '../../src/shared/detect-phone-numbers';
import { MAX_REQUEST_CHARS, MAX_WINDOW_TEXT } from '../../src/shared/find-numbers-request';
import { FindNumbersSchema, findNumbers, numbersInWindow } from '../../src/shared/numbers-in-window';
import { PHONE_CORPUS } from './phone-corpus';

describe('numbersInWindow (stage 2 in the service worker)', () => {
  it('finds in a whole-text window what detectPhoneNumbers finds, on every corpus line', () => {
    for (const [country, line] of PHONE_CORPUS) {
      const ours = numbersInWindow({ text: line, from: 0, to: line.length, limit: 101 }, country).numbers;
      const direct = detectPhoneNumbers(line, country).map(({ start, end, e164, label }) => ({ start, end, e164, label }));
      expect(ours, `${country}: ${line}`).toEqual(direct);
    }
  });

  it('takes only numbers that start in [from, to), and stops at the limit', () => {
    const text = 'Call 415-555-0132 or 415-555-0199 or 415-555-0100.';
    const second = text.indexOf('415-555-0199');
    expect(numbersInWindow({ text, from: second, to: second + 3, limit: 5 }, 'US').numbers.map((n) => n.e164)).toEqual(['+14155550199']);
    const limited = numbersInWindow({ text, from: 0, to: text.length, limit: 2 }, 'US');
    expect(limited.numbers).toHaveLength(2);
    expect(limited.checkedTo).toBe(second + '415-555-0199'.length);
  });

  it('answers each window of a request in order', () => {
    const replies = findNumbers({
      country: 'DE',
      windows: [
        { text: 'Tel. 030 12345678', from: 0, to: 17, limit: 5 },
        { text: 'no numbers here', from: 0, to: 15, limit: 5 },
      ],
    });
    expect(replies.map((r) => r.numbers.map((n) => n.e164))).toEqual([['+493012345678'], []]);
  });

  it('refuses requests a content script could use to load the worker: too long a window, too much text, a bad country', () => {
    const ok = { country: 'US', windows: [{ text: 'x', from: 0, to: 1, limit: 1 }] };
    expect(v.safeParse(FindNumbersSchema, ok).success).toBe(true);
    const long = 'x'.repeat(MAX_WINDOW_TEXT + 1);
    expect(v.safeParse(FindNumbersSchema, { ...ok, windows: [{ text: long, from: 0, to: 1, limit: 1 }] }).success).toBe(false);
    const windows = Array.from({ length: Math.ceil(MAX_REQUEST_CHARS / 16_000) + 1 }, () => ({
      text: 'x'.repeat(16_000),
      from: 0,
      to: 1,
      limit: 1,
    }));
    expect(v.safeParse(FindNumbersSchema, { country: 'US', windows }).success).toBe(false);
    expect(v.safeParse(FindNumbersSchema, { ...ok, country: 'usa' }).success).toBe(false);
    expect(v.safeParse(FindNumbersSchema, { ...ok, windows: [{ text: 'x', from: 0, to: 1, limit: 10_000 }] }).success).toBe(false);
  });
});
