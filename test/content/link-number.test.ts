import { describe, expect, it } from 'vitest';
import { numberFromHref } from '../../src/content/link-number';

describe('numberFromHref', () => {
  it.each([
    ['tel:+1-415-555-0132', '+1-415-555-0132'],
    ['tel:1002', '1002'],
    ['TEL:%2B49%2030%201234567', '+49 30 1234567'],
    ['tel:+14155550132;ext=12', '+14155550132;ext=12'],
    ['tel:7042;phone-context=example.com', '7042'],
    ['callto:+4930123456', '+4930123456'],
    ['callto://+4930123456', '+4930123456'],
    ['sip:+4930123456@pbx.example.com;user=phone', '+4930123456'],
    ['sips:1003@pbx.example.com', '1003'],
  ])('%s → %s', (href, number) => {
    expect(numberFromHref(href)).toBe(number);
  });

  it.each([
    'sip:alice@example.com',
    'sip:1003',
    'tel:',
    'tel:call-me',
    'https://example.com/tel:123',
    'tel:%E0%A4%A',
    `tel:${'1'.repeat(41)}`,
  ])('leaves %s alone', (href) => {
    expect(numberFromHref(href)).toBeNull();
  });
});
