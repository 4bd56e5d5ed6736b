import { describe, expect, it } from 'vitest';
import { canResetDevice, canTouchDevice } from './devices';
import { aDevice, aLicense, aManager, aUser, MANAGER as M, USER as U } from './fixtures';

/** The fixtures' manager and license user, both holding a seat of lic-1. */
const MANAGER = { ...M, holdsSeat: true };
const USER = { ...U, holdsSeat: true };

describe('canResetDevice (rule 2: deactivation limit)', () => {
  it.each([
    { case: 'with deactivations to spare', count: 2, max: 5, expected: { ok: true, kind: 'apply', warnings: [] } },
    {
      case: 'one below the limit (uses the last deactivation)',
      count: 4,
      max: 5,
      expected: { ok: true, kind: 'apply', warnings: ['uses_last_deactivation'] },
    },
    {
      case: 'the first of a single allowed deactivation',
      count: 0,
      max: 1,
      expected: { ok: true, kind: 'apply', warnings: ['uses_last_deactivation'] },
    },
    {
      case: 'with unlimited deactivations (null)',
      count: 999,
      max: null,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
  ])('resets an active device $case', ({ count, max, expected }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: max });
    expect(canResetDevice(license, aDevice(), MANAGER)).toEqual(expected);
  });

  it.each([
    { case: 'exactly at the limit', count: 5, max: 5 },
    { case: 'past the limit (vendor lowered it)', count: 6, max: 3 },
    { case: 'when no deactivations are allowed at all', count: 0, max: 0 },
  ])('refuses a reset once the deactivation limit is reached: $case', ({ count, max }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: max });
    expect(canResetDevice(license, aDevice(), MANAGER)).toEqual({ ok: false, code: 'deactivation_limit_reached' });
  });

  it.each([
    { case: 'with deactivations to spare', count: 2 },
    { case: 'at the deactivation limit (it costs nothing)', count: 5 },
  ])('answers already_done for an inactive device $case', ({ count }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: 5 });
    expect(canResetDevice(license, aDevice({ active: false }), MANAGER)).toEqual({
      ok: true,
      kind: 'already_done',
      warnings: [],
    });
  });
});

describe('canResetDevice (rule 3: whose device)', () => {
  it.each([
    {
      case: 'a license user, own device',
      actor: USER,
      owner: USER.userId,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
    {
      case: "a license user, another user's device",
      actor: USER,
      owner: 'someone-else',
      expected: { ok: false, code: 'forbidden' },
    },
    {
      case: "a manager, another user's device",
      actor: MANAGER,
      owner: USER.userId,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
    {
      case: 'a manager, own device',
      actor: MANAGER,
      owner: MANAGER.userId,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
  ])('decides for $case', ({ actor, owner, expected }) => {
    expect(canResetDevice(aLicense(), aDevice({ userId: owner }), actor)).toEqual(expected);
  });

  it('refuses a license user an inactive device of another user (forbidden, not already_done)', () => {
    expect(canResetDevice(aLicense(), aDevice({ userId: 'someone-else', active: false }), USER)).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });

  it.each([
    { case: 'a manager', actor: { ...aManager(), holdsSeat: true } },
    { case: 'the device owner', actor: { ...aUser(), holdsSeat: true } },
  ])('answers not_found to $case for a device of another license', ({ actor }) => {
    const device = aDevice({ licenseId: 'lic-other', userId: actor.userId });
    expect(canResetDevice(aLicense({ id: 'lic-1' }), device, actor)).toEqual({ ok: false, code: 'not_found' });
  });
});

describe('canTouchDevice', () => {
  it.each([
    { actor: USER, owner: USER.userId, expected: true },
    { actor: USER, owner: 'other', expected: false },
    { actor: MANAGER, owner: 'other', expected: true },
  ])('is $expected for $actor.userId on a device of $owner', ({ actor, owner, expected }) => {
    expect(canTouchDevice(aDevice({ userId: owner }), actor)).toBe(expected);
  });
});

describe('canResetDevice (rule 3: only while holding a seat)', () => {
  it('refuses a license user removed from the license their own device (not_assigned), and spends nothing', () => {
    const removed = { ...USER, holdsSeat: false };
    expect(canResetDevice(aLicense(), aDevice({ userId: removed.userId }), removed)).toEqual({
      ok: false,
      code: 'not_assigned',
    });
    expect(canTouchDevice(aDevice({ userId: removed.userId }), removed)).toBe(false);
  });

  it('still lets a manager without a seat reset any device of the license', () => {
    const seatless = { ...MANAGER, holdsSeat: false };
    expect(canResetDevice(aLicense(), aDevice({ userId: USER.userId }), seatless)).toMatchObject({ ok: true });
    expect(canTouchDevice(aDevice({ userId: USER.userId }), seatless)).toBe(true);
  });

  it("answers forbidden, not not_assigned, for another user's device", () => {
    expect(canResetDevice(aLicense(), aDevice({ userId: 'other' }), { ...USER, holdsSeat: false })).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });
});
