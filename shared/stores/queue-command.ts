import type { Decision, LicenseResetDecision } from '../domain';
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
