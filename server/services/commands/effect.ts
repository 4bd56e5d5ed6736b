import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Decision, DeviceActor, ErrorCode } from '@shared/domain';
import type { Command, CommandKind, CommandOf, CommandResult, Outcome } from '@shared/schemas';
import type { DialectName } from '../../db/dialect';
import type { DeviceBrief } from '../../db/devices';
import type { LicenseRow } from '../../db/licenses';
import type { Database } from '../../db/schema';
import type { UserRow } from '../../db/users';
import type { LicenseLedger } from './ledger';

/**
 * The initial password a command sets (a new account, a reset) and its scrypt hash, made before
 * the transaction (services/new-passwords.ts); or why there is none: too weak, or none was made
 * for this command (the sync did not expect it to need one, or had no budget left), so it waits.
 */
export type NewPassword =
  | {
      ok: true;
      password: string;
      hash: string;
      /** The server made it up: the result returns it once. */ generated: boolean;
    }
  | { ok: false; code: 'weak_password' | 'too_many_new_passwords' };

/** What one command runs with: its transaction (chunk), the caller, the time it is applied. */
export interface CommandContext {
  trx: Kysely<Database>;
  dialect: DialectName;
  user: UserRow;
  at: string;
  /** The chunk's licenses: decide on them, count effects there (written once per chunk). */
  ledger: LicenseLedger;
  /** The chunk's devices as read under the lock, kept up to date by its own resets. */
  devices: Map<string, DeviceBrief>;
  /** The vendor keys grant codes must be signed with. */
  vendorKeys: readonly KeyObject[];
  /** The initial password the sync made ready for this command (never hashed in the transaction). */
  newPassword(command: Command): NewPassword;
}

/** A command's answer plus what the audit log records when it changed something. */
export interface Effect {
  outcome: Outcome;
  code?: ErrorCode;
  result?: CommandResult;
  licenseId?: string;
  detail?: Record<string, unknown>;
  /** Other licenses whose activity log records the change too (a password reset: each license the user holds). */
  alsoLoggedOn?: string[];
}

export const rejected = (code: ErrorCode, licenseId?: string): Effect => ({
  outcome: 'rejected',
  code,
  ...(licenseId ? { licenseId } : {}),
});

/** A refusal of a rule as a rejected command. */
export function refusal(decision: Extract<Decision, { ok: false }>, licenseId: string): Effect {
  return rejected(decision.code, licenseId);
}

/**
 * The license a manager's command names, with the caller on it; or its refusal, decided before
 * anything else is looked up: a license of another company, or one the caller neither holds nor
 * manages, answers like a made-up id (nothing to learn); one the caller holds a seat on but does
 * not manage, `not_license_manager`.
 */
export async function managerStanding(
  ctx: CommandContext,
  licenseId: string,
): Promise<{ ok: true; license: LicenseRow; actor: DeviceActor } | { ok: false; refused: Effect }> {
  const standing = await ctx.ledger.standing(licenseId);
  if (!standing || (!standing.actor.isManager && !standing.actor.holdsSeat))
    return { ok: false, refused: rejected('not_found') };
  if (!standing.actor.isManager) return { ok: false, refused: rejected('not_license_manager', standing.license.id) };
  return { ok: true, license: standing.license, actor: standing.actor };
}

/**
 * Everything the server knows of one command kind beside its schema (shared/schemas): how it
 * applies, what it names before the transaction, whether it needs a password made ready. Its
 * module under this folder exports one; index.ts is their table.
 */
export interface ServerCommand<K extends CommandKind> {
  readonly kind: K;
  /** Decides and writes (in its savepoint); what it changed is stored and logged by the chunk. */
  apply(ctx: CommandContext, command: CommandOf<K>): Promise<Effect>;
  /**
   * Decides on the chunk's rows and writes nothing itself (the ledger writes its effects with the
   * chunk's): it runs without a savepoint, and the devices it turns off are written before a
   * command of another kind runs.
   */
  readonly decidedInLedger: boolean;
  /** What it is about: a device (read before the chunk; its license is what it holds) or a license. */
  target(command: CommandOf<K>): { deviceId: string } | { licenseId: string };
  /**
   * Sets an initial password, hashed before the transaction; `newAccountEmail` when it is made only
   * for an email without an account on a license with a free seat (an assign), else always.
   */
  readonly setsPassword?: { newAccountEmail?(command: CommandOf<K>): string };
}
