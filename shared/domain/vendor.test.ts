import { describe, expect, it } from 'vitest';
import { aLicense } from './fixtures';
import { applyLicenseChange, liftDeactivationLimit, type LicenseChange } from './vendor';

describe('applyLicenseChange (rule 8)', () => {
  it.each([
    {
      case: 'more offline_organization subscriptions',
      base: { subscriptionKind: 'offline_organization' as const, quantity: 3 },
      change: { quantity: 5 },
      seats: 5,
    },
    {
      case: 'more experimental subscriptions',
      base: { subscriptionKind: 'experimental' as const, quantity: 1 },
      change: { quantity: 2 },
      seats: 6,
    },
    {
      case: 'experimental down to quantity 0',
      base: { subscriptionKind: 'experimental' as const, quantity: 2 },
      change: { quantity: 0 },
      seats: 0,
    },
    {
      case: 'a change without quantity (seats recomputed from a stale value)',
      base: { subscriptionKind: 'experimental' as const, quantity: 2, maxLicenseUsers: 1 },
      change: { maxActivations: 9 },
      seats: 6,
    },
  ])('recomputes maxLicenseUsers for $case', ({ base, change, seats }) => {
    expect(applyLicenseChange(aLicense(base), change).maxLicenseUsers).toBe(seats);
  });

  it.each<{ case: string; change: LicenseChange; expected: Record<string, unknown> }>([
    { case: 'raises the activation limit', change: { maxActivations: 10 }, expected: { maxActivations: 10 } },
    { case: 'makes activations unlimited', change: { maxActivations: null }, expected: { maxActivations: null } },
    { case: 'makes deactivations unlimited', change: { maxDeactivations: null }, expected: { maxDeactivations: null } },
    { case: 'disables the license', change: { status: 'disabled' }, expected: { status: 'disabled' } },
    { case: 'makes it never expire', change: { validUntil: null }, expected: { validUntil: null } },
    {
      case: 'extends validity',
      change: { validUntil: '2030-01-01T00:00:00.000Z' },
      expected: { validUntil: '2030-01-01T00:00:00.000Z' },
    },
  ])('$case', ({ change, expected }) => {
    expect(applyLicenseChange(aLicense(), change)).toMatchObject(expected);
  });

  it('ignores undefined fields instead of erasing them', () => {
    const license = aLicense({ maxActivations: 5, maxDeactivations: 5, validUntil: '2027-01-01T00:00:00.000Z' });
    const next = applyLicenseChange(license, {
      quantity: undefined,
      maxActivations: undefined,
      validUntil: undefined,
      status: undefined,
    });
    expect(next).toEqual(license);
  });

  it('leaves the original license untouched and keeps extra fields', () => {
    const license = { ...aLicense(), name: 'Demo' };
    const next = applyLicenseChange(license, { quantity: 7 });
    expect(license.quantity).toBe(3);
    expect(next).toMatchObject({ name: 'Demo', quantity: 7, maxLicenseUsers: 7, deactivationCount: 2 });
  });
});

describe('liftDeactivationLimit (rule 8)', () => {
  it.each([
    { count: 5, max: 5 },
    { count: 2, max: 5 },
    { count: 0, max: null },
  ])('starts the counter again from zero ($count of $max)', ({ count, max }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: max });
    const next = liftDeactivationLimit(license);
    expect(next).toEqual({ ...license, deactivationCount: 0 });
    expect(license.deactivationCount).toBe(count);
  });
});
