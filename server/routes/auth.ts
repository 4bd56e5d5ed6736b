import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { normalizeEmail } from '../../shared/domain';
import { ChangePasswordRequestSchema, LoginRequestSchema, type LoginResponse } from '../../shared/schemas';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/password';
import { createSession, deleteOtherSessions, deleteSession } from '../db/sessions';
import { findCompanyByPublicId, findUserByEmail, setPassword } from '../db/users';
import { requireUser } from '../http/auth';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { DomainError } from '../services/errors';
import { userRole, userView } from '../services/views';

export const authRoutes = new Hono<AppEnv>();

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

authRoutes.post('/login', async (c) => {
  const body = await parseBody(c, LoginRequestSchema);
  const { db, now, limits } = c.var.deps;
  const at = now().getTime();
  const accountKey = `${body.companyId.trim().toLowerCase()}\n${normalizeEmail(body.email)}`;
  const addressKey = clientAddress(c);
  const wait = Math.max(limits.account.retryAfterMs(accountKey, at), limits.address.retryAfterMs(addressKey, at));
  if (wait > 0) throw new DomainError('rate_limited', { retryAfterSeconds: Math.ceil(wait / 1000) });

  // Count the attempt before the slow password check, so parallel guesses cannot all slip in
  // under the limit; a right password gives its attempt back.
  limits.account.hit(accountKey, at);
  limits.address.hit(addressKey, at);
  const company = await findCompanyByPublicId(db.kysely, body.companyId);
  const user = company ? await findUserByEmail(db.kysely, company.id, body.email) : undefined;
  // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
  const ok = await verifyPassword(body.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) throw new DomainError('invalid_credentials');
  limits.account.clear(accountKey);
  limits.address.release(addressKey);
  const token = await createSession(db.kysely, user.id, now());
  const response: LoginResponse = { token, user: userView(user, await userRole(db.kysely, user.id)) };
  return c.json(response);
});

authRoutes.post('/logout', requireUser, async (c) => {
  await deleteSession(c.var.deps.db.kysely, c.var.token);
  return c.body(null, 204);
});

authRoutes.post('/password', requireUser, async (c) => {
  const body = await parseBody(c, ChangePasswordRequestSchema);
  const { db } = c.var.deps;
  const user = c.var.user;
  if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
    throw new DomainError('wrong_current_password', { field: 'currentPassword' });
  }
  if (body.newPassword === body.currentPassword) {
    throw new DomainError('same_password', { field: 'newPassword' });
  }
  await setPassword(db.kysely, user.id, await hashPassword(body.newPassword));
  await deleteOtherSessions(db.kysely, user.id, c.var.token);
  return c.body(null, 204);
});
