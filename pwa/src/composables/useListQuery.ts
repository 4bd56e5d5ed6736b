import { reactive, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { listQueryToRoute, parseListQuery, type ListQuery, type ListQuerySpec } from '../lists/list-query';

/**
 * A list page's filter and sort, kept in the URL query so a reload, a bookmark or a link (from
 * the extension, say) opens the same view: read from the route, written back with `replace` (a
 * keystroke is not a history entry). The returned state changes at once; the URL follows.
 */
export function useListQuery<S extends string, F extends string>(spec: ListQuerySpec<S, F>): ListQuery<S, F> {
  const route = useRoute();
  const router = useRouter();
  const state = reactive(parseListQuery(route.query, spec)) as ListQuery<S, F>;
  // Back, forward, or a link to the same page with another query.
  watch(
    () => route.query,
    (query) => Object.assign(state, parseListQuery(query, spec)),
  );
  watch(
    () => listQueryToRoute(state, spec),
    (query) => {
      const current = listQueryToRoute(parseListQuery(route.query, spec), spec);
      if (JSON.stringify(query) !== JSON.stringify(current)) void router.replace({ query });
    },
  );
  return state;
}
