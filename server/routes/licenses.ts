import { Hono } from 'hono';
import { LicensesQuerySchema } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { parseQuery } from '../http/validate';
import { getLicense, listDevices, listLicenses, listUsers } from '../services/licenses';

/** Mounted behind requireSettledUser. */
export const licenseRoutes = new Hono<AppEnv>();

licenseRoutes.get('/', async (c) => {
  const { email } = parseQuery(c, LicensesQuerySchema);
  return c.json(await listLicenses(c.var.deps, c.var.user, email));
});

licenseRoutes.get('/:id', async (c) => c.json(await getLicense(c.var.deps, c.var.user, c.req.param('id'))));

licenseRoutes.get('/:id/devices', async (c) => c.json(await listDevices(c.var.deps, c.var.user, c.req.param('id'))));

licenseRoutes.get('/:id/users', async (c) => c.json(await listUsers(c.var.deps, c.var.user, c.req.param('id'))));
