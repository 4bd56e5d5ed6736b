/**
 * Test factories for the domain rules: small, valid defaults that each test overrides with
 * only the facts it is about. Not exported from the domain index; only tests import this.
 */
import type { Actor, AssignmentFacts, DeviceFacts, LicenseFacts } from './types';

/** The instant every rule test runs at (time is a parameter of the rules). */
export const NOW = new Date('2026-03-01T12:00:00.000Z');

const DAY_MS = 86_400_000;

/** A license manager and a license user of lic-1. */
export const MANAGER: Actor = { userId: 'manager-1', isManager: true };
export const USER: Actor = { userId: 'dev-user-1', isManager: false };

/** An ISO timestamp `days` (may be fractional or negative) from NOW. */
export function inDays(days: number, from: Date = NOW): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

/** Like the demo license: offline_organization, 3 seats, 5 activations, 2 of 5 deactivations used. */
export function aLicense(overrides: Partial<LicenseFacts> = {}): LicenseFacts {
  return {
    id: 'lic-1',
    subscriptionKind: 'offline_organization',
    licenseType: 'subscription',
    status: 'active',
    validUntil: inDays(365),
    quantity: 3,
    maxActivations: 5,
    maxDeactivations: 5,
    deactivationCount: 2,
    maxLicenseUsers: 3,
    ...overrides,
  };
}

let deviceSeq = 0;
/** An active device of lic-1, activated by the license user. */
export function aDevice(overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  deviceSeq += 1;
  return {
    id: `dev-${deviceSeq}`,
    licenseId: 'lic-1',
    userId: USER.userId,
    hardwareId: `hw-${deviceSeq}`,
    active: true,
    ...overrides,
  };
}

/** `n` active devices of lic-1 (overrides apply to each). */
export function devicesOf(n: number, overrides: Partial<DeviceFacts> = {}): DeviceFacts[] {
  return Array.from({ length: n }, () => aDevice(overrides));
}

let userSeq = 0;
/** A non-manager seat holder. */
export function anAssignment(overrides: Partial<AssignmentFacts> = {}): AssignmentFacts {
  userSeq += 1;
  return { userId: `user-${userSeq}`, email: `user${userSeq}@codeglass.example`, isManager: false, ...overrides };
}

/** `n` non-manager seat holders. */
export function assignmentsOf(n: number): AssignmentFacts[] {
  return Array.from({ length: n }, () => anAssignment());
}

export function aManager(overrides: Partial<Actor> = {}): Actor {
  return { ...MANAGER, ...overrides };
}

export function aUser(overrides: Partial<Actor> = {}): Actor {
  return { ...USER, ...overrides };
}

/** The manager's own seat, which a license reset keeps. */
export function managerSeat(overrides: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return { userId: MANAGER.userId, email: 'manager@codeglass.example', isManager: true, ...overrides };
}
