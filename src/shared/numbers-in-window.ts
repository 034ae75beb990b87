// Stage 2 of detection for one window of a page's text, run in the service
// worker (content.findNumbers) so that the page's main thread never loads or
// runs libphonenumber-js: the content script sends the window with the
// context the rules read on either side, and gets back the numbers that
// start inside it. One definition of the request, checked where it arrives
// (a compromised renderer could send anything).
import * as v from 'valibot';
import { checkCandidates } from './detect-phone-numbers';
import { findCandidates } from './find-candidates';
import {
  MAX_REQUEST_CHARS,
  MAX_WINDOW_LIMIT,
  MAX_WINDOW_TEXT,
  MAX_WINDOWS_PER_REQUEST,
  type FindNumbersRequest,
  type FoundNumber,
  type NumberWindow,
  type WindowNumbers,
} from './find-numbers-request';

const Window = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_WINDOW_TEXT)),
  /** Candidates that start in [from, to) of `text` are checked. */
  from: v.pipe(v.number(), v.integer(), v.minValue(0)),
  to: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Stop after this many numbers. */
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WINDOW_LIMIT)),
});
export const FindNumbersSchema = v.pipe(
  v.object({
    country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
    windows: v.pipe(v.array(Window), v.maxLength(MAX_WINDOWS_PER_REQUEST)),
  }),
  v.check((r) => r.windows.reduce((sum, w) => sum + w.text.length, 0) <= MAX_REQUEST_CHARS, 'too much text in one request'),
);
// The schema checks exactly the shape the page script sends (find-numbers-request.ts): a build error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _SchemaIsTheRequest = Assert<Same<v.InferOutput<typeof FindNumbersSchema>, FindNumbersRequest>>;

export function numbersInWindow(window: NumberWindow, country: string): WindowNumbers {
  const { text, from, to, limit } = window;
  const numbers: FoundNumber[] = [];
  let checkedTo = 0;
  for (const candidate of findCandidates(text)) {
    if (candidate.start < from) continue;
    if (candidate.start >= to) break;
    checkedTo = Math.max(checkedTo, candidate.end);
    for (const found of checkCandidates(text, [candidate], country)) {
      numbers.push({ start: found.start, end: found.end, e164: found.e164, label: found.label });
      if (numbers.length >= limit) return { numbers, checkedTo };
    }
  }
  return { numbers, checkedTo };
}

export function findNumbers(request: FindNumbersRequest): WindowNumbers[] {
  return request.windows.map((window) => numbersInWindow(window, request.country));
}
