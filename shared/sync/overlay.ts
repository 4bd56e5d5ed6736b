import type { Device, License, LicenseUser, OutboxRow } from '../schemas';
import { normalizeEmail } from '../domain';

/**
 * The optimistic overlay: the cache as the server sent it, with the effects of the commands that
 * have not reached it yet applied on top. Computed at read time from the outbox, never baked
 * into the cache, so a fresh pull plus the still-pending commands is always the right picture.
 * Every effect is idempotent against its base (resetting an inactive device changes nothing).
 */

/** A license's devices with pending resets applied. */
export function overlayDevices(devices: readonly Device[], commands: readonly OutboxRow[]): Device[] {
  let out = devices.map((d) => ({ ...d }));
  for (const c of commands) {
    if (c.kind === 'device.reset') {
      out = out.map((d) =>
        d.id === c.payload.deviceId && d.active ? { ...d, active: false, deactivatedAt: c.createdAt } : d,
      );
    } else if (c.kind === 'license.reset') {
      out = out.map((d) =>
        d.licenseId === c.payload.licenseId && d.active ? { ...d, active: false, deactivatedAt: c.createdAt } : d,
      );
    }
  }
  return out;
}

/** A license's users with pending assigns (as `pending:<opId>` rows) and unassigns applied. */
export function overlayUsers(
  users: readonly LicenseUser[],
  licenseId: string,
  commands: readonly OutboxRow[],
): LicenseUser[] {
  let out = users.filter((u) => u.licenseId === licenseId);
  for (const c of commands) {
    if (c.kind === 'user.assign' && c.payload.licenseId === licenseId) {
      const email = normalizeEmail(c.payload.email);
      if (out.some((u) => normalizeEmail(u.email) === email)) continue;
      out = [...out, pendingUser(c.opId, licenseId, c.payload, c.createdAt)];
    } else if (c.kind === 'user.unassign' && c.payload.licenseId === licenseId) {
      out = out.filter((u) => u.id !== c.payload.userId || u.isManager);
    } else if (c.kind === 'license.reset' && c.payload.licenseId === licenseId) {
      out = out.filter((u) => u.isManager);
    }
  }
  return out;
}

function pendingUser(
  opId: string,
  licenseId: string,
  p: { email: string; firstName?: string; lastName?: string },
  at: string,
): LicenseUser {
  return {
    id: `pending:${opId}`,
    licenseId,
    email: p.email,
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    isManager: false,
    assignedAt: at,
  };
}

/**
 * A license's counters with pending commands applied. Uses the cached devices and users of the
 * license when there are any (exact), else the command's basis (what the user saw).
 */
export function overlayLicense(
  license: License,
  cache: { devices: readonly Device[]; users: readonly LicenseUser[] },
  commands: readonly OutboxRow[],
): License {
  const mine = commands.filter((c) => c.licenseId === license.id);
  if (mine.length === 0) return license;
  const devices = cache.devices.filter((d) => d.licenseId === license.id);
  const users = cache.users.filter((u) => u.licenseId === license.id);
  let activations = license.activations.used;
  let deactivationCount = license.deactivationCount;
  let seats = license.seats.used;
  const reset = new Set<string>();
  let assigned = new Set(users.map((u) => normalizeEmail(u.email)));
  let unassigned = new Set<string>();
  for (const c of mine) {
    if (c.kind === 'device.reset') {
      const device = devices.find((d) => d.id === c.payload.deviceId);
      const active = device ? device.active : (c.basis?.deviceActive ?? false);
      if (!active || reset.has(c.payload.deviceId)) continue;
      reset.add(c.payload.deviceId);
      activations = Math.max(0, activations - 1);
      deactivationCount += 1;
    } else if (c.kind === 'license.reset') {
      deactivationCount += activations;
      activations = 0;
      const managers = users.filter((u) => u.isManager);
      seats = users.length > 0 ? managers.length : Math.max(0, seats - (c.basis?.assignedUsers ?? 0));
      assigned = new Set(managers.map((u) => normalizeEmail(u.email)));
    } else if (c.kind === 'user.assign') {
      const email = normalizeEmail(c.payload.email);
      if (assigned.has(email)) continue;
      assigned.add(email);
      seats += 1;
    } else if (c.kind === 'user.unassign') {
      const user = users.find((u) => u.id === c.payload.userId);
      if (unassigned.has(c.payload.userId) || user?.isManager || (users.length > 0 && !user)) continue;
      unassigned = new Set([...unassigned, c.payload.userId]);
      if (user) assigned.delete(normalizeEmail(user.email));
      seats = Math.max(0, seats - 1);
    }
  }
  return {
    ...license,
    deactivationCount,
    activations: { ...license.activations, used: activations },
    seats: { ...license.seats, used: seats },
    deactivations: { ...license.deactivations, used: deactivationCount },
  };
}
