import type { Kysely } from 'kysely';
import { messageFor, type ErrorCode } from '@shared/domain';
import type { Command, SyncResult } from '@shared/schemas';
import { storeResults, storedResults, type ResultEntry, type StoredOp } from '../db/applied-ops';
import { recordAudits, type AuditEntry } from '../db/audit';
import { devicesOfCompany, type DeviceBrief } from '../db/devices';
import { lockLicenses } from '../db/licenses';
import type { Database } from '../db/schema';
import { inSavepoint, isUniqueViolation, writeTransaction } from '../db/transaction';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import type { CommandContext, Effect, NewPassword } from './commands/effect';
import { decide, deviceIdOf, serverCommandOf } from './commands';
import { DevicesChanged, LicenseLedger } from './commands/ledger';

/** A command of the request with what the sync worked out before the transaction. */
export interface PlannedCommand {
  command: Command;
  /** commandHash(command): what its opId answers for. */
  hash: string;
  /** The license it is about ('' when unknown: such a command holds nothing). */
  licenseKey: string;
}

export const refusedWith = (opId: string, code: ErrorCode): SyncResult => ({
  opId,
  outcome: 'rejected',
  code,
  message: messageFor(code),
});

function toResult(opId: string, effect: Effect): SyncResult {
  return {
    opId,
    outcome: effect.outcome,
    ...(effect.code ? { code: effect.code, message: messageFor(effect.code) } : {}),
    ...(effect.result ? { result: effect.result } : {}),
  };
}

/**
 * A stored answer is kept for later: except a `conflict` (nothing changed; the user may confirm
 * it under the same opId), a `not_found` (an unknown or another company's target: storing
 * those would let anyone fill the table with made-up ids) and a `too_many_new_passwords` (not
 * decided: sent again later).
 */
const keeps = (effect: Effect) =>
  effect.outcome !== 'conflict' && effect.code !== 'not_found' && effect.code !== 'too_many_new_passwords';

/** A command that needs a password the sync did not make ready waits for a later request. */
const NOT_READY: NewPassword = { ok: false, code: 'too_many_new_passwords' };

/** Refused rules and conflicts hold the later commands of their license in the request. */
const holds = (result: SyncResult) => result.outcome === 'rejected' || result.outcome === 'conflict';

/** A stored answer answers only its own user sending the same command again. */
function replay(stored: StoredOp, planned: PlannedCommand, user: UserRow): SyncResult {
  const same =
    stored.userId === user.id &&
    stored.kind === planned.command.kind &&
    (stored.commandHash === null || stored.commandHash === planned.hash);
  return same ? stored.result : refusedWith(planned.command.opId, 'op_id_reused');
}

const deviceIdsOf = (planned: readonly PlannedCommand[]) => planned.flatMap((p) => deviceIdOf(p.command) ?? []);

/** What one chunk's transaction works with, and what it stores once its commands ran. */
interface ChunkRun {
  trx: Kysely<Database>;
  deps: AppDeps;
  user: UserRow;
  at: string;
  ledger: LicenseLedger;
  devices: Map<string, DeviceBrief>;
  passwords: ReadonlyMap<string, NewPassword>;
  stored: ResultEntry[];
  audits: AuditEntry[];
}

/**
 * One command in its own savepoint: its effect, or nothing (its counts put back too). Its answer
 * and audit event are stored with the chunk's, in the same transaction.
 */
async function applyOne(run: ChunkRun, planned: PlannedCommand): Promise<{ result: SyncResult; licenseId?: string }> {
  const { trx, deps, user, at } = run;
  const { command } = planned;
  const counters = run.ledger.snapshot();
  const ctx: CommandContext = {
    trx,
    dialect: deps.db.dialect,
    user,
    at,
    ledger: run.ledger,
    devices: run.devices,
    vendorKeys: deps.vendorKeys.map((k) => k.key),
    newPassword: (c) => run.passwords.get(c.opId) ?? NOT_READY,
  };
  // A kind decided in the ledger writes nothing itself: nothing of its can need rolling back.
  const decided = serverCommandOf(command).decidedInLedger
    ? decide(ctx, command)
    : run.ledger.writeDevices(at).then(() => inSavepoint(trx, () => decide(ctx, command)));
  const effect = await decided.catch((error: unknown) => {
    run.ledger.restore(counters);
    throw error;
  });
  const result = toResult(command.opId, effect);
  const companyId = user.company_id;
  if (keeps(effect))
    run.stored.push({ companyId, userId: user.id, kind: command.kind, commandHash: planned.hash, result, at });
  if (effect.outcome === 'applied') {
    for (const licenseId of [effect.licenseId ?? null, ...(effect.alsoLoggedOn ?? [])]) {
      run.audits.push({
        companyId,
        actorUserId: user.id,
        actor: user.email,
        licenseId,
        action: command.kind,
        opId: command.opId,
        detail: effect.detail ?? {},
        at,
      });
    }
  }
  return { result, ...(effect.licenseId ? { licenseId: effect.licenseId } : {}) };
}

/**
 * A concurrent request (another server instance on PostgreSQL) created the same account first:
 * the command's savepoint is gone; decide it again now that the other write is visible.
 */
async function applyOrRetry(run: ChunkRun, planned: PlannedCommand) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOne(run, planned);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
      await run.ledger.writeDevices(run.at);
      run.devices = await devicesOfCompany(run.trx, run.user.company_id, [...run.devices.keys()]);
    }
  }
}

/** Thrown when another request stored one of the chunk's opIds first: the chunk runs again. */
class OpIdTaken extends Error {}

async function runChunk(
  trx: Kysely<Database>,
  deps: AppDeps,
  user: UserRow,
  planned: readonly PlannedCommand[],
  held: ReadonlySet<string>,
  passwords: ReadonlyMap<string, NewPassword>,
) {
  const companyId = user.company_id;
  const nowHeld = new Set(held);
  const licenseIds = [...new Set(planned.map((p) => p.licenseKey).filter(Boolean))];
  await lockLicenses(trx, deps.db.dialect, companyId, licenseIds);
  const stored = await storedResults(
    trx,
    companyId,
    planned.map((p) => p.command.opId),
  );
  const devices = await devicesOfCompany(trx, companyId, deviceIdsOf(planned));
  const at = deps.now().toISOString();
  const ledger = new LicenseLedger(trx, user);
  const run: ChunkRun = { trx, deps, user, at, ledger, devices, passwords, stored: [], audits: [] };
  const results: SyncResult[] = [];
  for (const p of planned) {
    const earlier = stored.get(p.command.opId);
    if (earlier) {
      const answer = replay(earlier, p, user);
      if (p.licenseKey && answer === earlier.result && holds(answer)) nowHeld.add(p.licenseKey);
      results.push(answer);
    } else if (p.licenseKey && nowHeld.has(p.licenseKey)) {
      results.push(refusedWith(p.command.opId, 'held_by_earlier_change'));
    } else {
      const { result, licenseId } = await applyOrRetry(run, p);
      if (licenseId && holds(result)) nowHeld.add(licenseId);
      results.push(result);
    }
  }
  await ledger.flush(at);
  try {
    await inSavepoint(trx, () => storeResults(trx, run.stored));
  } catch (error) {
    if (isUniqueViolation(error)) throw new OpIdTaken();
    throw error;
  }
  await recordAudits(trx, run.audits);
  return { results, nowHeld };
}

/**
 * One chunk of a sync request in one write transaction: one commit (one fsync) for all of its
 * commands, each in its own savepoint, so a command that fails rolls back alone. Its licenses are
 * locked first, in id order (PostgreSQL), then its stored answers and devices are read in one
 * query each, and its answers and audit events written in a few multi-row inserts. When another
 * server instance stored one of its opIds meanwhile (PostgreSQL), the chunk runs again and
 * answers that opId as a replay; so does a chunk whose devices someone changed without the license's
 * lock (DevicesChanged). `held` holds license ids across chunks; it changes only once the
 * chunk committed.
 */
export async function applyChunk(
  deps: AppDeps,
  user: UserRow,
  planned: readonly PlannedCommand[],
  held: Set<string>,
  passwords: ReadonlyMap<string, NewPassword>,
): Promise<SyncResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { results, nowHeld } = await writeTransaction(deps.db, (trx) =>
        runChunk(trx, deps, user, planned, held, passwords),
      );
      for (const id of nowHeld) held.add(id);
      return results;
    } catch (error) {
      const raced = error instanceof OpIdTaken || error instanceof DevicesChanged;
      if (!raced || attempt >= 3) throw error;
    }
  }
}
