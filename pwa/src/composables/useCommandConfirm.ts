import { ref, shallowRef } from 'vue';
import { anyText } from '@shared/domain';
import type { Text } from '@shared/i18n';
import type { AnyCommandPreview, QueueResult } from '@shared/stores';

/**
 * A page's confirm-then-queue flow for CommandConfirmDialog: `ask` shows a store's preview, the
 * dialog's confirm runs the queueing it was given and leaves a notice (queued, or why not).
 */
export function useCommandConfirm() {
  const preview = shallowRef<AnyCommandPreview | null>(null);
  const notice = ref<{ ok: boolean; text: Text | string; code?: string } | null>(null);
  let queue: (() => Promise<QueueResult>) | null = null;

  /** Clears the last notice, then shows the preview (a promise when the store loads first). */
  async function ask(
    next: AnyCommandPreview | Promise<AnyCommandPreview>,
    run: () => Promise<QueueResult>,
  ): Promise<void> {
    notice.value = null;
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
    notice.value = result.ok
      ? { ok: true, text: shown.queuedText }
      : { ok: false, text: anyText(result.code), code: result.code };
  }

  function cancel(): void {
    preview.value = null;
    queue = null;
  }

  return { preview, notice, ask, confirm, cancel };
}
