import { describe, expect, it } from 'vitest';
import { aDevice, aLicense, anAssignment, assignmentsOf, devicesOf, managerSeat, MANAGER, USER } from './fixtures';
import { exceedsBasis, planLicenseReset } from './license-reset';

describe('planLicenseReset (rule 6, all or nothing under rule 2)', () => {
  it.each([
    {
      case: 'more devices than deactivations left',
      active: 3,
      count: 3,
      max: 5,
      expected: { ok: false, code: 'deactivation_limit_reached' },
    },
    {
      case: 'no deactivations left',
      active: 1,
      count: 5,
      max: 5,
      expected: { ok: false, code: 'deactivation_limit_reached' },
    },
  ])('refuses the whole reset with $case', ({ active, count, max, expected }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: max });
    expect(planLicenseReset(license, devicesOf(active), [managerSeat(), anAssignment()], MANAGER)).toEqual(expected);
  });

  it.each([
    { case: 'exactly enough deactivations left', active: 3, count: 2, max: 5, warnings: ['uses_last_deactivation'] },
    { case: 'one deactivation to spare', active: 2, count: 2, max: 5, warnings: [] },
    { case: 'unlimited deactivations', active: 40, count: 100, max: null, warnings: [] },
  ])('applies with $case', ({ active, count, max, warnings }) => {
    const license = aLicense({ deactivationCount: count, maxDeactivations: max });
    const devices = devicesOf(active);
    const decision = planLicenseReset(license, devices, [managerSeat()], MANAGER);
    expect(decision).toEqual({
      ok: true,
      kind: 'apply',
      plan: { deviceIds: devices.map((d) => d.id), userIds: [] },
      warnings,
    });
  });

  it("deactivates only this license's active devices and keeps the managers' seats", () => {
    const mine = devicesOf(2);
    const devices = [...mine, aDevice({ active: false }), aDevice({ licenseId: 'lic-other' })];
    const users = assignmentsOf(2);
    const decision = planLicenseReset(aLicense(), devices, [managerSeat(), ...users], MANAGER);
    expect(decision).toMatchObject({
      ok: true,
      kind: 'apply',
      plan: { deviceIds: mine.map((d) => d.id), userIds: users.map((u) => u.userId) },
    });
  });

  it('removes users even at the deactivation limit when no device is active (costs nothing)', () => {
    const license = aLicense({ deactivationCount: 5, maxDeactivations: 5 });
    const user = anAssignment();
    expect(planLicenseReset(license, [aDevice({ active: false })], [managerSeat(), user], MANAGER)).toEqual({
      ok: true,
      kind: 'apply',
      plan: { deviceIds: [], userIds: [user.userId] },
      warnings: [],
    });
  });

  it.each([
    { case: 'no devices and only the manager assigned', devices: [], assignments: [managerSeat()] },
    { case: 'only inactive devices and no assignments', devices: devicesOf(2, { active: false }), assignments: [] },
  ])('answers already_done with nothing to do: $case', ({ devices, assignments }) => {
    const license = aLicense({ deactivationCount: 5, maxDeactivations: 5 });
    expect(planLicenseReset(license, devices, assignments, MANAGER)).toEqual({
      ok: true,
      kind: 'already_done',
      plan: { deviceIds: [], userIds: [] },
      warnings: [],
    });
  });

  it('refuses a license user (not_license_manager)', () => {
    expect(planLicenseReset(aLicense(), devicesOf(1), [], USER)).toEqual({ ok: false, code: 'not_license_manager' });
  });
});

describe('exceedsBasis (conflict)', () => {
  const plan = (devices: number, users: number) => ({
    deviceIds: Array.from({ length: devices }, (_, i) => `d${i}`),
    userIds: Array.from({ length: users }, (_, i) => `u${i}`),
  });

  it.each([
    {
      case: 'the same as the user saw',
      devices: 2,
      users: 1,
      seen: { activeDevices: 2, assignedUsers: 1 },
      expected: false,
    },
    {
      case: 'less than the user saw',
      devices: 1,
      users: 0,
      seen: { activeDevices: 2, assignedUsers: 1 },
      expected: false,
    },
    { case: 'nothing at all now', devices: 0, users: 0, seen: { activeDevices: 2, assignedUsers: 1 }, expected: false },
    {
      case: 'more devices (2 seen, 4 now)',
      devices: 4,
      users: 1,
      seen: { activeDevices: 2, assignedUsers: 1 },
      expected: true,
    },
    { case: 'one more device', devices: 3, users: 1, seen: { activeDevices: 2, assignedUsers: 1 }, expected: true },
    { case: 'more users', devices: 2, users: 2, seen: { activeDevices: 2, assignedUsers: 1 }, expected: true },
    {
      case: 'a device where the user saw none',
      devices: 1,
      users: 0,
      seen: { activeDevices: 0, assignedUsers: 0 },
      expected: true,
    },
    {
      case: 'fewer devices but more users',
      devices: 0,
      users: 3,
      seen: { activeDevices: 2, assignedUsers: 1 },
      expected: true,
    },
  ])('is $expected when the reset would now do $case', ({ devices, users, seen, expected }) => {
    expect(exceedsBasis(plan(devices, users), seen)).toBe(expected);
  });
});
