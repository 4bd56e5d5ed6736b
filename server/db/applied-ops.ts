import type { Kysely } from 'kysely';
import { CommandResultSchema, type CommandKind, type SyncResult } from '@shared/schemas';
import type { Database } from './schema';

/** The stored answer to an opId already decided for this company, if any. */
export async function storedResult(
  db: Kysely<Database>,
  companyId: string,
  opId: string,
): Promise<SyncResult | undefined> {
  const row = await db
    .selectFrom('applied_ops')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('op_id', '=', opId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    opId: row.op_id,
    outcome: row.outcome,
    ...(row.code ? { code: row.code } : {}),
    ...(row.message ? { message: row.message } : {}),
    ...(row.result_json ? { result: CommandResultSchema.parse(JSON.parse(row.result_json)) } : {}),
  };
}

/**
 * Records the answer in the caller's transaction, beside the effect. A one-time initial password
 * is never stored: a replay answers without it.
 */
export async function storeResult(
  db: Kysely<Database>,
  entry: { companyId: string; userId: string; kind: CommandKind; result: SyncResult; at: string },
): Promise<void> {
  const { initialPassword: _secret, ...result } = entry.result.result ?? {};
  await db
    .insertInto('applied_ops')
    .values({
      company_id: entry.companyId,
      op_id: entry.result.opId,
      user_id: entry.userId,
      kind: entry.kind,
      outcome: entry.result.outcome,
      code: entry.result.code ?? null,
      message: entry.result.message ?? null,
      result_json: entry.result.result ? JSON.stringify(result) : null,
      applied_at: entry.at,
    })
    .execute();
}
