import { createMiddleware } from 'hono/factory';
import { authenticate } from '../services/auth';
import { DomainError } from '../services/errors';
import type { AppEnv } from './env';

/** Requires `Authorization: Bearer <token>` of a live session; sets `user` and `token`. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  const user = token ? await authenticate(c.var.deps, token) : undefined;
  if (!token || !user) throw new DomainError('unauthorized');
  c.set('user', user);
  c.set('token', token);
  await next();
});

/** Until a user replaces their initial password, only /auth/* and /me answer. */
export const requirePasswordChanged = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.user.must_change_password === 1) throw new DomainError('password_change_required');
  await next();
});
