import { randomUUID } from 'node:crypto';
import { canActivate, isManagerOf, licenseRefusal } from '@shared/domain';
import type { ActivationRequest, Device, License } from '@shared/schemas';
import { recordAudit } from '../db/audit';
import { findActiveDevice, findDevice, insertDevice, touchDevice } from '../db/devices';
import { licenseWithCaller } from '../db/license-access';
import { countsOf, licenseFacts, lockLicenses } from '../db/licenses';
import { groupedWriteTransaction } from '../db/transaction';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { certificateFor } from './device-certificate';
import { DomainError, notFound } from './errors';
import { deviceView, licenseView } from './views';

/** A check-in is written at most this often per device: checks in between only read. */
const CHECK_WRITE_EVERY_MS = 60_000;
/**
 * A check-in also marks the device changed for incremental pulls at most this often, so lists
 * show "last checked" to the day without every check-in re-sending rows to every client.
 */
const CHECK_LISTED_EVERY_MS = 86_400_000;

const olderThan = (iso: string, ms: number, now: Date) => now.getTime() - Date.parse(iso) >= ms;

/**
 * Rules 1 and 7 for the licensed product: a new activation needs a seat, a usable license and a
 * free activation; an active hardware id is refreshed; a deactivated one activates anew. Counts
 * come from the license's counters and the machine from an index, so the cost does not grow with
 * the license's devices. Activations arriving together share one commit (groupedWriteTransaction).
 */
export async function activate(
  deps: AppDeps,
  user: UserRow,
  request: ActivationRequest,
): Promise<{ device: Device; created: boolean }> {
  const { db } = deps;
  return groupedWriteTransaction(db, async (trx) => {
    await lockLicenses(trx, db.dialect, user.company_id, [request.licenseId]);
    const license = await licenseWithCaller(trx, user.company_id, user.id, request.licenseId);
    if (!license) throw notFound();
    const now = deps.now();
    const at = now.toISOString();
    const current = await findActiveDevice(trx, license.id, request.hardwareId);
    const decision = canActivate(
      {
        license: licenseFacts(license),
        activeDevices: license.active_devices,
        hardwareActive: current !== undefined,
        assigned: license.assigned,
      },
      now,
    );
    // Someone who neither holds a seat nor manages the license is told only that they hold no seat.
    if (!decision.ok) throw new DomainError(decision.code);
    if (current) {
      const own = current.user_id === user.id;
      // Another user's machine: a license user learns nothing of it (not whose, not its name).
      if (!own && !isManagerOf(license.subscription_kind, license.appointed)) throw new DomainError('hardware_in_use');
      // The machine stays activated; only its own user's product may rename it.
      const stored = (await findDevice(trx, current.id))!;
      const renamed = own && (stored.hostname !== request.hostname || stored.os !== request.os);
      if (renamed || olderThan(stored.last_checked_at, CHECK_WRITE_EVERY_MS, now)) {
        await touchDevice(trx, { id: current.id, licenseId: license.id }, at, {
          ...(renamed ? { rename: { hostname: request.hostname, os: request.os } } : {}),
          listed: renamed || olderThan(stored.last_checked_at, CHECK_LISTED_EVERY_MS, now),
        });
      }
      return { device: deviceView((await findDevice(trx, current.id))!), created: false };
    }
    const id = randomUUID();
    const { hardwareId, hostname, os } = request;
    await insertDevice(trx, { id, licenseId: license.id, userId: user.id, hardwareId, hostname, os, at });
    await recordAudit(trx, {
      companyId: user.company_id,
      actorUserId: user.id,
      actor: user.email,
      licenseId: license.id,
      action: 'device.activate',
      detail: { deviceId: id, hardwareId, hostname, os },
      at,
    });
    const created: Device = {
      id,
      licenseId: license.id,
      userId: user.id,
      userEmail: user.email,
      hardwareId,
      hostname,
      os,
      firstActivatedAt: at,
      lastCheckedAt: at,
      active: true,
      deactivatedAt: null,
    };
    return { device: created, created: true };
  });
}

/**
 * Whether this machine's activation is still active (the product asks now and then): a read
 * (precompiled, on SQLite's read-only connection), plus a write at most once a minute per device
 * to record the check-in, sharing its commit with the writes arriving meanwhile. An active device
 * of a usable license gets a fresh certificate too, so the product renews it without activating again.
 */
export async function checkActivation(
  deps: AppDeps,
  user: UserRow,
  licenseId: string,
  hardwareId: string,
): Promise<{ active: boolean; license: License; certificate: string | null }> {
  const { db } = deps;
  const license = await licenseWithCaller(db.kysely, user.company_id, user.id, licenseId);
  if (!license || !(license.appointed || license.assigned)) throw notFound();
  const isManager = isManagerOf(license.subscription_kind, license.appointed);
  const found = await findActiveDevice(db.kysely, license.id, hardwareId);
  // A license user asks about their own machines only: another user's answers as an unknown
  // hardware id would (not active, and its check-in is not recorded). A manager's product gets any
  // machine of the license, as activating does.
  const device = found && (isManager || found.user_id === user.id) ? found : undefined;
  const now = deps.now();
  if (device && olderThan(device.last_checked_at, CHECK_WRITE_EVERY_MS, now)) {
    const target = { id: device.id, licenseId: license.id };
    const listed = olderThan(device.last_checked_at, CHECK_LISTED_EVERY_MS, now);
    await groupedWriteTransaction(db, async (trx) => {
      // Listing the row again bumps the license's version: under its lock.
      if (listed) await lockLicenses(trx, db.dialect, user.company_id, [license.id]);
      await touchDevice(trx, target, now.toISOString(), { listed });
    });
  }
  const usable = device !== undefined && licenseRefusal(licenseFacts(license), now) === null;
  return {
    active: device !== undefined,
    license: licenseView(license, countsOf(license), isManager),
    certificate: usable ? await certificateFor(deps, user, { id: device.id, licenseId: license.id, hardwareId }) : null,
  };
}
