import { describe, expect, it } from 'vitest';
import { isManagerOf, kindHasManagers, roleFor } from './roles';

describe('license managers per subscription kind', () => {
  it.each([
    { kind: 'enterprise', has: false },
    { kind: 'organization', has: true },
    { kind: 'offline_organization', has: true },
    { kind: 'experimental', has: true },
  ] as const)('$kind has managers: $has', ({ kind, has }) => {
    expect(kindHasManagers(kind)).toBe(has);
    expect(isManagerOf(kind, true)).toBe(has);
  });

  it.each(['enterprise', 'organization', 'offline_organization', 'experimental'] as const)(
    'a user not appointed on a %s license does not manage it',
    (kind) => {
      expect(isManagerOf(kind, false)).toBe(false);
    },
  );
});

describe('roleFor (the dashboard role)', () => {
  it.each([
    { case: 'no licenses', managed: [], role: 'license_user' },
    {
      case: 'an appointed enterprise "manager" (enterprise has none)',
      managed: [{ kind: 'enterprise', appointedManager: true }],
      role: 'license_user',
    },
    {
      case: 'a seat on an organization license only',
      managed: [{ kind: 'organization', appointedManager: false }],
      role: 'license_user',
    },
    {
      case: 'the manager of an organization license',
      managed: [{ kind: 'organization', appointedManager: true }],
      role: 'license_manager',
    },
    {
      case: 'the manager of an offline_organization license',
      managed: [{ kind: 'offline_organization', appointedManager: true }],
      role: 'license_manager',
    },
    {
      case: 'the manager of an experimental license',
      managed: [{ kind: 'experimental', appointedManager: true }],
      role: 'license_manager',
    },
    {
      case: 'an enterprise appointee who manages one organization license too',
      managed: [
        { kind: 'enterprise', appointedManager: true },
        { kind: 'organization', appointedManager: true },
      ],
      role: 'license_manager',
    },
  ] as const)('is $role for $case', ({ managed, role }) => {
    expect(roleFor(managed)).toBe(role);
  });
});
