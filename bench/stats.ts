// Median and p90 of timed samples (nearest rank: a figure that was measured, not interpolated).
export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

function rank(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: rank(sorted, 0.5),
    p90: rank(sorted, 0.9),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}
