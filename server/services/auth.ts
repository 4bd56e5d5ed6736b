import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '@shared/schemas';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/password';
import { hashToken } from '../auth/tokens';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  moveSessionToVersion,
  sessionUser,
  type SessionUser,
} from '../db/sessions';
import { writeTransaction } from '../db/transaction';
import { findCompanyByPublicId, findUserByEmail, setPassword, type UserRow } from '../db/users';
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
  // Said only to someone who knows the password: it tells nothing to a guesser.
  if (initialPasswordExpired(user, deps.now())) throw new DomainError('initial_password_expired');
  // Bound to the password just checked: a change committed meanwhile makes this sign-in fail.
  const token = await createSession(db.kysely, user.id, user.password_version, deps.now());
  if (!token) throw new DomainError('invalid_credentials');
  return { token, user: await userViewOf(db.kysely, user) };
}

/** An initial password a manager's change set, still unused past its expiry. */
const initialPasswordExpired = (user: UserRow, now: Date) =>
  user.must_change_password === 1 &&
  user.initial_password_expires_at !== null &&
  Date.parse(user.initial_password_expires_at) <= now.getTime();

export async function signOut(deps: AppDeps, token: string): Promise<void> {
  await deleteSession(deps.db.kysely, token);
}

/**
 * A new password ends every other session of the user; the one that changed it stays. The new
 * hash is stored only if the password is still the one this session checked (its version), and
 * raising the version ends every session made under the old one, even a sign-in under way.
 */
export async function changePassword(
  deps: AppDeps,
  user: Caller,
  token: string,
  request: ChangePasswordRequest,
): Promise<void> {
  // Limited like sign-in, or a stolen session could guess the password; a wrong one keeps the session.
  const session = hashToken(token);
  await admitPasswordCheck(deps, session);
  const right = await verifyPassword(request.currentPassword, user.password_hash);
  await settlePasswordCheck(deps, session, right);
  if (!right) throw new DomainError('wrong_current_password', { field: 'currentPassword' });
  if (request.newPassword === request.currentPassword) throw new DomainError('same_password', { field: 'newPassword' });
  const hash = await hashPassword(request.newPassword);
  const changed = await writeTransaction(deps.db, async (trx) => {
    const version = await setPassword(trx, user.id, hash, user.password_version);
    if (version === undefined) return false;
    await moveSessionToVersion(trx, token, version);
    await deleteOtherSessions(trx, user.id, token);
    return true;
  });
  // Changed (or reset) meanwhile from elsewhere: this session was made under the old password.
  if (!changed) throw new DomainError('unauthorized');
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
      vendorKeys: deps.vendorKeys.map(({ jwk }) => ({
        kty: 'OKP' as const,
        crv: 'Ed25519' as const,
        x: String(jwk.x),
      })),
    },
  };
}
