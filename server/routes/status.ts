import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { portalStatus } from '../services/status';
import { json } from '../http/respond';

/** The extension's compact view; mounted behind requireSettledUser. */
export const statusRoutes = new Hono<AppEnv>();

statusRoutes.get('/', async (c) => json(c, await portalStatus(c.get('deps'), c.get('user'))));
