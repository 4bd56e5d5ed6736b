/**
 * Fixed-window counters in memory: enough for one server process. Several instances behind a
 * load balancer each count on their own, which still bounds guessing per instance.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfterMs(key: string, now: number): number {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.max ? entry.resetAt - now : 0;
  }

  hit(key: string, now: number): void {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count += 1;
    if (this.hits.size > 10_000) this.prune(now);
  }

  /** Give back one attempt counted in advance (a sign-in that turned out right). */
  release(key: string): void {
    const entry = this.hits.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

export interface SignInLimits {
  /** Sign-in attempts per company + email: counted up front, cleared by a right password. */
  account: RateLimiter;
  /** Sign-in attempts per client address (guessing across many emails); a right one is given back. */
  address: RateLimiter;
}

const FIFTEEN_MINUTES = 15 * 60_000;

export function createSignInLimits(accountMax = 5, addressMax = 30): SignInLimits {
  return {
    account: new RateLimiter(accountMax, FIFTEEN_MINUTES),
    address: new RateLimiter(addressMax, FIFTEEN_MINUTES),
  };
}
