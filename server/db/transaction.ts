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
  if (db.inTransaction) return work(db.kysely);
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

/**
 * The database as seen from inside one write transaction: steps that open their own
 * (writeTransaction) join it instead, so several of them commit together or not at all.
 */
export function inTransaction(db: Db, trx: Kysely<Database>): Db {
  return { kysely: trx, dialect: db.dialect, close: () => db.close(), inTransaction: true };
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

/** SQLite's lock stayed taken past busy_timeout (another process, e.g. a second server, was writing). */
export function isDatabaseBusy(error: unknown): boolean {
  return codeOf(error).startsWith('SQLITE_BUSY');
}

/** A write refused by a primary key or unique constraint (another writer stored the same key first). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const GROUP_SAVEPOINT = CompiledQuery.raw('savepoint grouped');
const GROUP_RELEASE = CompiledQuery.raw('release savepoint grouped');
const GROUP_ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint grouped');

/** Transactions that share one commit at most: a group stays a few milliseconds long. */
const GROUP_MAX = 64;

interface Waiting {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  settle: (outcome: Outcome) => void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Per SQLite database: the transactions waiting for the next group, and whether groups are running. */
const queues = new WeakMap<Db, { waiting: Waiting[]; running: boolean }>();

/**
 * A small write transaction (one activation) that shares its commit with the others arriving
 * meanwhile (group commit). With synchronous=FULL every commit waits for the disk (an fsync), which
 * caps one SQLite writer at a few hundred to a few thousand commits a second however little each
 * writes; run together, the waiting transactions pay one. Each runs in its own savepoint in arrival
 * order, sees the writes of those before it, and fails alone: what it wrote is rolled back and the
 * others go on. Its promise settles only after the shared commit (so nobody is answered on a write
 * that could still be lost), and rejects for all of the group if the commit fails. PostgreSQL, whose
 * writers commit in parallel, runs each as its own writeTransaction.
 */
export function groupedWriteTransaction<T>(db: Db, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') return writeTransaction(db, work);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
  const joined = queue;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({ work, settle: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)) });
    if (joined.running) return;
    joined.running = true;
    // After the requests read in this turn of the event loop, so they join the first group.
    setImmediate(() => void runGroups(db, joined));
  });
}

async function runGroups(db: Db, queue: { waiting: Waiting[]; running: boolean }): Promise<void> {
  while (queue.waiting.length > 0) {
    const group = queue.waiting.splice(0, GROUP_MAX);
    const outcomes = await commitTogether(db, group);
    group.forEach((w, i) => w.settle(outcomes[i]!));
    // Requests that arrived while this group ran are read before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  queue.running = false;
}

async function commitTogether(db: Db, group: readonly Waiting[]): Promise<Outcome[]> {
  try {
    return await writeTransaction(db, async (trx) => {
      const outcomes: Outcome[] = [];
      for (const { work } of group) {
        await trx.executeQuery(GROUP_SAVEPOINT);
        try {
          const value = await work(trx);
          await trx.executeQuery(GROUP_RELEASE);
          outcomes.push({ ok: true, value });
        } catch (error) {
          // Fails only when the database ended the whole transaction: then it fails for everyone.
          await trx.executeQuery(GROUP_ROLLBACK_TO);
          await trx.executeQuery(GROUP_RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  } catch (error) {
    return group.map(() => ({ ok: false, error }));
  }
}
