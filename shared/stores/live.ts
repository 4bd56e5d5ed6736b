import { liveQuery } from 'dexie';
import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue';

/**
 * A ref that follows a Dexie query: re-run whenever a transaction (in this tab or another) changes
 * what it read. `refresh()` re-reads at once, so an action can await its own write.
 */
export function useLive<T>(query: () => Promise<T>, initial: T): { value: Ref<T>; refresh: () => Promise<T> } {
  const value = shallowRef(initial) as Ref<T>;
  const subscription = liveQuery(query).subscribe({
    next: (v) => (value.value = v),
    error: (e) => console.error('liveQuery failed', e),
  });
  if (getCurrentScope()) onScopeDispose(() => subscription.unsubscribe());
  return {
    value,
    refresh: async () => (value.value = await query()),
  };
}
