import { randomUUID } from 'node:crypto';
import { canAssignUser } from '@shared/domain';
import { actorOn } from '../access';
import type { CommandOf } from '@shared/schemas';
import { generateInitialPassword, hashPassword } from '../../auth/password';
import { licenseFacts, lockLicense } from '../../db/licenses';
import { assignmentFacts, insertAssignment, licenseAssignments } from '../../db/assignments';
import { findUserByEmail, insertUser } from '../../db/users';
import { rejected, type CommandContext, type Effect } from './effect';

/** Hashing is slow on purpose, so it happens before the transaction that holds the license. */
export async function prepareNewAccount(
  payload: CommandOf<'user.assign'>['payload'],
): Promise<NonNullable<CommandContext['newAccount']>> {
  const password = payload.initialPassword ?? generateInitialPassword();
  return { password, hash: await hashPassword(password), generated: payload.initialPassword === undefined };
}

/** Rule 5: take a seat; an unknown email gets an account that must change its password. */
export async function assignUser(ctx: CommandContext, command: CommandOf<'user.assign'>): Promise<Effect> {
  const { trx, user, at } = ctx;
  const { payload } = command;
  const license = await lockLicense(trx, ctx.dialect, user.company_id, payload.licenseId);
  if (!license) return rejected('not_found');
  const actor = await actorOn(trx, license, user);
  const assignments = await licenseAssignments(trx, license.id);
  const decision = canAssignUser(licenseFacts(license), assignmentFacts(assignments), payload.email, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  const existing = await findUserByEmail(trx, user.company_id, payload.email);
  if (decision.kind === 'already_done') {
    return { outcome: 'already_done', licenseId: license.id, result: { userId: existing!.id, created: false } };
  }
  let userId = existing?.id;
  let generatedPassword: string | undefined;
  if (!userId) {
    const account = ctx.newAccount ?? (await prepareNewAccount(payload));
    userId = randomUUID();
    await insertUser(trx, {
      id: userId,
      companyId: user.company_id,
      email: payload.email,
      firstName: payload.firstName ?? '',
      lastName: payload.lastName ?? '',
      passwordHash: account.hash,
      mustChangePassword: true,
      createdAt: at,
    });
    if (account.generated) generatedPassword = account.password;
  }
  await insertAssignment(trx, license.id, userId, at);
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { userId, created: !existing, ...(generatedPassword ? { initialPassword: generatedPassword } : {}) },
    detail: { userId, email: payload.email.trim().toLowerCase(), created: !existing },
  };
}
