import { Hono } from 'hono';
import { ChangePasswordRequestSchema, LoginRequestSchema } from '@shared/schemas';
import { requireUser } from '../http/auth';
import { clientAddress } from '../http/client';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { changePassword, endOtherSessions, signIn, signOut } from '../services/auth';
import { json, noContent } from '../http/respond';

export const authRoutes = new Hono<AppEnv>();

authRoutes.post('/login', async (c) => {
  const body = await parseBody(c, LoginRequestSchema);
  return json(c, await signIn(c.var.deps, body, clientAddress(c)));
});

authRoutes.post('/logout', requireUser, async (c) => {
  await signOut(c.var.deps, c.var.token);
  return noContent(c);
});

authRoutes.post('/password', requireUser, async (c) => {
  const body = await parseBody(c, ChangePasswordRequestSchema);
  await changePassword(c.var.deps, c.var.user, c.var.token, body);
  return noContent(c);
});

/** "Sign out on other devices": the caller's other sessions end, this one stays. */
authRoutes.post('/sessions/end-others', requireUser, async (c) => {
  await endOtherSessions(c.var.deps, c.var.user, c.var.token);
  return noContent(c);
});
