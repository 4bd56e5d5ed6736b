import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '@shared/schemas';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/password';
import { createSession, deleteOtherSessions, deleteSession, sessionUser, type SessionUser } from '../db/sessions';
import { findCompanyByPublicId, findUserByEmail, setPassword } from '../db/users';
import type { AppDeps } from '../deps';
import { DomainError } from './errors';
import { admitPasswordCheck, admitSignIn, settle, settlePasswordCheck } from './sign-in-limits';
import { linksOfCompany } from './vendor-links';
import { userViewOf } from './views';

/** The signed-in user with their company, as every service takes them. */
export type Caller = SessionUser;

/** The user of a live session token (the session is extended), or undefined. */
export async function authenticate(deps: AppDeps, token: string): Promise<Caller | undefined> {
  return sessionUser(deps.db.kysely, token, deps.now());
}

/**
 * Sign-in, rate-limited by services/sign-in-limits.ts: an address that failed too often waits,
 * an account under attack answers slower, and a right password from elsewhere always passes.
 */
export async function signIn(deps: AppDeps, request: LoginRequest, clientAddress: string): Promise<LoginResponse> {
  const { db } = deps;
  const keys = await admitSignIn(deps, request, clientAddress);
  const company = await findCompanyByPublicId(db.kysely, request.companyId);
  const user = company ? await findUserByEmail(db.kysely, company.id, request.email) : undefined;
  // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
  const ok = await verifyPassword(request.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  await settle(deps, keys, user && ok ? 'right' : 'wrong');
  if (!user || !ok) throw new DomainError('invalid_credentials');
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
  // Limited like sign-in, or a stolen session could guess the password; a wrong one keeps the session.
  await admitPasswordCheck(deps, user.id);
  const right = await verifyPassword(request.currentPassword, user.password_hash);
  await settlePasswordCheck(deps, user.id, right);
  if (!right) throw new DomainError('wrong_current_password', { field: 'currentPassword' });
  if (request.newPassword === request.currentPassword) throw new DomainError('same_password', { field: 'newPassword' });
  await setPassword(deps.db.kysely, user.id, await hashPassword(request.newPassword));
  await deleteOtherSessions(deps.db.kysely, user.id, token);
}

/** "Sign out on other devices": every session of the caller ends but the one asking. */
export async function endOtherSessions(deps: AppDeps, user: Caller, token: string): Promise<void> {
  await deleteOtherSessions(deps.db.kysely, user.id, token);
}

/** The caller and their company, with where its "contact us" and "upgrade" messages link (GET /me). */
export async function currentAccount(deps: AppDeps, user: Caller): Promise<MeResponse> {
  const { company } = user;
  const links = linksOfCompany(deps, company);
  return {
    user: await userViewOf(deps.db.kysely, user),
    company: {
      id: company.id,
      companyId: company.public_id,
      name: company.name,
      contactUrl: links.contact,
      upgradeUrl: links.upgrade,
    },
  };
}
