import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { readiness } from '../services/readiness';

/**
 * For load balancers and monitors, outside /api: no data, no sign-in, never cached.
 * GET /healthz: the process answers. GET /readyz: 200 when it should get traffic, else 503 and why.
 */
export function healthRoutes(stopping: () => boolean): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const noStore = { 'cache-control': 'no-store' };
  routes.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));
  routes.get('/readyz', async (c) => {
    const state = await readiness(c.var.deps.db, stopping());
    if (state.ready) return c.json({ status: 'ready' }, 200, noStore);
    return c.json({ status: 'not_ready', reason: state.reason, detail: state.detail }, 503, noStore);
  });
  return routes;
}
