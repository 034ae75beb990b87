import { describe, expect, it } from 'vitest';
import { summarise } from '../../bench/stats';

describe('summarise', () => {
  it('takes the nearest-rank median and p90 of unsorted samples', () => {
    const samples = [15, 1, 14, 2, 13, 3, 12, 4, 11, 5, 10, 6, 9, 7, 8];
    expect(summarise(samples)).toEqual({ n: 15, median: 8, p90: 14, min: 1, max: 15 });
    expect(summarise([5])).toEqual({ n: 1, median: 5, p90: 5, min: 5, max: 5 });
    expect(() => summarise([])).toThrow();
  });
});
