import { SIP_URI } from './account';
import { words, type Words } from './words';

export type DialTarget = { ok: true; uri: string } | { ok: false; error: Words };

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
  if (!text) return { ok: false, error: words('dial_enter_number') };
  if (/^sips?:/i.test(text)) {
    if (SIP_URI.test(text)) return { ok: true, uri: text };
    return { ok: false, error: words('dial_invalid_sip_address', { text }) };
  }
  const compact = text.replace(PHONE_PUNCTUATION, '');
  if (compact.lastIndexOf('+') > 0 && /^\+?[0-9*#+]+$/.test(compact)) {
    return { ok: false, error: words('dial_plus_only_leads', { text }) };
  }
  if (!/^\+?[0-9*#]+$/.test(compact) || !/[0-9]/.test(compact)) {
    return { ok: false, error: words('dial_not_a_number', { text }) };
  }
  const digits = compact.replace(/[^0-9]/g, '');
  if (digits.length > 20) return { ok: false, error: words('dial_too_long', { text }) };
  if (!domain) return { ok: false, error: words('dial_set_up_account_first') };
  // '#' is not allowed raw in a SIP user part (RFC 3261 25.1).
  return { ok: true, uri: `sip:${compact.replace(/#/g, '%23')}@${domain}` };
}
