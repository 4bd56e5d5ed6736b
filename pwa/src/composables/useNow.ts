import { useIntervalFn, useNow as useTickingNow } from '@vueuse/core';
import type { ShallowRef } from 'vue';

/**
 * The current time, ticking so "updated 5 minutes ago" texts stay true while a page is open. Every
 * `intervalMs`, not every animation frame (VueUse's default): these texts change by the minute.
 */
export function useNow(intervalMs = 30_000): ShallowRef<Date> {
  return useTickingNow({ scheduler: (tick) => useIntervalFn(tick, intervalMs) });
}
