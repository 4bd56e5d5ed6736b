import { roleFor, type Role } from '@shared/domain';
import type { Device, License, LicenseUser, User } from '@shared/schemas';
import type { Kysely } from 'kysely';
import type { DeviceRow } from '../db/devices';
import type { AssignmentRow } from '../db/assignments';
import { licenseFacts, type LicenseCounts, type LicenseRow } from '../db/licenses';
import { appointments } from '../db/managers';
import type { Database } from '../db/schema';
import type { UserRow } from '../db/users';

/** Stored rows to the shared wire shapes (shared/schemas), in one place. */

function displayName(user: Pick<UserRow, 'first_name' | 'last_name' | 'email'>): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.email;
}

/** The user with their dashboard role: manager of any managed license, else license user. */
export async function userViewOf(db: Kysely<Database>, user: UserRow): Promise<User> {
  return userView(user, roleFor(await appointments(db, user.id)));
}

export function userView(user: UserRow, role: Role): User {
  return {
    id: user.id,
    email: user.email,
    name: displayName(user),
    role,
    mustChangePassword: user.must_change_password === 1,
  };
}

export function licenseView(row: LicenseRow, counts: LicenseCounts, isManager: boolean): License {
  const facts = licenseFacts(row);
  // Named one by one: in V8 a spread followed by more properties costs about a microsecond per
  // property (a third of a /status poll), where a plain literal costs next to nothing.
  return {
    id: facts.id,
    subscriptionKind: facts.subscriptionKind,
    licenseType: facts.licenseType,
    status: facts.status,
    validUntil: facts.validUntil,
    quantity: facts.quantity,
    maxActivations: facts.maxActivations,
    maxDeactivations: facts.maxDeactivations,
    deactivationCount: facts.deactivationCount,
    maxLicenseUsers: facts.maxLicenseUsers,
    name: row.name,
    activations: { used: counts.activeDevices, max: facts.maxActivations },
    seats: { used: counts.assignments, max: facts.maxLicenseUsers },
    deactivations: { used: facts.deactivationCount, max: facts.maxDeactivations },
    role: isManager ? 'license_manager' : 'license_user',
    createdAt: row.created_at,
  };
}

export function deviceView(row: DeviceRow): Device {
  return {
    id: row.id,
    licenseId: row.license_id,
    userId: row.user_id,
    userEmail: row.user_email,
    hardwareId: row.hardware_id,
    hostname: row.hostname,
    os: row.os,
    firstActivatedAt: row.first_activated_at,
    lastCheckedAt: row.last_checked_at,
    active: row.active === 1,
    deactivatedAt: row.deactivated_at,
  };
}

export function licenseUserView(licenseId: string, row: AssignmentRow): LicenseUser {
  return {
    id: row.user_id,
    licenseId,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    isManager: row.is_manager,
    assignedAt: row.assigned_at,
  };
}
