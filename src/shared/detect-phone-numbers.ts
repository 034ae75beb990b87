// Stage 2 of detection, loaded by the content script only when a page has
// candidate digits (stage 1, find-candidates.ts): each candidate is checked
// against the shapes and contexts that are not phone numbers, then parsed by
// libphonenumber-js (parse-candidate.ts). National numbers use the default
// country; "+" and the country's international prefix ("00") give
// international ones.
import type { PhoneNumberFound } from './phone-number';
import { findCandidates, type Candidate } from './find-candidates';
import { parseCandidate } from './parse-candidate';
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
    const open = value.lastIndexOf('(');
    if (open >= 0) {
      if (open > value.lastIndexOf(')')) value = value.slice(0, open).trimEnd();
      if (value.startsWith('(') && !value.includes(')')) {
        value = value.slice(1);
        start += 1;
      }
    }
    if (!endsInDigit(value)) continue;
    const number = parseCandidate(value, defaultCountry);
    if (!number) continue;
    // Object literals rather than a spread: this runs for every number on the page.
    const end = start + value.length;
    found.push(
      number.ext === undefined
        ? { e164: number.e164, label: number.label, start, end, text: value }
        : { e164: number.e164, ext: number.ext, label: number.label, start, end, text: value },
    );
  }
  return found;
}

function endsInDigit(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  return last >= 48 && last <= 57;
}

/** Both stages over one string. */
export function detectPhoneNumbers(text: string, defaultCountry: string): DetectedNumber[] {
  return checkCandidates(text, findCandidates(text), defaultCountry);
}
