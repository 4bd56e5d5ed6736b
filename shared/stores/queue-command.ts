import type { Decision, LicenseResetDecision } from '../domain';
import type { BatchRow } from '../schemas';
import type { NewCommand } from '../sync/outbox';
import { useOutboxStore } from './outbox';
import { usePortal } from './portal';
import { useSessionStore } from './session';
import { refused, type Preview, type QueueResult } from './types';

/**
 * The one way a store queues a command. Call it in a setup store; it returns `queueCommand`:
 * refused when nobody is signed in, refused with the preview's code when the domain's decision on
 * the cache refuses; else enqueued (its optimistic effect shows at once through the overlay) and
 * the outbox re-read, so the caller sees the command pending as soon as this resolves.
 */
export function useQueueCommand() {
  const { engine } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();

  return async function queueCommand<P extends Preview<Decision | LicenseResetDecision>>(
    preview: () => P,
    command: (allowed: P) => NewCommand,
  ): Promise<QueueResult> {
    if (!session.signedIn) return refused('unauthorized');
    const decided = preview();
    if (!decided.decision.ok) return refused(decided.decision.code);
    const row = await engine.enqueue(command(decided));
    await outbox.reload();
    return { ok: true, opId: row.opId };
  };
}

/** A batch as a store hands it to `queueBatch`: its commands, and the batch to keep beside them. */
export interface NewBatch {
  commands: NewCommand[];
  batch: Omit<BatchRow, 'userId' | 'createdAt'>;
}

/**
 * The same path for a batch of commands (a batch assign): refused when nobody is signed in or
 * when the plan (the domain's decision on the cache) refuses; else every command and the batch
 * are queued in one transaction, and the outbox re-read.
 */
export function useQueueBatch() {
  const { engine } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();

  return async function queueBatch<D extends { ok: true } | { ok: false; code: string }>(
    decide: () => D,
    build: (allowed: Extract<D, { ok: true }>) => NewBatch,
  ): Promise<QueueResult & { queued?: number }> {
    if (!session.signedIn) return refused('unauthorized');
    const decided = decide();
    if (!decided.ok) return refused((decided as { code: string }).code);
    const { commands, batch } = build(decided as Extract<D, { ok: true }>);
    const rows = await engine.enqueueBatch(commands, batch);
    await outbox.reload();
    return { ok: true, opId: rows[0]?.opId ?? '', queued: rows.length };
  };
}
