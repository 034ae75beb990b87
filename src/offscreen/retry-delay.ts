// How long to wait before the next attempt to reach a SIP server that went
// away. The promise: back within 5 s of the server's return for any
// outage up to 10 minutes, so attempts stay at most 3 s apart then (a connect
// that times out takes 3 s more); jitter spreads a whole office's phones so a
// restarted PBX is not hit by all of them in the same second. After 10
// minutes the server is probably gone for a while: 15–30 s between attempts.

/** An outage longer than this is treated as long: attempts spread out. */
export const SHORT_OUTAGE_MS = 10 * 60_000;
const SHORT_CAP_MS = 3_000;
const LONG_MIN_MS = 15_000;
const LONG_MAX_MS = 30_000;

/**
 * @param attempt   0 for the first retry of this outage
 * @param outageMs  how long the server has been unreachable so far
 * @param random    a number in [0, 1): Math.random in production
 */
export function retryDelayMs(attempt: number, outageMs: number, random: number = Math.random()): number {
  if (outageMs >= SHORT_OUTAGE_MS) return Math.round(LONG_MIN_MS + (LONG_MAX_MS - LONG_MIN_MS) * random);
  // 0.5 s, 1 s, 2 s, then 3 s: each between 60 % and 100 % of that.
  const base = Math.min(SHORT_CAP_MS, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.6 + 0.4 * random));
}
