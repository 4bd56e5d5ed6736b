import { useOnline } from '@vueuse/core';
import { computed, shallowRef } from 'vue';
import { anyText, queuedOfflineText } from '@shared/domain';
import { text, type Text } from '@shared/i18n';
import type { AnyCommandPreview } from '@shared/commands';
import type { QueueResult } from '@shared/composables';
import { useOutboxStore, type CancelOutcome } from '@shared/stores';
import { useText } from '@shared/ui/i18n';
import { CANCEL_OUTCOME_KEYS } from '../components/change-text';

/**
 * A page's confirm-then-queue flow for CommandConfirmDialog: `ask` shows a store's preview, the
 * dialog's confirm runs the queueing it was given and leaves a notice (queued, or why not). The
 * notice keeps its Text and says it in the reader's language, following it when it changes; a
 * refusal is this client's words for its code, never the server's English. A queued change can be
 * taken back from the notice (`undo`) while it still waits to be sent.
 */
export function useCommandConfirm() {
  const { tx } = useText();
  const online = useOnline();
  const outbox = useOutboxStore();
  const preview = shallowRef<AnyCommandPreview | null>(null);
  const outcome = shallowRef<{ ok: boolean; message: Text; code?: string; opIds?: string[] } | null>(null);
  const notice = computed(() => (outcome.value ? { ...outcome.value, text: tx(outcome.value.message) } : null));
  let queue: (() => Promise<QueueResult>) | null = null;

  /** Clears the last notice, then shows the preview (a promise when the store loads first). */
  async function ask(
    next: AnyCommandPreview | Promise<AnyCommandPreview>,
    run: () => Promise<QueueResult>,
  ): Promise<void> {
    outcome.value = null;
    const shown = await next;
    queue = run;
    preview.value = shown;
  }

  async function confirm(): Promise<void> {
    const shown = preview.value;
    const run = queue;
    cancel();
    if (!shown || !run) return;
    const result = await run();
    outcome.value = result.ok
      ? {
          ok: true,
          message: online.value ? shown.queuedText : queuedOfflineText(shown.queuedText),
          opIds: result.opIds ?? [result.opId],
        }
      : { ok: false, message: anyText(result.code), code: result.code };
  }

  /**
   * Takes back what the notice confirms (every command of the step, last first), if it still
   * waits; the notice says what happened (the first that could not be taken back says why).
   */
  async function undo(): Promise<void> {
    const opIds = outcome.value?.opIds ?? [];
    if (opIds.length === 0) return;
    const done: CancelOutcome[] = [];
    for (const opId of [...opIds].reverse()) done.push(await outbox.cancel(opId));
    const failed = done.find((d) => d !== 'cancelled') ?? 'cancelled';
    outcome.value = { ok: failed === 'cancelled', message: text(CANCEL_OUTCOME_KEYS[failed]) };
  }

  function cancel(): void {
    preview.value = null;
    queue = null;
  }

  return { preview, notice, ask, confirm, cancel, undo };
}
