import type { Kysely } from 'kysely';
import type { Decision, ErrorCode } from '@shared/domain';
import type { CommandResult, Outcome } from '@shared/schemas';
import type { DialectName } from '../../db/dialect';
import type { DeviceBrief } from '../../db/devices';
import type { Database } from '../../db/schema';
import type { UserRow } from '../../db/users';
import type { LicenseLedger } from './ledger';

/** An initial password and its stored hash, made before the transaction when hashing is slow. */
export interface NewAccount {
  password: string;
  hash: string;
  /** The server made the password up: the result returns it once. */
  generated: boolean;
}

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
  /** For user.assign of an unknown email whose password needs the slow hash: hashed beforehand. */
  newAccount?: NewAccount;
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
