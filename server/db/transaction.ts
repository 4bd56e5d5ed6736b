import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';

/** PostgreSQL's deadlock and serialization failures: the transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const TRIES = 4;

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');

/**
 * A transaction that decides and then writes. On SQLite it starts with BEGIN IMMEDIATE: it takes
 * the write lock up front (waiting up to busy_timeout), so a read-then-write can never fail half
 * way because another process (the vendor CLI, a second server) wrote in between. On PostgreSQL
 * the callers lock the license rows (SELECT ... FOR UPDATE) instead, and a transaction PostgreSQL
 * aborted for a deadlock or a serialization failure runs again: `work` must not keep state
 * outside the database between tries.
 */
export async function writeTransaction<T>(db: Db, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.kysely.transaction().execute(work);
      } catch (error) {
        if (attempt >= TRIES || !RETRYABLE.has(codeOf(error))) throw error;
      }
    }
  }
  return db.kysely.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

const SAVEPOINT = CompiledQuery.raw('savepoint command');
const RELEASE = CompiledQuery.raw('release savepoint command');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint command');

/**
 * One step inside a write transaction that succeeds or leaves no trace: what `work` wrote is
 * rolled back alone when it throws, and the transaction goes on (SAVEPOINT, on both databases).
 */
export async function inSavepoint<T>(trx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await trx.executeQuery(SAVEPOINT);
  try {
    const result = await work();
    await trx.executeQuery(RELEASE);
    return result;
  } catch (error) {
    await trx.executeQuery(ROLLBACK_TO);
    await trx.executeQuery(RELEASE);
    throw error;
  }
}

/** A write refused by a primary key or unique constraint (another writer stored the same key first). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
