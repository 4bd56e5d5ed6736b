import type { BatchRow, Command, OutboxRow } from '../schemas';
import { CommandSchema } from '../schemas';
import type { PortalDb } from '../db';
import { dismissInitialPassword } from './dismiss-password';
import { initialPasswordIsDue, initialPasswordOf, wasDone, withoutInitialPassword } from './initial-password';
import { outcomeIndex } from './state';
import { uuidv7 } from './uuid7';

/** What a store hands the outbox: a command without its envelope. */
export type NewCommand = Omit<Command, 'opId' | 'seq'> & {
  licenseId: string;
  label?: string;
  subject?: string;
  groupId?: string;
};

export interface EnqueueContext {
  clientId: string;
  userId: string;
  now: Date;
}

/**
 * Queue a command: the row gets the next seq and a fresh UUIDv7 in ONE transaction. The optimistic
 * effect is derived from this row (see overlay.ts), so it is atomic with it by construction.
 */
export async function enqueue(db: PortalDb, command: NewCommand, ctx: EnqueueContext): Promise<OutboxRow> {
  return db.transaction('rw', db.outbox, async () => {
    const last = await db.outbox.orderBy('seq').last();
    const opId = uuidv7(ctx.now.getTime());
    const seq = (last?.seq ?? 0) + 1;
    // Validate the wire part now: a bad command fails here, with its field, not at sync time.
    const wire = CommandSchema.parse({ ...pick(command), opId, seq });
    const row = {
      ...wire,
      clientId: ctx.clientId,
      userId: ctx.userId,
      licenseId: command.licenseId,
      createdAt: ctx.now.toISOString(),
      ...labelAndGroup(command),
    } as OutboxRow;
    await db.outbox.add(row);
    return row;
  });
}

/** Queue many commands in one transaction (one bulkAdd): imports and the benchmark. */
export async function enqueueMany(
  db: PortalDb,
  commands: readonly NewCommand[],
  ctx: EnqueueContext,
): Promise<OutboxRow[]> {
  return db.transaction('rw', db.outbox, async () => {
    const last = await db.outbox.orderBy('seq').last();
    const createdAt = ctx.now.toISOString();
    const rows = commands.map((command, i) => {
      const wire = CommandSchema.parse({
        ...pick(command),
        opId: uuidv7(ctx.now.getTime()),
        seq: (last?.seq ?? 0) + 1 + i,
      });
      const extra = {
        clientId: ctx.clientId,
        userId: ctx.userId,
        licenseId: command.licenseId,
        createdAt,
        ...labelAndGroup(command),
      };
      return { ...wire, ...extra } as OutboxRow;
    });
    await db.outbox.bulkAdd(rows);
    return rows;
  });
}

/**
 * Queue a batch: its commands (in input order, one seq each, every row carrying the batch's
 * groupId) and the batch itself with the opId of each queued row, in ONE transaction.
 * `commands[i]` is the command of the i-th row of `batch.rows` whose category is `assign`.
 */
export async function enqueueBatch(
  db: PortalDb,
  commands: readonly NewCommand[],
  batch: Omit<BatchRow, 'userId' | 'createdAt'>,
  ctx: EnqueueContext,
): Promise<OutboxRow[]> {
  return db.transaction('rw', db.outbox, db.batches, async () => {
    const rows = await enqueueMany(
      db,
      commands.map((c) => ({ ...c, groupId: batch.groupId })),
      ctx,
    );
    let next = 0;
    const planned = batch.rows.map((r) => (r.category === 'assign' ? { ...r, opId: rows[next++]!.opId } : r));
    await db.batches.add({ ...batch, rows: planned, userId: ctx.userId, createdAt: ctx.now.toISOString() });
    return rows;
  });
}

/**
 * The manager has passed the batch's initial passwords on: mark the batch dismissed and drop the
 * passwords of its commands that are done (from their rows and from answers not folded in yet);
 * the others' go once they are done (see compactOutbox).
 */
export async function dismissBatch(db: PortalDb, groupId: string, now: Date): Promise<void> {
  await db.transaction('rw', db.outbox, db.outcomes, db.batches, async () => {
    await db.batches.update(groupId, { dismissedAt: now.toISOString() });
    const rows = await db.outbox.where('groupId').equals(groupId).toArray();
    for (const row of rows) await dismissInitialPassword(db, row.opId);
  });
}

const labelAndGroup = (command: NewCommand) => ({
  ...(command.label ? { label: command.label } : {}),
  ...(command.subject ? { subject: command.subject } : {}),
  ...(command.groupId ? { groupId: command.groupId } : {}),
});

function pick(command: NewCommand) {
  return { kind: command.kind, payload: command.payload, ...(command.basis ? { basis: command.basis } : {}) };
}

/** The row and its stored outcome (folded or still in a batch row). */
async function settledOf(db: PortalDb, opId: string) {
  const row = await db.outbox.where('opId').equals(opId).first();
  if (!row) return { row: undefined, outcome: undefined };
  const outcome = row.settled?.outcome ?? outcomeIndex(await db.outcomes.toArray()).get(opId)?.outcome;
  return { row, outcome };
}

/**
 * Re-queue a rejected command (e.g. after the vendor lifted a limit). It keeps its seq, so it
 * still goes before the commands it held, and gets a NEW opId: the server stored its answer to
 * the old one and would replay it.
 */
export async function retryCommand(db: PortalDb, opId: string, now: Date): Promise<string | null> {
  return db.transaction('rw', db.outbox, db.outcomes, async () => {
    const { row, outcome } = await settledOf(db, opId);
    if (!row || outcome !== 'rejected') return null;
    const next = uuidv7(now.getTime());
    await db.outbox.update(row.seq, { opId: next, settled: undefined });
    return next;
  });
}

/** Confirm a conflicting command: re-queued with a new basis (what the user sees now) and a new opId. */
export async function confirmCommand(
  db: PortalDb,
  opId: string,
  basis: Command['basis'],
  now: Date,
): Promise<string | null> {
  return db.transaction('rw', db.outbox, db.outcomes, async () => {
    const { row, outcome } = await settledOf(db, opId);
    if (!row || outcome !== 'conflict') return null;
    const next = uuidv7(now.getTime());
    await db.outbox.update(row.seq, { opId: next, settled: undefined, basis } as Partial<OutboxRow>);
    return next;
  });
}

/**
 * Discard a command the user gave up on. Never one a tab is sending (its answer is on the way),
 * never one sent without an answer (it may have applied: the next sync tells), and never a
 * settled success (nothing to discard): those return false.
 */
export async function discardCommand(db: PortalDb, opId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.outcomes, db.leases, async () => {
    const { row, outcome } = await settledOf(db, opId);
    if (!row || outcome === 'applied' || outcome === 'already_done') return false;
    const leases = await db.leases.toArray();
    if (!outcome && leases.some((l) => l.opIds.includes(opId))) return false;
    await db.outbox.delete(row.seq);
    return true;
  });
}

/** What cancelling a waiting command did: removed, or why not. */
export type CancelOutcome = 'cancelled' | 'in_flight' | 'not_waiting';

/**
 * Cancel a command still waiting to be sent: its row leaves the outbox in one transaction, so the
 * overlay drops its effect and nothing is ever sent. A command a tab is sending, or one sent whose
 * answer was lost (it may have applied), is in flight and stays; an answered one is not waiting.
 */
export async function cancelCommand(db: PortalDb, opId: string): Promise<CancelOutcome> {
  return db.transaction('rw', db.outbox, db.outcomes, db.leases, async () => {
    const { row, outcome } = await settledOf(db, opId);
    if (!row || outcome) return 'not_waiting';
    const leases = await db.leases.toArray();
    if (leases.some((l) => l.opIds.includes(opId))) return 'in_flight';
    await db.outbox.delete(row.seq);
    return 'cancelled';
  });
}

/** How long successes stay visible in the Changes view (refusals stay until retried or discarded). */
export const KEEP_SETTLED_MS = 30 * 86_400_000;

/**
 * Fold the batch outcome rows into their commands (one bulkPut), drop the initial passwords that
 * are due (see initialPasswordIsDue: one that applied to no account at once, the others a day
 * after the command was done), delete folded outcome rows and expired leases, and forget
 * successes older than KEEP_SETTLED_MS: one transaction, run when the sender is idle and hourly.
 * A rejected or conflicting command is never pruned: it waits for the user's Retry / Confirm / Discard.
 */
export async function compactOutbox(db: PortalDb, now: Date): Promise<{ folded: number; pruned: number }> {
  return db.transaction('rw', [db.outbox, db.outcomes, db.leases, db.batches], async () => {
    const batches = await db.outcomes.toArray();
    const dismissed = new Set<string | undefined>(
      (await db.batches.filter((b) => b.dismissedAt !== undefined).toArray()).map((b) => b.groupId),
    );
    const index = outcomeIndex(batches);
    const rows = await db.outbox.toArray();
    const folded: OutboxRow[] = [];
    const pruned: number[] = [];
    for (const row of rows) {
      const answer = row.settled ? undefined : index.get(row.opId);
      const settled =
        row.settled ??
        (answer && {
          outcome: answer.outcome,
          settledAt: answer.settledAt,
          ...codeAndMessage(answer),
          ...(answer.result ? { result: answer.result } : {}),
        });
      const succeeded = settled?.outcome === 'applied' || settled?.outcome === 'already_done';
      if (settled && succeeded && now.getTime() - Date.parse(settled.settledAt) > KEEP_SETTLED_MS) pruned.push(row.seq);
      else if (settled) {
        const next = { ...row, settled };
        // A dismissed batch gives its passwords up at once; otherwise they go when due (24 h after).
        const batchDismissed = row.groupId !== undefined && dismissed.has(row.groupId) && wasDone(settled);
        const purge = initialPasswordOf(next) !== undefined && (batchDismissed || initialPasswordIsDue(settled, now));
        if (answer || purge) folded.push(purge ? withoutInitialPassword(next) : next);
      }
    }
    if (folded.length) await db.outbox.bulkPut(folded);
    if (pruned.length) await db.outbox.bulkDelete(pruned);
    if (batches.length) await db.outcomes.bulkDelete(batches.map((b) => b.batchId));
    // A batch goes with the last of its commands (pruned or discarded), once it is as old as they.
    const gone = new Set(pruned);
    const left = new Set(rows.filter((r) => !gone.has(r.seq)).map((r) => r.groupId));
    await db.batches
      .filter((b) => !left.has(b.groupId) && now.getTime() - Date.parse(b.createdAt) > KEEP_SETTLED_MS)
      .delete();
    // An expired lease goes once every command it carried is answered or gone; until then it marks
    // them as possibly applied (see unansweredOpIds).
    const open = new Set(rows.filter((r) => !r.settled && !index.has(r.opId)).map((r) => r.opId));
    await db.leases
      .filter((l) => Date.parse(l.expiresAt) <= now.getTime() && !l.opIds.some((id) => open.has(id)))
      .delete();
    return { folded: folded.length, pruned: pruned.length };
  });
}

function codeAndMessage(a: { code?: string; message?: string }) {
  return { ...(a.code ? { code: a.code } : {}), ...(a.message ? { message: a.message } : {}) };
}
