import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password';
import { insertAssignment } from '../db/assignments';
import type { Db } from '../db/connect';
import { insertDevices } from '../db/devices';
import { findCompanyByPublicId, insertUser } from '../db/users';
import { writeTransaction } from '../db/transaction';
import { createCompany, createLicense } from './operations';

/** Sign-ins of the scale demo: one manager, and every generated user shares one password. */
export const SCALE = {
  companyId: 'ScaleCo',
  manager: { email: 'manager@scale.example', password: 'scale-demo' },
  userPassword: 'scale-user-demo',
} as const;

export interface ScaleInput {
  devices: number;
  users: number;
  /** Also the license's name, so several scale licenses can live in one company. */
  name?: string;
}

const OSES = ['Windows 11', 'Windows 10', 'Ubuntu 24.04', 'macOS 15', 'macOS 14', 'Fedora 41'];
const DAY = 86_400_000;
/** Rows per INSERT: well under SQLite's bound-variable limit at 10 columns a row. */
const CHUNK = 500;

/**
 * An enterprise-sized license to try the portal at scale (and to benchmark it): `users` seat
 * holders and `devices` active devices spread over them, with room left under every limit.
 * The generated users share one password (hashed once), so seeding 10,000 rows takes seconds.
 */
export async function seedScale(db: Db, input: ScaleInput, now = new Date()) {
  if (!(await findCompanyByPublicId(db.kysely, SCALE.companyId)))
    await createCompany(db, { companyId: SCALE.companyId, name: 'Scale Co' }, now);
  const company = (await findCompanyByPublicId(db.kysely, SCALE.companyId))!;
  const { license, manager } = await createLicense(
    db,
    {
      company: SCALE.companyId,
      name: input.name ?? `Scale ${input.devices} devices`,
      kind: 'offline_organization',
      type: 'subscription',
      quantity: input.users + 100,
      maxActivations: input.devices + 1000,
      maxDeactivations: null,
      validUntil: new Date(now.getTime() + 365 * DAY).toISOString(),
      manager: SCALE.manager.email,
      managerPassword: SCALE.manager.password,
    },
    now,
  );
  const hash = await hashPassword(SCALE.userPassword);
  const at = now.toISOString();
  const tag = license.id.slice(0, 8);
  const userIds = Array.from({ length: Math.max(1, input.users) }, () => randomUUID());
  await writeTransaction(db, async (trx) => {
    for (const [i, id] of userIds.entries()) {
      const email = `user${i + 1}.${tag}@scale.example`;
      await insertUser(trx, {
        id,
        companyId: company.id,
        email,
        firstName: 'User',
        lastName: String(i + 1),
        passwordHash: hash,
        mustChangePassword: false,
        createdAt: at,
      });
      await insertAssignment(trx, license.id, id, at);
    }
    for (let start = 0; start < input.devices; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, input.devices - start) }, (_, k) => {
        const n = start + k;
        const seen = new Date(now.getTime() - (n % 90) * DAY).toISOString();
        return {
          id: randomUUID(),
          license_id: license.id,
          user_id: userIds[n % userIds.length]!,
          hardware_id: `HW-${tag}-${n}`,
          hostname: `host-${String(n).padStart(5, '0')}`,
          os: OSES[n % OSES.length]!,
          first_activated_at: seen,
          last_checked_at: seen,
          active: 1,
          deactivated_at: null,
        };
      });
      await insertDevices(trx, license.id, rows);
    }
  });
  return {
    license: { id: license.id, name: license.name },
    manager: { email: manager.email, password: SCALE.manager.password },
    companyId: SCALE.companyId,
    users: userIds.length,
    devices: input.devices,
  };
}
