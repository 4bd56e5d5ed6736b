import type { Device, License, LicenseUser, OutboxRow } from '../schemas';
import { commandOf, type CountersOverlay, type UsersOverlay } from '../commands';
import { normalizeEmail } from '../domain';

/**
 * The optimistic overlay: the cache as the server sent it, with the effects of the commands that
 * have not reached it yet applied on top. Computed at read time from the outbox, never baked
 * into the cache, so a fresh pull plus the still-pending commands is always the right picture.
 * Every effect is idempotent against its base (resetting an inactive device changes nothing).
 * Each function costs O(rows + commands): a license may have 10,000 devices and 1,000 commands
 * waiting, and runs on every change of either.
 */

/**
 * A license's devices with pending resets applied (a new array; untouched rows are the same
 * objects). A device goes inactive at the first pending command that resets it: its own reset,
 * or a reset of its license.
 */
export function overlayDevices(devices: readonly Device[], commands: readonly OutboxRow[]): Device[] {
  const deviceReset = new Map<string, { at: number; createdAt: string }>();
  const licenseReset = new Map<string, { at: number; createdAt: string }>();
  commands.forEach((c, at) => {
    const first = { at, createdAt: c.createdAt };
    const { deviceId, licenseId } = commandOf(c).devicesOff(c);
    if (deviceId !== undefined && !deviceReset.has(deviceId)) deviceReset.set(deviceId, first);
    if (licenseId !== undefined && !licenseReset.has(licenseId)) licenseReset.set(licenseId, first);
  });
  if (deviceReset.size === 0 && licenseReset.size === 0) return devices.slice();
  return devices.map((d) => {
    if (!d.active) return d;
    const own = deviceReset.get(d.id);
    const all = licenseReset.get(d.licenseId);
    const first = own && all ? (own.at < all.at ? own : all) : (own ?? all);
    return first ? { ...d, active: false, deactivatedAt: first.createdAt } : d;
  });
}

/** A license's users with pending assigns (shown under pending ids: commands/pending-ids) and unassigns applied, in order. */
export function overlayUsers(
  users: readonly LicenseUser[],
  licenseId: string,
  commands: readonly OutboxRow[],
): LicenseUser[] {
  const shown = new Map<string, LicenseUser>();
  /** How many shown users hold each (normalized) email. */
  const emails = new Map<string, number>();
  /** Shown users who are not managers: a license reset removes them, each at most once. */
  let others = new Set<string>();
  const add = (u: LicenseUser) => {
    shown.set(u.id, u);
    const email = normalizeEmail(u.email);
    emails.set(email, (emails.get(email) ?? 0) + 1);
    if (!u.isManager) others.add(u.id);
  };
  const remove = (id: string) => {
    const u = shown.get(id);
    if (!u || u.isManager) return;
    shown.delete(id);
    others.delete(id);
    const email = normalizeEmail(u.email);
    emails.set(email, (emails.get(email) ?? 1) - 1);
  };
  for (const u of users) if (u.licenseId === licenseId) add(u);
  const overlay: UsersOverlay = {
    licenseId,
    holders: (email) => emails.get(email) ?? 0,
    add,
    remove,
    removeOthers() {
      const gone = others;
      others = new Set();
      for (const id of gone) remove(id);
    },
  };
  for (const c of commands) commandOf(c).overlayUsers(c, overlay);
  return [...shown.values()];
}

/**
 * A license's counters with pending commands applied. Uses the cached devices and users of the
 * license when there are any (exact), else the command's basis (what the user saw). The cache
 * may hold only the rows the commands name (the devices they reset): the counters need no more.
 */
export function overlayLicense(
  license: License,
  cache: { devices: readonly Device[]; users: readonly LicenseUser[] },
  commands: readonly OutboxRow[],
): License {
  const mine = commands.filter((c) => c.licenseId === license.id);
  if (mine.length === 0) return license;
  const devices = new Map(cache.devices.filter((d) => d.licenseId === license.id).map((d) => [d.id, d]));
  const users = cache.users.filter((u) => u.licenseId === license.id);
  const s: CountersOverlay = {
    devices,
    users,
    usersById: new Map(users.map((u) => [u.id, u])),
    activations: license.activations.used,
    deactivationCount: license.deactivationCount,
    maxDeactivations: license.maxDeactivations,
    seats: license.seats.used,
    reset: new Set(),
    assigned: new Set(users.map((u) => normalizeEmail(u.email))),
    unassigned: new Set(),
  };
  for (const c of mine) commandOf(c).overlayCounters(c, s);
  const { activations, deactivationCount, maxDeactivations, seats } = s;
  return {
    ...license,
    deactivationCount,
    maxDeactivations,
    activations: { ...license.activations, used: activations },
    seats: { ...license.seats, used: seats },
    deactivations: { used: deactivationCount, max: maxDeactivations },
  };
}
