import { randomUUID } from 'node:crypto';
import { canActivate } from '@shared/domain';
import type { ActivationRequest, Device, License } from '@shared/schemas';
import { recordAudit } from '../db/audit';
import { isAssigned } from '../db/assignments';
import { deviceFacts, findActiveDevice, findDevice, insertDevice, licenseDevices, touchDevice } from '../db/devices';
import { lockLicense, licenseFacts } from '../db/licenses';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { DomainError, notFound } from './errors';
import { accessLicense, licenseViewOf } from './access';
import { deviceView } from './views';
import { writeTransaction } from '../db/transaction';

/**
 * Rules 1 and 7 for the licensed product: a new activation needs a seat, a usable license and a
 * free activation; an active hardware id is refreshed; a deactivated one activates anew.
 */
export async function activate(
  deps: AppDeps,
  user: UserRow,
  request: ActivationRequest,
): Promise<{ device: Device; created: boolean }> {
  const { db } = deps;
  return writeTransaction(db, async (trx) => {
    const license = await lockLicense(trx, db.dialect, user.company_id, request.licenseId);
    if (!license) throw notFound();
    const devices = await licenseDevices(trx, license.id);
    const now = deps.now();
    const at = now.toISOString();
    const assigned = await isAssigned(trx, license.id, user.id);
    const decision = canActivate(
      { license: licenseFacts(license), devices: devices.map(deviceFacts), hardwareId: request.hardwareId, assigned },
      now,
    );
    // Someone who neither holds a seat nor manages the license is told only that they hold no seat.
    if (!decision.ok) throw new DomainError(decision.code);
    if (decision.kind === 'already_done') {
      const current = devices.find((d) => d.active === 1 && d.hardware_id === request.hardwareId)!;
      // The machine stays activated; only its own user's product may rename it.
      const own = current.user_id === user.id;
      await touchDevice(trx, current.id, at, own ? { hostname: request.hostname, os: request.os } : undefined);
      return { device: deviceView((await findDevice(trx, current.id))!), created: false };
    }
    const id = randomUUID();
    await insertDevice(trx, {
      id,
      licenseId: license.id,
      userId: user.id,
      hardwareId: request.hardwareId,
      hostname: request.hostname,
      os: request.os,
      at,
    });
    await recordAudit(trx, {
      companyId: user.company_id,
      actorUserId: user.id,
      actor: user.email,
      licenseId: license.id,
      action: 'device.activate',
      detail: { deviceId: id, hardwareId: request.hardwareId, hostname: request.hostname, os: request.os },
      at,
    });
    return { device: deviceView((await findDevice(trx, id))!), created: true };
  });
}

/** Whether this machine's activation is still active (the product asks now and then). */
export async function checkActivation(
  deps: AppDeps,
  user: UserRow,
  licenseId: string,
  hardwareId: string,
): Promise<{ active: boolean; license: License }> {
  const { db } = deps;
  const access = await accessLicense(db.kysely, user, licenseId);
  const device = await findActiveDevice(db.kysely, access.row.id, hardwareId);
  if (device) await touchDevice(db.kysely, device.id, deps.now().toISOString());
  return { active: device !== undefined, license: await licenseViewOf(db.kysely, access) };
}
