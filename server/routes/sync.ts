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
  const counter = c.var.deps.metrics?.syncCommands;
  if (counter) {
    const kinds = new Map(body.commands.map((command) => [command.opId, command.kind]));
    for (const r of response.results) counter.inc({ kind: kinds.get(r.opId) ?? 'unknown', outcome: r.outcome });
  }
  return json(c, response);
});
