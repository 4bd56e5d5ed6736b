import type { Preview } from '../commands';
import { errorText, type Decision, type LicenseResetDecision } from '../domain';
import type { Text } from '../i18n';
import type { BatchRow } from '../schemas';
import type { NewCommand } from '../sync/outbox';
import { usePortal } from './portal';

/** A command queued (ok) or refused before queueing because the cache already shows it would fail. */
export type QueueResult =
  | {
      ok: true;
      opId: string;
      /** Every command queued in the step (an unassign with its devices' resets). */ opIds?: string[];
    }
  | { ok: false; code: string; message: Text };

/** A command refused before it was queued, with the user's text for its code. */
export function refused(code: string): QueueResult {
  return { ok: false, code, message: errorText(code) };
}

/**
 * What queueing reads of the session and outbox stores. They are stores (the layer above this one),
 * so the store that queues passes its own.
 */
export interface QueueStores {
  session: { readonly signedIn: boolean };
  outbox: { reload(): Promise<unknown> };
}

/**
 * The one way a store queues a command. Call it in a setup store; it returns `queueCommand`:
 * refused when nobody is signed in, refused with the preview's code when the domain's decision on
 * the cache refuses; else enqueued (its optimistic effect shows at once through the overlay) and
 * the outbox re-read, so the caller sees the command pending as soon as this resolves.
 */
export function useQueueCommand({ session, outbox }: QueueStores) {
  const { engine } = usePortal();

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
export function useQueueBatch({ session, outbox }: QueueStores) {
  const { engine } = usePortal();

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
