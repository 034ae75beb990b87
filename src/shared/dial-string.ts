import { SIP_URI } from './account';

export type DialTarget = { ok: true; uri: string } | { ok: false; error: string };

const PHONE_PUNCTUATION = /[\s\-.()\u00a0\u2010-\u2015]/g;

/**
 * Turns what the user typed into a SIP URI to call:
 * - a phone number (spaces, dashes, dots and parentheses dropped, a leading +
 *   kept; * and # allowed for feature codes) becomes sip:<digits>@<domain>;
 * - a SIP URI is used as it is;
 * - anything else is refused with a message.
 */
export function toDialTarget(input: string, domain: string | undefined): DialTarget {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter a number or a SIP address to call.' };
  if (/^sips?:/i.test(text)) {
    if (SIP_URI.test(text)) return { ok: true, uri: text };
    return { ok: false, error: `"${text}" is not a valid SIP address (expected sip:user@host).` };
  }
  const compact = text.replace(PHONE_PUNCTUATION, '');
  if (compact.lastIndexOf('+') > 0 && /^\+?[0-9*#+]+$/.test(compact)) {
    return { ok: false, error: `"${text}": a + may only lead the number.` };
  }
  if (!/^\+?[0-9*#]+$/.test(compact) || !/[0-9]/.test(compact)) {
    return { ok: false, error: `"${text}" is not a phone number or SIP address.` };
  }
  const digits = compact.replace(/[^0-9]/g, '');
  if (digits.length > 20) return { ok: false, error: `"${text}" is too long to be a phone number.` };
  if (!domain) return { ok: false, error: 'Set up your SIP account first: numbers are dialled on its domain.' };
  // '#' is not allowed raw in a SIP user part (RFC 3261 25.1).
  return { ok: true, uri: `sip:${compact.replace(/#/g, '%23')}@${domain}` };
}
