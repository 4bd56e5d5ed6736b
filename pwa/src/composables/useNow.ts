import { onScopeDispose, ref, type Ref } from 'vue';

/** The current time, ticking so "updated 5 minutes ago" texts stay true while a page is open. */
export function useNow(intervalMs = 30_000): Ref<Date> {
  const now = ref(new Date());
  const timer = setInterval(() => (now.value = new Date()), intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
