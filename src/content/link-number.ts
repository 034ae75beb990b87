// The number behind a page's own tel:, callto: or sip: link. Only a number
// ever leaves the page: a sip: link is taken over only when its user part is
// a phone number (sip:+4930123456@host → +4930123456), and its host is
// dropped, so a page can never make ClickDial call a server of its choosing.
// Anything else (sip:alice@example.com) keeps the browser's default action.
import { MAX_PHONE_TEXT, PHONE_TEXT } from '../shared/phone-text';

const SCHEME = /^(tel|callto|sips?):(?:\/\/)?/i;

export function numberFromHref(href: string): string | null {
  const scheme = SCHEME.exec(href.trim());
  if (!scheme) return null;
  let rest = href.trim().slice(scheme[0].length);
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const isSip = scheme[1]?.toLowerCase().startsWith('sip') === true;
  if (isSip) {
    const at = rest.indexOf('@');
    if (at < 0) return null;
    rest = rest.slice(0, at);
  }
  // tel: parameters (";phone-context=", ";isub=") are dropped; ";ext=" is kept.
  const ext = /;ext=(\d{1,7})/i.exec(rest)?.[1];
  let number = rest.split(/[;?]/)[0]?.trim() ?? '';
  if (ext) number += `;ext=${ext}`;
  if (!number || number.length > MAX_PHONE_TEXT || !PHONE_TEXT.test(number) || !/\d/.test(number)) return null;
  return number;
}

/** The scheme test used before any parsing: cheap enough for every click. */
export function isCallHref(href: string): boolean {
  return SCHEME.test(href);
}
