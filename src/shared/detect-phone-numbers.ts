// Stage 2 of detection, loaded by the content script only when a page has
// candidate digits (stage 1, find-candidates.ts): each candidate is checked
// against the shapes and contexts that are not phone numbers, then parsed by
// libphonenumber-js. National numbers use the default country; "+" and the
// country's international prefix ("00") give international ones.
import { parseValid, type PhoneNumberFound } from './phone-number';
import { findCandidates, type Candidate } from './find-candidates';
import { rejectCandidate } from './reject-candidate';

export interface DetectedNumber extends PhoneNumberFound {
  start: number;
  end: number;
  /** The text as it appears on the page. */
  text: string;
}

/** Checks stage-1 candidates of `text`; returns the phone numbers among them. */
export function checkCandidates(text: string, candidates: readonly Candidate[], defaultCountry: string): DetectedNumber[] {
  const found: DetectedNumber[] = [];
  for (const candidate of candidates) {
    if (rejectCandidate(text, candidate) !== null) continue;
    // "(" belongs to the number only when it closes inside it: "(24/7" after
    // a number is not part of it, nor is a "(" that opens before it.
    let { start, text: value } = candidate;
    if (value.lastIndexOf('(') > value.lastIndexOf(')')) value = value.slice(0, value.lastIndexOf('(')).trimEnd();
    if (value.startsWith('(') && !value.includes(')')) {
      value = value.slice(1);
      start += 1;
    }
    if (!/\d$/.test(value)) continue;
    const number = parseValid(value, defaultCountry);
    if (number) found.push({ ...number, start, end: start + value.length, text: value });
  }
  return found;
}

/** Both stages over one string. */
export function detectPhoneNumbers(text: string, defaultCountry: string): DetectedNumber[] {
  return checkCandidates(text, findCandidates(text), defaultCountry);
}
