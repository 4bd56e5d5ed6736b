import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { portalStatus } from '../services/status';

/** The extension's compact view; mounted behind requireSettledUser. */
export const statusRoutes = new Hono<AppEnv>();

statusRoutes.get('/', async (c) => c.json(await portalStatus(c.get('deps'), c.get('user'))));
