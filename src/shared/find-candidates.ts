// Stage 1 of phone-number detection, in the script every page loads: one
// regular-expression pass that finds runs of digits which could be a phone
// number. It is deliberately generous (stage 2, detect-phone-numbers.ts,
// decides with libphonenumber-js in the service worker) but cheap: about a
// regex pass over the text, and most pages have no candidate at all, so they
// never ask for stage 2.

export interface Candidate {
  start: number;
  end: number;
  text: string;
}

// An optional "+" / "00" / "(", a digit, then digits and the separators people
// use in phone numbers, ending in a digit; optionally an extension. Not glued
// to a word, a price sign, or a number going on with "." "," "-" "/" ":".
// 6 to 24 characters of body keep most years, counts and IDs out already.
const CANDIDATE =
  /(?<![A-Za-z0-9_+\-/@#$€£¥%=&])(?<!\d[.,:])(?:\+[ \u00a0]?)?\(?\d[\d \u00a0\-.()/]{4,24}\d(?:(?:[ \u00a0]*(?:ext\.?|x|#|extension)[ \u00a0]*|;ext=)\d{1,7})?(?![A-Za-z0-9_%€$£¥]|[.,\-/:]\d)/g;
const QUICK = /\d[\d \u00a0\-.()/]{4,}\d/;
const MIN_DIGITS = 6;

/** How many ASCII digits `text` has. */
export function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** All candidate runs in `text`, in order. */
export function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!QUICK.test(text)) return found;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const value = m[0].trimEnd();
    if (digitCount(value) < MIN_DIGITS) continue;
    found.push({ start: m.index, end: m.index + value.length, text: value });
  }
  return found;
}

/** Whether `text` has at least one candidate (the test that decides whether to load stage 2). */
export function hasCandidate(text: string): boolean {
  if (!QUICK.test(text)) return false;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    if (digitCount(m[0]) >= MIN_DIGITS) return true;
  }
  return false;
}
