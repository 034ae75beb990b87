import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/shared/find-candidates';
import { windowCandidates, windowEnd } from '../../src/content/text-windows';
import { PHONE_CORPUS } from '../shared/phone-corpus';

/** All candidates of `data`, window by window, as the scanner takes them (offsets into `data`). */
function windowed(data: string, size: number): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  let from = 0;
  while (from < data.length) {
    const to = windowEnd(data, from, size);
    expect(to).toBeGreaterThan(from);
    const window = windowCandidates(data, from, to);
    let checkedTo = 0;
    for (const c of window.candidates) {
      found.push({ start: c.start + window.base, end: c.end + window.base, text: c.text });
      checkedTo = c.end + window.base;
    }
    from = Math.max(to, checkedTo);
  }
  return found;
}

describe('text windows', () => {
  // The corpus lines run together the ways pages do: spaces, line breaks, commas.
  const text = PHONE_CORPUS.map(([, line], i) => line + [' ', '\n', ', ', ' and '][i % 4]).join('');

  it.each([64, 100, 256, 1000, 4096])('give the same candidates as one pass over the text (windows of %i)', (size) => {
    expect(windowed(text, size)).toEqual(findCandidates(text));
  });

  it('cut a run of digits and spaces hard, but never take half a candidate', () => {
    const digits = '1 '.repeat(5000);
    const found = windowed(digits, 256);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    for (const c of found) expect(digits.slice(c.start, c.end)).toBe(c.text);
  });

  it('end a window at its size or before, never before half of it', () => {
    const data = 'word '.repeat(1000);
    const to = windowEnd(data, 0, 1000);
    expect(to).toBeLessThanOrEqual(1000);
    expect(to).toBeGreaterThan(500);
    expect(windowEnd(data, 4500, 1000)).toBe(data.length);
  });
});
