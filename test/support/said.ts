// Words (shared/words.ts) as the English a user of the English catalogue reads, for assertions.
import { expect } from 'vitest';
import { say, type Words } from '../../src/shared/words';

export function said(words: Words | undefined): string | undefined {
  return words === undefined ? undefined : say(words);
}

/** An asymmetric matcher: words whose English matches `pattern`. */
export function saying(pattern: RegExp): unknown {
  return expect.toSatisfy((value: Words) => pattern.test(say(value)), `words saying ${String(pattern)}`);
}
