import { describe, expect, it } from 'vitest';
import { SHORT_OUTAGE_MS, retryDelayMs } from '../../src/offscreen/retry-delay';

describe('retryDelayMs', () => {
  it('keeps attempts at most 3 s apart for the first 10 minutes, jittered', () => {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      for (const random of [0, 0.5, 0.999]) {
        const delay = retryDelayMs(attempt, Math.min(attempt * 3000, SHORT_OUTAGE_MS - 1), random);
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(3000);
      }
    }
    expect(retryDelayMs(0, 0, 0)).toBeLessThan(retryDelayMs(0, 0, 0.999));
    expect(retryDelayMs(0, 0, 0.5)).toBeLessThanOrEqual(500);
  });

  it('spreads attempts to 15-30 s once the outage passed 10 minutes', () => {
    expect(retryDelayMs(300, SHORT_OUTAGE_MS, 0)).toBe(15_000);
    expect(retryDelayMs(300, SHORT_OUTAGE_MS + 1, 0.999)).toBeLessThanOrEqual(30_000);
  });
});
