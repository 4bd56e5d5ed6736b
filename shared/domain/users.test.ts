import { describe, expect, it } from 'vitest';
import { aLicense, anAssignment, assignmentsOf, managerSeat, MANAGER, USER } from './fixtures';
import { canAssignUser, canResetPassword, canTakeSeat, canUnassignUser, normalizeEmail } from './users';

describe('canAssignUser (rules 4 and 5)', () => {
  it.each([
    { case: 'with seats to spare', seats: 3, taken: 1, expected: { ok: true, kind: 'apply', warnings: [] } },
    {
      case: 'one seat below the limit (uses the last seat)',
      seats: 3,
      taken: 2,
      expected: { ok: true, kind: 'apply', warnings: ['uses_last_seat'] },
    },
    { case: 'exactly at the limit', seats: 3, taken: 3, expected: { ok: false, code: 'max_license_users_reached' } },
    {
      case: 'past the limit (quantity lowered)',
      seats: 1,
      taken: 3,
      expected: { ok: false, code: 'max_license_users_reached' },
    },
    {
      case: 'with no seats at all (quantity 0)',
      seats: 0,
      taken: 0,
      expected: { ok: false, code: 'max_license_users_reached' },
    },
  ])('assigns a new email $case', ({ seats, taken, expected }) => {
    const license = aLicense({ maxLicenseUsers: seats });
    expect(canAssignUser(license, assignmentsOf(taken), 'new@codeglass.example', MANAGER)).toEqual(expected);
  });

  it("counts the manager's own seat against the limit", () => {
    const license = aLicense({ maxLicenseUsers: 2 });
    expect(canAssignUser(license, [managerSeat(), anAssignment()], 'new@codeglass.example', MANAGER)).toEqual({
      ok: false,
      code: 'max_license_users_reached',
    });
  });

  it.each([
    { case: 'the same spelling', asked: 'dev@codeglass.example' },
    { case: 'other letter case', asked: 'DEV@CodeGlass.Example' },
    { case: 'surrounding blanks', asked: '  dev@codeglass.example ' },
  ])('answers already_done for an assigned email with $case, even when seats are full', ({ asked }) => {
    const license = aLicense({ maxLicenseUsers: 2 });
    const assignments = [managerSeat(), anAssignment({ email: 'Dev@codeglass.example' })];
    expect(canAssignUser(license, assignments, asked, MANAGER)).toEqual({
      ok: true,
      kind: 'already_done',
      warnings: [],
    });
  });

  it('refuses a license user (not_license_manager), even for their own email', () => {
    const assignments = [anAssignment({ userId: USER.userId, email: 'dev@codeglass.example' })];
    expect(canAssignUser(aLicense(), assignments, 'dev@codeglass.example', USER)).toEqual({
      ok: false,
      code: 'not_license_manager',
    });
  });
});

describe('canUnassignUser (rules 4 and 5)', () => {
  it.each([
    {
      case: 'a license user',
      target: anAssignment({ userId: 'u-x' }),
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
    {
      case: 'a manager',
      target: managerSeat({ userId: 'u-x' }),
      expected: { ok: false, code: 'cannot_unassign_manager' },
    },
  ])('decides unassigning $case', ({ target, expected }) => {
    expect(canUnassignUser([managerSeat(), target], 'u-x', MANAGER)).toEqual(expected);
  });

  it('refuses to unassign the acting manager themself (cannot_unassign_manager)', () => {
    expect(canUnassignUser([managerSeat()], MANAGER.userId, MANAGER)).toEqual({
      ok: false,
      code: 'cannot_unassign_manager',
    });
  });

  it('answers already_done for a user without a seat', () => {
    expect(canUnassignUser([managerSeat(), anAssignment()], 'unknown-user', MANAGER)).toEqual({
      ok: true,
      kind: 'already_done',
      warnings: [],
    });
  });

  it.each([
    { case: 'another user', target: 'user-x' },
    { case: 'themself', target: USER.userId },
  ])('refuses a license user unassigning $case (not_license_manager)', ({ target }) => {
    const assignments = [anAssignment({ userId: USER.userId }), anAssignment({ userId: 'user-x' })];
    expect(canUnassignUser(assignments, target, USER)).toEqual({ ok: false, code: 'not_license_manager' });
  });
});

describe('canResetPassword (a manager resets a seat holder`s password)', () => {
  const here = 'lic-a';
  const managed = new Set([here, 'lic-b']);
  const manages = (id: string) => managed.has(id);
  const holder = (seats: string[], managesAny = false) => ({ userId: 'u-x', seatLicenseIds: seats, managesAny });
  it.each([
    [
      'a manager, for a seat holder of this license only',
      holder([here]),
      MANAGER,
      { ok: true, kind: 'apply', warnings: [] },
    ],
    [
      'a manager, for a seat holder of two licenses both managed by them',
      holder([here, 'lic-b']),
      MANAGER,
      { ok: true, kind: 'apply', warnings: [] },
    ],
    ['a license user', holder([here]), USER, { ok: false, code: 'not_license_manager' }],
    ['someone without a seat of the license', holder(['lic-b']), MANAGER, { ok: false, code: 'not_found' }],
    ['an unknown account', undefined, MANAGER, { ok: false, code: 'not_found' }],
    ['a manager of this license', holder([here], true), MANAGER, { ok: false, code: 'cannot_reset_manager_password' }],
    [
      'the manager of another license (assigned a seat here)',
      holder([here, 'lic-elsewhere'], true),
      MANAGER,
      { ok: false, code: 'cannot_reset_manager_password' },
    ],
    [
      'a seat holder of a license this manager does not manage too',
      holder([here, 'lic-elsewhere']),
      MANAGER,
      { ok: false, code: 'cannot_reset_password_elsewhere' },
    ],
  ] as const)('%s', (_what, target, actor, expected) => {
    expect(canResetPassword(here, target, actor, manages)).toEqual(expected);
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['Dev@CodeGlass.Example', 'dev@codeglass.example'],
    ['  a@b.example\t', 'a@b.example'],
    ['plain@x.example', 'plain@x.example'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('canTakeSeat (rule 5 on counts, as the server decides)', () => {
  it.each([
    {
      case: 'a free seat',
      used: 1,
      assigned: false,
      actor: MANAGER,
      expected: { ok: true, kind: 'apply', warnings: [] },
    },
    {
      case: 'the last seat',
      used: 2,
      assigned: false,
      actor: MANAGER,
      expected: { ok: true, kind: 'apply', warnings: ['uses_last_seat'] },
    },
    {
      case: 'no seat left',
      used: 3,
      assigned: false,
      actor: MANAGER,
      expected: { ok: false, code: 'max_license_users_reached' },
    },
    {
      case: 'an assigned user at the limit',
      used: 3,
      assigned: true,
      actor: MANAGER,
      expected: { ok: true, kind: 'already_done', warnings: [] },
    },
    {
      case: 'a license user',
      used: 0,
      assigned: false,
      actor: USER,
      expected: { ok: false, code: 'not_license_manager' },
    },
  ])('decides $case', ({ used, assigned, actor, expected }) => {
    expect(
      canTakeSeat(aLicense({ maxLicenseUsers: 3 }), { seatsUsed: used, alreadyAssigned: assigned }, actor),
    ).toEqual(expected);
  });
});
