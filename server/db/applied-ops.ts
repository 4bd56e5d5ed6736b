import type { Kysely } from 'kysely';
import { CommandResultSchema, type CommandKind, type SyncResult } from '@shared/schemas';
import { arg, args, compiledQuery, rowPlaces, rowValues } from './compiled';
import type { AppliedOpTable, Database } from './schema';
import { inSlices } from './slices';

/** A decided opId: the answer, and whose command it was, so it answers only that command. */
export interface StoredOp {
  userId: string;
  kind: CommandKind;
  /** Null for results stored before commands were hashed. */
  commandHash: string | null;
  result: SyncResult;
}

const storedOps = compiledQuery((db, n) =>
  db.selectFrom('applied_ops').selectAll().where('company_id', '=', arg(0)).where('op_id', 'in', args(1, n)),
);

/** The stored answers to these opIds of the company, by opId (one query per 500 opIds). */
export async function storedResults(
  db: Kysely<Database>,
  companyId: string,
  opIds: readonly string[],
): Promise<Map<string, StoredOp>> {
  const stored = new Map<string, StoredOp>();
  const rows = await inSlices(opIds, async (slice) => (await storedOps(db, slice.length, [companyId, ...slice])).rows);
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

const OP_COLUMNS = [
  'company_id',
  'op_id',
  'user_id',
  'kind',
  'outcome',
  'code',
  'message',
  'result_json',
  'applied_at',
  'command_hash',
] as const satisfies ReadonlyArray<keyof AppliedOpTable>;

const insertOps = compiledQuery((db, rows) =>
  db.insertInto('applied_ops').values(Array.from({ length: rows }, (_, r) => rowPlaces(OP_COLUMNS, r))),
);

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
    await insertOps(db, rows.length, rowValues(OP_COLUMNS, rows));
  }
}

/** Forgets the answers decided before `before` (retention); returns how many went. */
export async function pruneAppliedOps(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('applied_ops').where('applied_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
