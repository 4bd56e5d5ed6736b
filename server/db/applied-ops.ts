import type { Kysely } from 'kysely';
import { CommandResultSchema, type CommandKind, type SyncResult } from '@shared/schemas';
import type { Database } from './schema';
import { inSlices } from './slices';

/** A decided opId: the answer, and whose command it was, so it answers only that command. */
export interface StoredOp {
  userId: string;
  kind: CommandKind;
  /** Null for results stored before commands were hashed. */
  commandHash: string | null;
  result: SyncResult;
}

/** The stored answers to these opIds of the company, by opId (one query per 500 opIds). */
export async function storedResults(
  db: Kysely<Database>,
  companyId: string,
  opIds: readonly string[],
): Promise<Map<string, StoredOp>> {
  const stored = new Map<string, StoredOp>();
  const rows = await inSlices(opIds, (slice) =>
    db.selectFrom('applied_ops').selectAll().where('company_id', '=', companyId).where('op_id', 'in', slice).execute(),
  );
  for (const row of rows) {
    stored.set(row.op_id, {
      userId: row.user_id,
      kind: row.kind,
      commandHash: row.command_hash,
      result: {
        opId: row.op_id,
        outcome: row.outcome,
        ...(row.code ? { code: row.code } : {}),
        ...(row.message ? { message: row.message } : {}),
        ...(row.result_json ? { result: CommandResultSchema.parse(JSON.parse(row.result_json)) } : {}),
      },
    });
  }
  return stored;
}

export interface ResultEntry {
  companyId: string;
  userId: string;
  kind: CommandKind;
  commandHash: string;
  result: SyncResult;
  at: string;
}

/**
 * Records answers in the caller's transaction, beside their effects (one insert per 100). A
 * one-time initial password is never stored: a replay answers without it.
 */
export async function storeResults(db: Kysely<Database>, entries: readonly ResultEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 100) {
    const rows = entries.slice(start, start + 100).map((entry) => {
      const { initialPassword: _secret, ...result } = entry.result.result ?? {};
      return {
        company_id: entry.companyId,
        op_id: entry.result.opId,
        user_id: entry.userId,
        kind: entry.kind,
        outcome: entry.result.outcome,
        code: entry.result.code ?? null,
        message: entry.result.message ?? null,
        result_json: entry.result.result ? JSON.stringify(result) : null,
        applied_at: entry.at,
        command_hash: entry.commandHash,
      };
    });
    await db.insertInto('applied_ops').values(rows).execute();
  }
}

/** Forgets the answers decided before `before` (retention); returns how many went. */
export async function pruneAppliedOps(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('applied_ops').where('applied_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
