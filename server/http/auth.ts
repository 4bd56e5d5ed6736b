import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../services/auth';
import { DomainError } from '../services/errors';
import type { AppEnv } from './env';

/** The user of the request's `Authorization: Bearer <token>` (set as `user` and `token`), or 401. */
async function signIn(c: Context<AppEnv>) {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  const user = token ? await authenticate(c.get('deps'), token) : undefined;
  if (!token || !user) throw new DomainError('unauthorized');
  c.set('user', user);
  c.set('token', token);
  return user;
}

/** Requires a live session; sets `user` and `token`. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  await signIn(c);
  await next();
});

/** Requires a live session of a user who has replaced their initial password: until then only /auth/* and /me answer. */
export const requireSettledUser = createMiddleware<AppEnv>(async (c, next) => {
  const user = await signIn(c);
  if (user.must_change_password === 1) throw new DomainError('password_change_required');
  await next();
});
