// Stage 2 of the page scanner for one text node: its candidates are checked
// window by window (text-windows.ts), CHECK_BATCH at a time between looks at
// the clock, so that a 1 MB node is checked over many slices. The job keeps
// where it got to; it ends at the node's end or one number past its limit
// (which tells the scanner that the node has more numbers than it links).
import type { DetectedNumber } from './detect-phone-numbers';
import { CHECK_BATCH } from './link-limits';
import { windowCandidates, windowEnd, type Window } from './text-windows';

type Validator = typeof import('./detect-phone-numbers');

/** A text node on its way through stage 1 (long text) or stage 2, where it got to. */
export interface InText {
  text: Text;
  /** The data it had when set aside: any change drops it. */
  data: string;
  /** Start of the next window to search. */
  from: number;
}

export interface Checking extends InText {
  window: Window | undefined;
  /** End of the current window, and the next of its candidates to check. */
  to: number;
  next: number;
  /** End of the last candidate checked: the next window starts after it. */
  checkedTo: number;
  numbers: DetectedNumber[];
  /** Links this node may get; one number more means it has more than we link. */
  limit: number;
}

/** Checks until the deadline (false: go on next slice) or the job is done (true). */
export function checkWindows(job: Checking, validator: Validator, defaultCountry: string, deadline: number): boolean {
  for (;;) {
    if (!job.window) {
      if (job.from >= job.data.length) return true;
      job.to = windowEnd(job.data, job.from);
      job.window = windowCandidates(job.data, job.from, job.to);
      job.next = 0;
    }
    const { text, base, candidates } = job.window;
    while (job.next < candidates.length) {
      const batch = candidates.slice(job.next, job.next + CHECK_BATCH);
      job.next += batch.length;
      job.checkedTo = Math.max(job.checkedTo, base + (batch[batch.length - 1]?.end ?? 0));
      for (const number of validator.checkCandidates(text, batch, defaultCountry)) {
        job.numbers.push({ ...number, start: base + number.start, end: base + number.end });
        if (job.numbers.length > job.limit) return true;
      }
      if (performance.now() >= deadline) return false;
    }
    job.from = Math.max(job.to, job.checkedTo);
    job.window = undefined;
    if (performance.now() >= deadline) return false;
  }
}
