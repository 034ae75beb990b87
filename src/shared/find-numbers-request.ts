// What one content.findNumbers request may carry and what it gets back: the
// page script imports only this (no libphonenumber-js, no valibot), the
// service worker checks requests against the schema in numbers-in-window.ts.

/** A window and its context: at most this long (16 KiB of window, the context on both sides and slack). */
export const MAX_WINDOW_TEXT = 16_384 + 512;
/** Windows in one request, and all of their text. */
export const MAX_WINDOWS_PER_REQUEST = 64;
export const MAX_REQUEST_CHARS = 65_536;
/** A node's links, one more than it may get (more numbers than that are not looked for). */
export const MAX_WINDOW_LIMIT = 101;

export interface NumberWindow {
  text: string;
  /** Candidates that start in [from, to) of `text` are checked. */
  from: number;
  to: number;
  /** Stop after this many numbers. */
  limit: number;
}

export interface FindNumbersRequest {
  /** The default country, for national numbers. */
  country: string;
  windows: NumberWindow[];
}

/** A number found, with offsets into its window's text. */
export interface FoundNumber {
  start: number;
  end: number;
  /** E.164, what a click calls. */
  e164: string;
  /** E.164 plus extension, for the tooltip. */
  label: string;
}

export interface WindowNumbers {
  numbers: FoundNumber[];
  /** End of the last candidate checked: the next window starts after it (a hard cut may split one). */
  checkedTo: number;
}
