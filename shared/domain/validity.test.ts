import { describe, expect, it } from 'vitest';
import { aLicense, inDays, NOW } from './fixtures';
import { daysUntilExpiry, isExpired, licenseRefusal } from './validity';

describe('licenseRefusal (rule 7)', () => {
  it.each([
    { case: 'an active, valid license', overrides: {}, expected: null },
    { case: 'a disabled license', overrides: { status: 'disabled' as const }, expected: 'license_disabled' },
    { case: 'an inactive license', overrides: { status: 'inactive' as const }, expected: 'license_inactive' },
    { case: 'a license that expired a day ago', overrides: { validUntil: inDays(-1) }, expected: 'license_expired' },
    {
      case: 'a license expiring exactly now',
      overrides: { validUntil: NOW.toISOString() },
      expected: 'license_expired',
    },
    { case: 'a perpetual license (validUntil null)', overrides: { validUntil: null }, expected: null },
  ])('answers $expected for $case', ({ overrides, expected }) => {
    expect(licenseRefusal(aLicense(overrides), NOW)).toBe(expected);
  });
});

describe('isExpired', () => {
  it.each([
    { case: 'one millisecond after validUntil', validUntil: new Date(NOW.getTime() - 1).toISOString(), expected: true },
    { case: 'exactly at validUntil', validUntil: NOW.toISOString(), expected: true },
    {
      case: 'one millisecond before validUntil',
      validUntil: new Date(NOW.getTime() + 1).toISOString(),
      expected: false,
    },
    { case: 'a year before validUntil', validUntil: inDays(365), expected: false },
    { case: 'a timestamp with an offset, already passed', validUntil: '2026-03-01T13:00:00+02:00', expected: true },
  ])('is $expected $case', ({ validUntil, expected }) => {
    expect(isExpired({ validUntil }, NOW)).toBe(expected);
  });

  it('never expires a perpetual license, however far in the future', () => {
    expect(isExpired({ validUntil: null }, new Date('9999-12-31T00:00:00Z'))).toBe(false);
  });
});

describe('daysUntilExpiry', () => {
  it.each([
    { case: '12 days ahead', validUntil: inDays(12), expected: 12 },
    { case: '12.9 days ahead (whole days only)', validUntil: inDays(12.9), expected: 12 },
    { case: 'an hour ahead (today)', validUntil: inDays(1 / 24), expected: 0 },
    { case: 'exactly now (already expired)', validUntil: NOW.toISOString(), expected: -1 },
    { case: 'an hour ago', validUntil: inDays(-1 / 24), expected: -1 },
    { case: '3 days ago', validUntil: inDays(-3), expected: -3 },
    { case: 'never (perpetual)', validUntil: null, expected: null },
  ])('is $expected for expiry $case', ({ validUntil, expected }) => {
    expect(daysUntilExpiry({ validUntil }, NOW)).toBe(expected);
  });

  it('is negative whenever the license refuses activations as expired', () => {
    for (const offsetMs of [0, -1, -3_600_000, -86_400_000, -86_400_001]) {
      const validUntil = new Date(NOW.getTime() + offsetMs).toISOString();
      expect(isExpired({ validUntil }, NOW)).toBe(true);
      expect(daysUntilExpiry({ validUntil }, NOW)).toBeLessThan(0);
    }
  });
});
