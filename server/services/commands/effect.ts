import type { Kysely } from 'kysely';
import type { Decision, ErrorCode } from '@shared/domain';
import type { CommandResult, Outcome } from '@shared/schemas';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { UserRow } from '../../db/users';

/** What one command runs with: its transaction, the caller, the time it is applied. */
export interface CommandContext {
  trx: Kysely<Database>;
  dialect: DialectName;
  user: UserRow;
  at: string;
  /** For user.assign of an unknown email: the password hash, computed before the transaction. */
  newAccount?: { password: string; hash: string; generated: boolean };
}

/** A command's answer plus what the audit log records when it changed something. */
export interface Effect {
  outcome: Outcome;
  code?: ErrorCode;
  result?: CommandResult;
  licenseId?: string;
  detail?: Record<string, unknown>;
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
