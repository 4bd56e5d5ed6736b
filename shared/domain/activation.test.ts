import { describe, expect, it } from 'vitest';
import { canActivate } from './activation';
import { aLicense, inDays, NOW } from './fixtures';
import type { LicenseFacts } from './types';

const activate = (license: LicenseFacts, activeDevices: number, hardwareActive = false, assigned = true) =>
  canActivate({ license, activeDevices, hardwareActive, assigned }, NOW);

describe('canActivate (rules 1 and 7)', () => {
  it.each([
    { case: 'well below the limit', max: 5, active: 2, expected: { ok: true, kind: 'apply', warnings: [] } },
    {
      case: 'one below the limit (takes the last activation)',
      max: 5,
      active: 4,
      expected: { ok: true, kind: 'apply', warnings: ['near_activation_limit'] },
    },
    { case: 'exactly at the limit', max: 5, active: 5, expected: { ok: false, code: 'activation_limit_reached' } },
    {
      case: 'over the limit (vendor lowered it)',
      max: 3,
      active: 5,
      expected: { ok: false, code: 'activation_limit_reached' },
    },
    { case: 'a limit of 0', max: 0, active: 0, expected: { ok: false, code: 'activation_limit_reached' } },
    {
      case: 'a limit of 1 with none active',
      max: 1,
      active: 0,
      expected: { ok: true, kind: 'apply', warnings: ['near_activation_limit'] },
    },
    {
      case: 'unlimited (null) with many active',
      max: null,
      active: 500,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
  ])('activates a new device $case', ({ max, active, expected }) => {
    expect(activate(aLicense({ maxActivations: max }), active)).toEqual(expected);
  });

  it('only refreshes an already active hardware id, even at the limit (already_done)', () => {
    expect(activate(aLicense({ maxActivations: 5 }), 5, true)).toEqual({
      ok: true,
      kind: 'already_done',
      warnings: [],
    });
  });

  it('counts a formerly reset hardware id (not active now) as a new activation', () => {
    expect(activate(aLicense(), 5, false)).toEqual({ ok: false, code: 'activation_limit_reached' });
  });

  it('refuses a user without a seat even for an active hardware id', () => {
    expect(activate(aLicense(), 1, true, false)).toEqual({ ok: false, code: 'not_assigned' });
  });

  it('refuses a user without a seat (not_assigned)', () => {
    expect(activate(aLicense(), 0, false, false)).toEqual({ ok: false, code: 'not_assigned' });
  });

  it.each([
    { case: 'disabled', license: aLicense({ status: 'disabled' }), code: 'license_disabled' },
    { case: 'inactive', license: aLicense({ status: 'inactive' }), code: 'license_inactive' },
    { case: 'expired yesterday', license: aLicense({ validUntil: inDays(-1) }), code: 'license_expired' },
    { case: 'expiring exactly now', license: aLicense({ validUntil: NOW.toISOString() }), code: 'license_expired' },
    {
      case: 'disabled and expired (disabled wins)',
      license: aLicense({ status: 'disabled', validUntil: inDays(-1) }),
      code: 'license_disabled',
    },
  ])('refuses activations on a $case license', ({ license, code }) => {
    expect(activate(license, 0)).toEqual({ ok: false, code });
  });

  it.each([
    { case: 'expires in one millisecond', validUntil: new Date(NOW.getTime() + 1).toISOString() },
    { case: 'is perpetual (validUntil null)', validUntil: null },
  ])('accepts activations on a license that $case', ({ validUntil }) => {
    expect(
      activate(aLicense({ validUntil, licenseType: validUntil === null ? 'perpetual' : 'subscription' }), 0),
    ).toMatchObject({
      ok: true,
      kind: 'apply',
    });
  });
});
