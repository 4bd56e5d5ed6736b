import { useOnline } from '@vueuse/core';
import { computed, useId } from 'vue';

/**
 * For an action that needs the portal server (it cannot be queued): whether the browser is online,
 * and, offline, the id of the note that says why the action is disabled (`aria-describedby`).
 */
export function useNeedsNetwork() {
  const online = useOnline();
  const reasonId = useId();
  const describedBy = computed(() => (online.value ? undefined : reasonId));
  return { online, reasonId, describedBy };
}
