import { describe, expect, it } from 'vitest';
import { toDialTarget } from '../../src/shared/dial-string';
import { say } from '../../src/shared/words';

const domain = 'pbx.example.com';

describe('toDialTarget', () => {
  it.each([
    ['1002', 'sip:1002@pbx.example.com'],
    ['+1 (415) 555-0134', 'sip:+14155550134@pbx.example.com'],
    ['030.1234.5678', 'sip:03012345678@pbx.example.com'],
    ['  0049 30 1234-5678 ', 'sip:00493012345678@pbx.example.com'],
    ['*97', 'sip:*97@pbx.example.com'],
    ['12#', 'sip:12%23@pbx.example.com'],
  ])('dials the number %s as %s', (input, uri) => {
    expect(toDialTarget(input, domain)).toEqual({ ok: true, uri });
  });

  it('uses a SIP URI as it is', () => {
    expect(toDialTarget('sip:alice@example.org', domain)).toEqual({ ok: true, uri: 'sip:alice@example.org' });
    expect(toDialTarget('sips:bob@10.0.0.1:5061', domain)).toEqual({ ok: true, uri: 'sips:bob@10.0.0.1:5061' });
  });

  it.each([
    ['', 'Enter a number'],
    ['call me maybe', 'not a phone number or SIP address'],
    ['555-CALL', 'not a phone number or SIP address'],
    ['12+34', 'a + may only lead'],
    ['sip:no-at-sign', 'not a valid SIP address'],
    ['---', 'not a phone number'],
    ['1'.repeat(21), 'too long'],
    ['http://example.com', 'not a phone number or SIP address'],
  ])('refuses %j with a message', (input, message) => {
    const result = toDialTarget(input, domain);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(say(result.error)).toContain(message);
  });

  it('needs an account domain for numbers but not for URIs', () => {
    expect(toDialTarget('1002', undefined)).toMatchObject({ ok: false });
    expect(toDialTarget('sip:1002@x.org', undefined)).toEqual({ ok: true, uri: 'sip:1002@x.org' });
  });
});
