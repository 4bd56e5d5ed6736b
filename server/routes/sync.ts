import { Hono } from 'hono';
import { SyncRequestSchema, type SyncResponse } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { applySync } from '../services/sync';
import { json } from '../http/respond';

/** Mounted behind requireSettledUser. */
export const syncRoutes = new Hono<AppEnv>();

syncRoutes.post('/', async (c) => {
  const body = await parseBody(c, SyncRequestSchema);
  const response: SyncResponse = { results: await applySync(c.var.deps, c.var.user, body.commands) };
  return json(c, response);
});
