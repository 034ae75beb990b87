// Long text is checked a window at a time (WINDOW_CHARS), so that neither
// stage runs long inside one huge text node. A window ends where no number
// can span: at a character that never occurs in a candidate (a comma, a line
// break, most letters and punctuation), or at a space between two letters
// (a candidate's only letters are an extension's "ext" / "x", which always
// sit next to its digits or spaces). Each window is searched with some text
// on either side, so the look-behind, look-ahead and the context rules
// (reject-candidate.ts reads 32 characters before and 16 after) see what they
// would see in the whole text; the same candidates come out as from one pass.
// Text with no such cut in half a window (a run of digits and spaces) is cut
// hard there: a number across that cut may be missed, never linked wrongly
// by half, since only candidates starting in the window are taken.
import { WINDOW_CHARS } from './link-limits';
import { findCandidates, type Candidate } from '../shared/find-candidates';

const LEAD = 64;
const TRAIL = 32;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters a candidate can contain: digits, letters (of "ext"), space, nbsp, - . ( ) / + # ; = */
function inCandidate(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    isLetter(c) ||
    c === 32 ||
    c === 0xa0 ||
    c === 45 ||
    c === 46 ||
    c === 40 ||
    c === 41 ||
    c === 47 ||
    c === 43 ||
    c === 35 ||
    c === 59 ||
    c === 61
  );
}

function cutsCleanly(data: string, p: number): boolean {
  const c = data.charCodeAt(p);
  if (!inCandidate(c)) return true;
  return (c === 32 || c === 0xa0) && isLetter(data.charCodeAt(p - 1)) && isLetter(data.charCodeAt(p + 1));
}

/** Where the window that starts at `from` ends (exclusive). */
export function windowEnd(data: string, from: number, size = WINDOW_CHARS): number {
  if (data.length - from <= size) return data.length;
  const target = from + size;
  for (let p = target; p > from + size / 2; p--) if (cutsCleanly(data, p)) return p;
  return target;
}

/** A text node on its way through stage 1 (long text) or stage 2, where it got to. */
export interface InText {
  text: Text;
  /** The data it had when set aside: any change drops it. */
  data: string;
  /** Start of the next window to search. */
  from: number;
}

/** The window [from, to) of `data` with the context the rules read on either side, and where it starts. */
export function contextWindow(data: string, from: number, to: number): { text: string; base: number } {
  const base = Math.max(0, from - LEAD);
  const text = from === 0 && to === data.length ? data : data.slice(base, Math.min(data.length, to + TRAIL));
  return { text, base };
}

export interface Window {
  /** The searched text: the window with context on both sides. */
  text: string;
  /** Where `text` starts in the node's data. */
  base: number;
  /** Candidates starting inside the window, with offsets into `text`. */
  candidates: Candidate[];
}

/** Stage-1 candidates that start in [from, to) of `data`. */
export function windowCandidates(data: string, from: number, to: number): Window {
  const { text, base } = contextWindow(data, from, to);
  const candidates = findCandidates(text).filter((c) => c.start + base >= from && c.start + base < to);
  return { text, base, candidates };
}
