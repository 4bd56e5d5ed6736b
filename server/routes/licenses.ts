import { Hono } from 'hono';
import { normalizeEmail } from '../../shared/domain';
import { LicensesQuerySchema } from '../../shared/schemas';
import { licenseDevices } from '../db/devices';
import { licenseAssignments } from '../db/assignments';
import { licensesHeldBy } from '../db/licenses';
import { findUserByEmail } from '../db/users';
import type { AppEnv } from '../http/env';
import { parseQuery } from '../http/validate';
import { accessLicense, licenseViewOf, visibleLicenseViews } from '../services/access';
import { DomainError } from '../services/errors';
import { deviceView, licenseUserView } from '../services/views';

/** Mounted behind requireUser + requirePasswordChanged. */
export const licenseRoutes = new Hono<AppEnv>();

licenseRoutes.get('/', async (c) => {
  const { email } = parseQuery(c, LicensesQuerySchema);
  const { db } = c.var.deps;
  const user = c.var.user;
  let views = await visibleLicenseViews(db.kysely, user);
  if (email) {
    // A manager finds which of their licenses a user holds; anyone else only ever finds themself.
    const target = await findUserByEmail(db.kysely, user.company_id, email);
    const held = target ? await licensesHeldBy(db.kysely, target.id) : new Set<string>();
    const self = normalizeEmail(email) === user.email;
    views = views.filter((v) => held.has(v.id) && (v.role === 'license_manager' || self));
  }
  return c.json({ licenses: views });
});

licenseRoutes.get('/:id', async (c) => {
  const { db } = c.var.deps;
  return c.json({ license: await licenseViewOf(db.kysely, await accessLicense(db.kysely, c.var.user, c.req.param('id'))) });
});

licenseRoutes.get('/:id/devices', async (c) => {
  const { db } = c.var.deps;
  const user = c.var.user;
  const { row, isManager } = await accessLicense(db.kysely, user, c.req.param('id'));
  // Rule 3: a license user sees (and may reset) only their own devices.
  const rows = await licenseDevices(db.kysely, row.id, isManager ? undefined : user.id);
  return c.json({ devices: rows.map(deviceView) });
});

licenseRoutes.get('/:id/users', async (c) => {
  const { db } = c.var.deps;
  const { row, isManager } = await accessLicense(db.kysely, c.var.user, c.req.param('id'));
  if (!isManager) throw new DomainError('not_license_manager');
  const rows = await licenseAssignments(db.kysely, row.id);
  return c.json({ users: rows.map((r) => licenseUserView(row.id, r)) });
});
