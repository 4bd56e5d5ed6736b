import { normalizeEmail } from '@shared/domain';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '@shared/schemas';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/password';
import { createSession, deleteOtherSessions, deleteSession, useSession } from '../db/sessions';
import { findCompany, findCompanyByPublicId, findUser, findUserByEmail, setPassword, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { DomainError, notFound } from './errors';
import { userViewOf } from './views';

/** The signed-in user, as every service takes them. */
export type Caller = UserRow;

/** The user of a live session token (the session is extended), or undefined. */
export async function authenticate(deps: AppDeps, token: string): Promise<Caller | undefined> {
  const userId = await useSession(deps.db.kysely, token, deps.now());
  return userId ? findUser(deps.db.kysely, userId) : undefined;
}

/**
 * Sign-in, rate-limited per account and per client address. Each attempt is counted before the
 * slow password check, so parallel guesses cannot all slip in under the limit; a right password
 * gives its attempt back.
 */
export async function signIn(deps: AppDeps, request: LoginRequest, clientAddress: string): Promise<LoginResponse> {
  const { db, limits } = deps;
  const at = deps.now().getTime();
  const accountKey = `${request.companyId.trim().toLowerCase()}\n${normalizeEmail(request.email)}`;
  const wait = Math.max(limits.account.retryAfterMs(accountKey, at), limits.address.retryAfterMs(clientAddress, at));
  if (wait > 0) throw new DomainError('rate_limited', { retryAfterSeconds: Math.ceil(wait / 1000) });

  limits.account.hit(accountKey, at);
  limits.address.hit(clientAddress, at);
  const company = await findCompanyByPublicId(db.kysely, request.companyId);
  const user = company ? await findUserByEmail(db.kysely, company.id, request.email) : undefined;
  // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
  const ok = await verifyPassword(request.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) throw new DomainError('invalid_credentials');
  limits.account.clear(accountKey);
  limits.address.release(clientAddress);
  const token = await createSession(db.kysely, user.id, deps.now());
  return { token, user: await userViewOf(db.kysely, user) };
}

export async function signOut(deps: AppDeps, token: string): Promise<void> {
  await deleteSession(deps.db.kysely, token);
}

/** A new password ends every other session of the user; the one that changed it stays. */
export async function changePassword(
  deps: AppDeps,
  user: Caller,
  token: string,
  request: ChangePasswordRequest,
): Promise<void> {
  if (!(await verifyPassword(request.currentPassword, user.password_hash))) {
    throw new DomainError('wrong_current_password', { field: 'currentPassword' });
  }
  if (request.newPassword === request.currentPassword) throw new DomainError('same_password', { field: 'newPassword' });
  await setPassword(deps.db.kysely, user.id, await hashPassword(request.newPassword));
  await deleteOtherSessions(deps.db.kysely, user.id, token);
}

/** The caller and their company (GET /me). */
export async function currentAccount(deps: AppDeps, user: Caller): Promise<MeResponse> {
  const company = await findCompany(deps.db.kysely, user.company_id);
  if (!company) throw notFound();
  return {
    user: await userViewOf(deps.db.kysely, user),
    company: { id: company.id, companyId: company.public_id, name: company.name },
  };
}
