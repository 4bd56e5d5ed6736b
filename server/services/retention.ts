import { pruneAppliedOps } from '../db/applied-ops';
import { pruneTombstones } from '../db/assignments';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/transaction';
import type { AppDeps } from '../deps';

/**
 * How long a sync result and a removed seat's tombstone are kept: long enough for a client that
 * was offline for a quarter to come back, resend its queue and get the stored answers, and to
 * continue its list cursors. After that a resent command is decided afresh and a cursor gets the
 * whole list.
 */
const RETENTION_DAYS = 90;
const RETENTION_MS = RETENTION_DAYS * 86_400_000;
/** Pruning runs on write (a sync request), at most this often per server process. */
const PRUNE_EVERY_MS = 60 * 60_000;

const lastPruned = new WeakMap<Db, number>();

/** Forgets what is past retention, when the last pruning by this process is an hour old. */
export async function pruneWhenDue(deps: AppDeps): Promise<void> {
  const now = deps.now().getTime();
  const last = lastPruned.get(deps.db);
  if (last !== undefined && now - last < PRUNE_EVERY_MS && now >= last) return;
  lastPruned.set(deps.db, now);
  const before = new Date(now - RETENTION_MS).toISOString();
  await writeTransaction(deps.db, async (trx) => {
    await pruneAppliedOps(trx, before);
    await pruneTombstones(trx, before);
  });
}
