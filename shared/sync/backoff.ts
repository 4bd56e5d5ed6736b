/** Backoff bounds: the first retry within a second, never longer than five minutes apart. */
const BACKOFF = { baseMs: 1_000, capMs: 5 * 60_000 } as const;

/**
 * Exponential backoff with full jitter (a random delay in [0, min(cap, base * 2^attempt)]), so
 * many clients coming back online do not retry in step. A server's `Retry-After` is a floor.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}
