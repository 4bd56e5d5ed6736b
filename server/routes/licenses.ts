import { Hono } from 'hono';
import { EventsQuerySchema, LicensesQuerySchema, ListQuerySchema } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { parseQuery, pathId } from '../http/validate';
import { listEvents } from '../services/events';
import { getLicense, listDevices, listLicenses, listUsers } from '../services/licenses';
import { json } from '../http/respond';
import { listResponse } from '../http/list-stream';

/** Mounted behind requireSettledUser. */
export const licenseRoutes = new Hono<AppEnv>();

licenseRoutes.get('/', async (c) => {
  const { email } = parseQuery(c, LicensesQuerySchema);
  return json(c, await listLicenses(c.var.deps, c.var.user, email));
});

licenseRoutes.get('/:id', async (c) => json(c, await getLicense(c.var.deps, c.var.user, pathId(c))));

licenseRoutes.get('/:id/devices', async (c) => {
  const { since, format } = parseQuery(c, ListQuerySchema);
  return listResponse(c, await listDevices(c.var.deps, c.var.user, pathId(c), since), format ?? 'json');
});

licenseRoutes.get('/:id/users', async (c) => {
  const { since, format } = parseQuery(c, ListQuerySchema);
  return listResponse(c, await listUsers(c.var.deps, c.var.user, pathId(c), since), format ?? 'json');
});

licenseRoutes.get('/:id/events', async (c) => {
  const query = parseQuery(c, EventsQuerySchema);
  return json(c, await listEvents(c.var.deps, c.var.user, pathId(c), query));
});
