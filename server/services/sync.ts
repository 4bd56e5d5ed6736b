import { messageFor } from '@shared/domain';
import type { Command, SyncResult } from '@shared/schemas';
import { storeResult, storedResult } from '../db/applied-ops';
import { recordAudit } from '../db/audit';
import { findDevice } from '../db/devices';
import { findUserByEmail, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { resetDevice } from './commands/device-reset';
import type { CommandContext, Effect } from './commands/effect';
import { resetLicense } from './commands/license-reset';
import { assignUser, prepareNewAccount } from './commands/user-assign';
import { unassignUser } from './commands/user-unassign';
import { writeTransaction } from '../db/transaction';

function decide(ctx: CommandContext, command: Command): Promise<Effect> {
  switch (command.kind) {
    case 'device.reset':
      return resetDevice(ctx, command);
    case 'license.reset':
      return resetLicense(ctx, command);
    case 'user.assign':
      return assignUser(ctx, command);
    case 'user.unassign':
      return unassignUser(ctx, command);
  }
}

function toResult(opId: string, effect: Effect): SyncResult {
  return {
    opId,
    outcome: effect.outcome,
    ...(effect.code ? { code: effect.code, message: messageFor(effect.code) } : {}),
    ...(effect.result ? { result: effect.result } : {}),
  };
}

/**
 * Applies one command at most once per company: the decision, the effect, the stored result and
 * the audit event share one transaction, so a replay finds the result and changes nothing.
 * A `conflict` changed nothing and is not stored: the user may confirm it under the same opId.
 */
export async function applyCommand(deps: AppDeps, user: UserRow, command: Command): Promise<SyncResult> {
  const { db } = deps;
  const companyId = user.company_id;
  const earlier = await storedResult(db.kysely, companyId, command.opId);
  if (earlier) return earlier;
  let newAccount: CommandContext['newAccount'];
  if (command.kind === 'user.assign' && !(await findUserByEmail(db.kysely, companyId, command.payload.email))) {
    newAccount = await prepareNewAccount(command.payload);
  }
  try {
    return await writeTransaction(db, async (trx) => {
      const stored = await storedResult(trx, companyId, command.opId);
      if (stored) return stored;
      const at = deps.now().toISOString();
      const effect = await decide(
        { trx, dialect: db.dialect, user, at, ...(newAccount ? { newAccount } : {}) },
        command,
      );
      const result = toResult(command.opId, effect);
      if (effect.outcome !== 'conflict')
        await storeResult(trx, { companyId, userId: user.id, kind: command.kind, result, at });
      if (effect.outcome === 'applied') {
        await recordAudit(trx, {
          companyId,
          actorUserId: user.id,
          actor: user.email,
          licenseId: effect.licenseId ?? null,
          action: command.kind,
          opId: command.opId,
          detail: effect.detail ?? {},
          at,
        });
      }
      return result;
    });
  } catch (error) {
    // Another server instance stored this opId first (primary key): answer with its result.
    const stored = await storedResult(db.kysely, companyId, command.opId);
    if (stored) return stored;
    throw error;
  }
}

/**
 * Commands in the order sent, one result each. A refused or conflicting command holds the later
 * commands of its license in the same request (they may build on it): those are answered
 * `held_by_earlier_change` and not stored, so the client keeps them queued behind it.
 */
export async function applySync(deps: AppDeps, user: UserRow, commands: readonly Command[]): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  const held = new Set<string>();
  for (const command of commands) {
    const licenseId = await licenseOf(deps, command);
    const stored = held.has(licenseId) ? await storedResult(deps.db.kysely, user.company_id, command.opId) : undefined;
    if (held.has(licenseId) && !stored) {
      results.push({
        opId: command.opId,
        outcome: 'rejected',
        code: 'held_by_earlier_change',
        message: messageFor('held_by_earlier_change'),
      });
      continue;
    }
    const result = stored ?? (await applyCommand(deps, user, command));
    if (licenseId && (result.outcome === 'rejected' || result.outcome === 'conflict')) held.add(licenseId);
    results.push(result);
  }
  return results;
}

/** The license a command is about ('' when its device is unknown: nothing to hold then). */
async function licenseOf(deps: AppDeps, command: Command): Promise<string> {
  if (command.kind !== 'device.reset') return command.payload.licenseId;
  return (await findDevice(deps.db.kysely, command.payload.deviceId))?.license_id ?? '';
}
