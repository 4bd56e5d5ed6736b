import { randomUUID } from 'node:crypto';
import { insertAssignment } from '../db/assignments';
import type { Db } from '../db/connect';
import { insertDevices } from '../db/devices';
import { setDeactivationCount } from '../db/licenses';
import { writeTransaction } from '../db/transaction';
import { createCompany, createLicense, createUser } from './operations';

/** The demo sign-ins `npm start` prints and every test may use. */
export const DEMO = {
  companyId: 'CodeGlass',
  manager: { email: 'manager@codeglass.example', password: 'manager-demo', firstName: 'Morgan', lastName: 'Manager' },
  user: { email: 'dev@codeglass.example', password: 'dev-demo', firstName: 'Dana', lastName: 'Developer' },
  licenseName: 'CodeGlass Offline Organization',
} as const;

const DAY = 86_400_000;

/**
 * The demo data: one offline organization license, 3 seats (both users), 3 of 5 activations
 * used (2 dev, 1 manager), 2 of 5 deactivations used by two earlier devices, valid for a year.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<{ licenseId: string }> {
  await createCompany(db, { companyId: DEMO.companyId, name: 'CodeGlass' }, now);
  const { manager, user } = DEMO;
  await createUser(db, { company: DEMO.companyId, ...manager, mustChangePassword: false }, now);
  const dev = await createUser(db, { company: DEMO.companyId, ...user, mustChangePassword: false }, now);
  const { license, manager: mgr } = await createLicense(
    db,
    {
      company: DEMO.companyId,
      name: DEMO.licenseName,
      kind: 'offline_organization',
      type: 'subscription',
      quantity: 3,
      maxActivations: 5,
      maxDeactivations: 5,
      validUntil: new Date(now.getTime() + 365 * DAY).toISOString(),
      manager: manager.email,
    },
    now,
  );
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const device = (
    userId: string,
    hardwareId: string,
    hostname: string,
    os: string,
    first: number,
    last: number,
    deactivated?: number,
  ) => ({
    id: randomUUID(),
    license_id: license.id,
    user_id: userId,
    hardware_id: hardwareId,
    hostname,
    os,
    first_activated_at: ago(first),
    last_checked_at: ago(last),
    active: deactivated === undefined ? 1 : 0,
    deactivated_at: deactivated === undefined ? null : ago(deactivated),
  });
  await writeTransaction(db, async (trx) => {
    await insertAssignment(trx, license.id, dev.id, ago(60));
    await insertDevices(trx, license.id, [
      device(dev.id, 'HW-DEV-LAPTOP-01', 'dev-laptop', 'Windows 11', 60, 0),
      device(dev.id, 'HW-DEV-DESKTOP-02', 'dev-desktop', 'Ubuntu 24.04', 45, 1),
      device(mgr.id, 'HW-MORGAN-MBP-03', 'morgan-mbp', 'macOS 15', 90, 0),
      device(dev.id, 'HW-OLD-LAPTOP-04', 'old-laptop', 'Windows 10', 120, 70, 70),
      device(mgr.id, 'HW-OLD-MINI-05', 'morgan-mini', 'macOS 14', 100, 40, 40),
    ]);
    await setDeactivationCount(trx, license.id, 2);
  });
  return { licenseId: license.id };
}
