import { sql, type Kysely } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';

/**
 * A transaction that decides and then writes. On SQLite it starts with BEGIN IMMEDIATE: it takes
 * the write lock up front (waiting up to busy_timeout), so a read-then-write can never fail half
 * way because another process (the vendor CLI, a second server) wrote in between. On PostgreSQL
 * the callers lock the license row (SELECT ... FOR UPDATE) instead.
 */
export async function writeTransaction<T>(db: Db, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') return db.kysely.transaction().execute(work);
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
