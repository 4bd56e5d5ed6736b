import type { SubscriptionKind } from './types';

/** How close a counter is to its limit; drives gauges, badges and warnings. */
export type LimitState = 'unlimited' | 'ok' | 'near' | 'at_limit';

/** Seats one subscription buys: experimental subscriptions carry 3 users, all others 1. */
export function usersPerSubscription(kind: SubscriptionKind): number {
  return kind === 'experimental' ? 3 : 1;
}

/** Seats of a license: quantity x users per subscription. */
export function seatsFor(kind: SubscriptionKind, quantity: number): number {
  return Math.max(0, quantity) * usersPerSubscription(kind);
}

/** What is left under a limit; null when the limit is unlimited. */
export function remaining(used: number, max: number | null): number | null {
  return max === null ? null : Math.max(0, max - used);
}

/** True when one more would pass the limit (null = unlimited never is). */
export function isAtLimit(used: number, max: number | null): boolean {
  return max !== null && used >= max;
}

/** ok / near (one left, or 80 % used) / at_limit / unlimited. */
export function limitState(used: number, max: number | null): LimitState {
  if (max === null) return 'unlimited';
  if (used >= max) return 'at_limit';
  const left = max - used;
  if (left <= 1 || used / max >= 0.8) return 'near';
  return 'ok';
}
