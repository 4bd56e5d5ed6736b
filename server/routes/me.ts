import { Hono } from 'hono';
import { requireUser } from '../http/auth';
import type { AppEnv } from '../http/env';
import { currentAccount } from '../services/auth';
import { json } from '../http/respond';

/** Answers before the initial password is changed, so the app can tell the user to change it. */
export const meRoutes = new Hono<AppEnv>();

meRoutes.get('/', requireUser, async (c) => json(c, await currentAccount(c.var.deps, c.var.user)));
