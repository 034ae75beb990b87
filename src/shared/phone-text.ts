// The characters a phone number may be written with, as accepted from pages,
// selections and links. Kept apart from phone-number.ts so that the script
// every page loads can use it without pulling in libphonenumber-js.

/** Digits, the usual separators, a leading "+", and at most one extension. */
export const PHONE_TEXT = /^\+?[0-9 \u00a0().\-/]{1,30}(?:(?:\s*(?:ext\.?|x|#|extension)\s*|;ext=)[0-9]{1,7})?$/i;
export const MAX_PHONE_TEXT = 40;
/** How much of a link's visible text travels with a click (shown in the confirmation window). */
export const MAX_LINK_TEXT = 200;
