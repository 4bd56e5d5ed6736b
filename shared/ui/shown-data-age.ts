import { onScopeDispose, shallowRef, watchEffect } from 'vue';

/**
 * When the data on screen was last loaded from the portal, as the page's DataAge reports it: the
 * offline state names that time once, for the whole page (undefined: no page reports an age).
 */
const shown = shallowRef<{ fetchedAt: string | null } | undefined>(undefined);

/** The page's data age, for the one offline state. */
export const shownDataAge = () => shown.value;

/** Reports `fetchedAt` as the page's data age while the calling component lives. */
export function reportDataAge(fetchedAt: () => string | null): void {
  let mine: { fetchedAt: string | null } | undefined;
  watchEffect(() => {
    mine = { fetchedAt: fetchedAt() };
    shown.value = mine;
  });
  onScopeDispose(() => {
    if (shown.value === mine) shown.value = undefined;
  });
}
