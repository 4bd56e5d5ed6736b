import { describe, expect, it } from 'vitest';
import { isAtLimit, limitState, remaining, seatsFor, usersPerSubscription } from './limits';
import { SUBSCRIPTION_KINDS } from './types';

describe('seatsFor (maxLicenseUsers = quantity x users per subscription)', () => {
  it.each([
    { kind: 'experimental', quantity: 1, seats: 3 },
    { kind: 'experimental', quantity: 4, seats: 12 },
    { kind: 'experimental', quantity: 0, seats: 0 },
    { kind: 'organization', quantity: 3, seats: 3 },
    { kind: 'offline_organization', quantity: 3, seats: 3 },
    { kind: 'enterprise', quantity: 10, seats: 10 },
    { kind: 'enterprise', quantity: 0, seats: 0 },
    { kind: 'organization', quantity: -2, seats: 0 },
  ] as const)('gives $seats seats for $quantity $kind subscriptions', ({ kind, quantity, seats }) => {
    expect(seatsFor(kind, quantity)).toBe(seats);
  });

  it.each(SUBSCRIPTION_KINDS.map((kind) => ({ kind, users: kind === 'experimental' ? 3 : 1 })))(
    'carries $users user(s) per $kind subscription',
    ({ kind, users }) => {
      expect(usersPerSubscription(kind)).toBe(users);
    },
  );
});

describe('remaining and isAtLimit', () => {
  it.each([
    { used: 2, max: 5, left: 3, atLimit: false },
    { used: 4, max: 5, left: 1, atLimit: false },
    { used: 5, max: 5, left: 0, atLimit: true },
    { used: 7, max: 5, left: 0, atLimit: true },
    { used: 0, max: 0, left: 0, atLimit: true },
    { used: 1000, max: null, left: null, atLimit: false },
  ])('$used of $max leaves $left (at limit: $atLimit)', ({ used, max, left, atLimit }) => {
    expect(remaining(used, max)).toBe(left);
    expect(isAtLimit(used, max)).toBe(atLimit);
  });
});

describe('limitState', () => {
  it.each([
    { used: 0, max: null, state: 'unlimited' },
    { used: 99, max: null, state: 'unlimited' },
    { used: 0, max: 0, state: 'at_limit' },
    { used: 0, max: 5, state: 'ok' },
    { used: 3, max: 5, state: 'ok' },
    { used: 4, max: 5, state: 'near' },
    { used: 5, max: 5, state: 'at_limit' },
    { used: 6, max: 5, state: 'at_limit' },
    { used: 0, max: 1, state: 'near' },
    { used: 1, max: 1, state: 'at_limit' },
    { used: 7, max: 10, state: 'ok' },
    { used: 8, max: 10, state: 'near' },
    { used: 79, max: 100, state: 'ok' },
    { used: 80, max: 100, state: 'near' },
    { used: 99, max: 100, state: 'near' },
  ])('is $state at $used of $max', ({ used, max, state }) => {
    expect(limitState(used, max)).toBe(state);
  });
});
