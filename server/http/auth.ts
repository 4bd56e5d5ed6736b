import { createMiddleware } from 'hono/factory';
import { useSession } from '../db/sessions';
import { findUser } from '../db/users';
import type { AppEnv } from './env';
import { DomainError } from '../services/errors';

/** Requires `Authorization: Bearer <token>` of a live session; sets `user` and `token`. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new DomainError('unauthorized');
  const { db, now } = c.var.deps;
  const userId = await useSession(db.kysely, match[1], now());
  const user = userId ? await findUser(db.kysely, userId) : undefined;
  if (!user) throw new DomainError('unauthorized');
  c.set('user', user);
  c.set('token', match[1]);
  await next();
});

/** Until a user replaces their initial password, only /auth/* and /me answer. */
export const requirePasswordChanged = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.user.must_change_password === 1) throw new DomainError('password_change_required');
  await next();
});
