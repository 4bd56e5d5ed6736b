import { computed, type ComputedRef } from 'vue';
import { useRoute } from 'vue-router';
import { useOutboxStore, useSessionStore } from '@shared/stores';

/**
 * What of the Changes page the signed-in user is shown. A license manager queues assignments and
 * resets all day: always all of it. A license user rarely queues anything (a reset of their own
 * device): the link only while a change of theirs waits, was refused or needs confirming (and while
 * they are on the page, so it does not vanish under them when the last one is sent or cancelled),
 * and *Send now* only while something waits to be sent.
 */
export function useChangesShown(): { link: ComputedRef<boolean>; sendNow: ComputedRef<boolean> } {
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const route = useRoute();
  const waiting = computed(() => outbox.pendingCount > 0);
  return {
    link: computed(
      () => session.isManager || waiting.value || outbox.needsAttention.length > 0 || route.name === 'changes',
    ),
    sendNow: computed(() => session.isManager || waiting.value),
  };
}
