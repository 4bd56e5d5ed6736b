import { isRetryable, type ApiClient, type ApiFailure } from '../api';
import type { Command, OutboxRow, SyncMeta, SyncResult } from '../schemas';
import { META_KEYS, SyncMetaSchema } from '../schemas';
import { commandOf } from '../commands';
import { readSyncMeta, type PortalDb } from '../db';
import { backoffDelay } from './backoff';
import { sendable } from './state';
import { uuidv7 } from './uuid7';

export interface SendOptions {
  db: PortalDb;
  api: Pick<ApiClient, 'sync'>;
  clientId: string;
  userId: string | null;
  /** This tab, as the owner of its leases. */
  owner: string;
  now: () => Date;
  random: () => number;
  batchSize: number;
  /** At most this many `user.assign` and `user.reset_password` per batch: each may cost the server a password hash. */
  maxAssignsPerBatch?: number;
  leaseMs: number;
  onProgress?: (done: number, total: number) => void;
}

/** How one run ended: drained the outbox, or stopped on an answer that needs waiting or signing in. */
export type RunResult =
  | { kind: 'drained'; sent: number; licenseIds: string[] }
  | { kind: 'backoff'; sent: number; licenseIds: string[]; error: ApiFailure; retryAt: Date }
  | { kind: 'auth'; sent: number; licenseIds: string[]; error: ApiFailure };

/**
 * Send every sendable command in seq-ordered batches. Per batch: ONE transaction takes a lease
 * (one row), one HTTP request, ONE transaction stores every outcome (one row) and drops the
 * lease. A command is never removed here: compaction folds outcomes in later.
 */
export async function sendAll(o: SendOptions): Promise<RunResult> {
  let done = 0;
  let total = 0;
  const touched = new Set<string>();
  for (;;) {
    const taken = await takeLease(o);
    if (!taken) return { kind: 'drained', sent: done, licenseIds: [...touched] };
    total = Math.max(total, done + taken.remaining);
    o.onProgress?.(done, total);
    const response = await o.api.sync({ clientId: o.clientId, commands: taken.rows.map(toWire) });
    if (!response.ok) {
      const ended = await fail(o, taken, response.error, done, [...touched]);
      if (ended) return ended;
      done += taken.rows.length;
      o.onProgress?.(done, total);
      continue;
    }
    const results = matchResults(taken.rows, response.data.results);
    // An answer for none of the batch is no answer: back off (before anything counts as a sync),
    // saying why when the server said the batch must wait (e.g. too many new passwords at once).
    if (results.length === 0) return (await fail(o, taken, notDecided(response.data.results), done, [...touched]))!;
    await storeOutcomes(o, taken.batchId, results);
    const answered = new Set(results.map((r) => r.opId));
    for (const row of taken.rows) if (answered.has(row.opId)) touched.add(row.licenseId);
    done += results.length;
    o.onProgress?.(done, total);
  }
}

/** Pick the next batch and record its lease, in one transaction (so two senders never overlap). */
async function takeLease(o: SendOptions): Promise<{ batchId: string; rows: OutboxRow[]; remaining: number } | null> {
  const { db } = o;
  return db.transaction('rw', [db.outbox, db.outcomes, db.leases, db.meta], async () => {
    const now = o.now();
    const [rows, outcomes, leases, sync] = await Promise.all([
      db.outbox.toArray(),
      db.outcomes.toArray(),
      db.leases.toArray(),
      readSyncMeta(db),
    ]);
    // With Web Locks only the lock holder gets here, so a lease of another owner was left by a tab
    // that died mid-send (closed, reloaded): it must not hold those commands back until it expires.
    // Without Web Locks, leases are the only guard between tabs, so they all count.
    const exclusive = Boolean((globalThis.navigator as Navigator | undefined)?.locks?.request);
    const live = exclusive ? leases.filter((l) => l.owner === o.owner) : leases;
    const ready = sendable({ rows, outcomes, leases: live, sync, userId: o.userId, now }, Number.POSITIVE_INFINITY);
    if (ready.length === 0) return null;
    const batch = takeBatch(ready, o.batchSize, o.maxAssignsPerBatch ?? MAX_ASSIGNS_PER_BATCH);
    const batchId = uuidv7(now.getTime());
    const expiresAt = new Date(now.getTime() + o.leaseMs).toISOString();
    await db.leases.add({
      batchId,
      owner: o.owner,
      opIds: batch.map((r) => r.opId),
      takenAt: now.toISOString(),
      expiresAt,
    });
    return { batchId, rows: batch, remaining: ready.length };
  });
}

/**
 * Default cap on commands that set a password (an assign, a password reset: `setsPassword`) per batch:
 * the server hashes each new password with scrypt, 100 in 2-5 s, well inside the timeout and
 * under its budget per request.
 */
const MAX_ASSIGNS_PER_BATCH = 100;

/**
 * The next batch, in seq order: up to `size` commands, stopping before the assign or password
 * reset that would exceed `maxAssigns` (seq order is kept, so nothing skips ahead of one).
 */
function takeBatch(ready: readonly OutboxRow[], size: number, maxAssigns: number): OutboxRow[] {
  const batch: OutboxRow[] = [];
  let assigns = 0;
  for (const row of ready) {
    if (batch.length >= size) break;
    if (commandOf(row).setsPassword) {
      if (assigns >= Math.max(1, maxAssigns)) break;
      assigns += 1;
    }
    batch.push(row);
  }
  return batch;
}

/**
 * Only answers for opIds of this batch count; a missing one stays queued and is re-sent. A command
 * the server held behind a refused one of its license, or left for a later request (a license
 * user's request carries only so many commands), is no answer either: it stays queued.
 */
/** Codes the server answers without deciding the command: it is sent again. */
const NOT_DECIDED = new Set(['held_by_earlier_change', 'too_many_commands', 'too_many_new_passwords']);

/** Why a batch got no decided answer: the server's word when it said to wait, else an unreadable answer. */
function notDecided(results: readonly SyncResult[]): ApiFailure {
  const waiting = results.find((r) => r.code && NOT_DECIDED.has(r.code));
  if (waiting?.code) return { code: waiting.code, message: waiting.message ?? '', status: 200 };
  return { code: 'invalid_response', message: 'no results', status: 200 };
}

function matchResults(rows: readonly OutboxRow[], results: readonly SyncResult[]): SyncResult[] {
  const sent = new Set(rows.map((r) => r.opId));
  return results.filter((r) => sent.has(r.opId) && !NOT_DECIDED.has(r.code ?? ''));
}

async function storeOutcomes(o: SendOptions, batchId: string, results: SyncResult[]): Promise<void> {
  const { db } = o;
  await db.transaction('rw', [db.outcomes, db.leases, db.meta], async () => {
    const settledAt = o.now().toISOString();
    if (results.length) await db.outcomes.add({ batchId, settledAt, results });
    await db.leases.delete(batchId);
    await putSync(db, {
      ...(await readSyncMeta(db)),
      attempt: 0,
      nextRetryAt: null,
      lastError: null,
      blockedAuth: false,
      lastSyncAt: settledAt,
    });
  });
}

/**
 * How a failed request ends. Transient failures (network, 408, 429, 5xx) wait with backoff; a
 * 200 we could not read does too (the server may have applied the batch; a re-send replays its
 * stored answers). 401 and 403 password_change_required block until the user signs in or changes
 * the password. Any other refusal (400, 403, 404, 413...) will not change by waiting: every
 * command of the batch is settled `rejected` with the server's code and message, so the rest of
 * the outbox moves on and the user sees Retry / Discard. The lease goes either way.
 */
async function fail(
  o: SendOptions,
  batch: { batchId: string; rows: OutboxRow[] },
  error: ApiFailure,
  sent: number,
  licenseIds: string[],
): Promise<RunResult | null> {
  const { db } = o;
  const { batchId } = batch;
  const lastError = { code: error.code, message: error.message, status: error.status };
  return db.transaction('rw', [db.outcomes, db.leases, db.meta], async () => {
    // An answer that may come after the server applied the batch leaves the lease behind, expired:
    // those commands may have changed the server, so they must not be discarded unseen.
    if (mayHaveApplied(error)) await db.leases.update(batchId, { expiresAt: o.now().toISOString() });
    else await db.leases.delete(batchId);
    const sync = await readSyncMeta(db);
    if (blocksOnAuth(error)) {
      await putSync(db, { ...sync, blockedAuth: true, lastError });
      return { kind: 'auth' as const, sent, licenseIds, error };
    }
    if (
      isRetryable(error) ||
      (error.status === 200 && (error.code === 'invalid_response' || NOT_DECIDED.has(error.code)))
    ) {
      const retryAt = new Date(o.now().getTime() + backoffDelay(sync.attempt, error.retryAfterMs, o.random));
      await putSync(db, { ...sync, attempt: sync.attempt + 1, nextRetryAt: retryAt.toISOString(), lastError });
      return { kind: 'backoff' as const, sent, licenseIds, error, retryAt };
    }
    // One outcome row for the whole batch (one write), like a normal answer.
    const settledAt = o.now().toISOString();
    const results = batch.rows.map((r) => ({
      opId: r.opId,
      outcome: 'rejected' as const,
      code: error.code,
      message: error.message,
    }));
    await db.outcomes.add({ batchId, settledAt, results });
    await putSync(db, { ...sync, attempt: 0, nextRetryAt: null, lastError });
    return null; // the batch is settled: the run goes on with the next one
  });
}

/** No answer (network, timeout), a server error mid-batch, or a 200 we could not read. */
function mayHaveApplied(error: ApiFailure): boolean {
  return error.status === 0 || error.status >= 500 || (error.status === 200 && error.code === 'invalid_response');
}

/** 401: the session ended. 403 password_change_required: the server refuses until it is changed. */
function blocksOnAuth(error: ApiFailure): boolean {
  return error.status === 401 || (error.status === 403 && error.code === 'password_change_required');
}

async function putSync(db: PortalDb, value: SyncMeta): Promise<void> {
  await db.meta.put({ key: META_KEYS.sync, value: SyncMetaSchema.parse(value) });
}

/** The wire form of a row: the command, without the client-side bookkeeping. */
function toWire(row: OutboxRow): Command {
  return {
    opId: row.opId,
    seq: row.seq,
    kind: row.kind,
    payload: row.payload,
    ...(row.basis ? { basis: row.basis } : {}),
  } as Command;
}
