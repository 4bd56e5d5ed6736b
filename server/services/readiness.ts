import type { Db } from '../db/connect';
import { migrationState } from '../db/migrate';

/** Why the server should get no traffic now; the codes are a contract with monitors (README). */
type NotReadyReason = 'shutting_down' | 'database_unreachable' | 'migrations_pending' | 'database_newer';

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; detail: string };

const DETAIL: Record<NotReadyReason, string> = {
  shutting_down: 'the server is stopping; requests in flight are being finished',
  database_unreachable: 'the database does not answer',
  migrations_pending: 'the database schema is older than this version expects',
  database_newer: 'the database schema is newer than this version knows',
};

const notReady = (reason: NotReadyReason): Readiness => ({ ready: false, reason, detail: DETAIL[reason] });

/** How long the database may take to answer before the server counts as not ready. */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Whether this server should get traffic: not stopping, its database answers (within 2 s), and
 * the schema is the one this version migrates to. Reads only.
 */
export async function readiness(db: Db, stopping: boolean): Promise<Readiness> {
  if (stopping) return notReady('shutting_down');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DATABASE_TIMEOUT_MS);
  });
  try {
    const state = await Promise.race([migrationState(db), timeout]);
    if (state === 'timeout') return notReady('database_unreachable');
    if (state.unknown.length > 0) return notReady('database_newer');
    if (state.pending.length > 0) return notReady('migrations_pending');
    return { ready: true };
  } catch {
    return notReady('database_unreachable');
  } finally {
    clearTimeout(timer);
  }
}
