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
  const keyOf = (query: ListQuery<S, F>) => JSON.stringify(listQueryToRoute(query, spec));
  // The queries this page wrote whose navigation has not arrived yet. One arriving late must not
  // set the state back: keys typed meanwhile would be lost (a busy machine makes that window long).
  const written = new Set<string>();
  // What the URL holds once every navigation asked for has arrived.
  let target = keyOf(state);
  // Back, forward, or a link to the same page with another query.
  watch(
    () => route.query,
    (query) => {
      const parsed = parseListQuery(query, spec);
      if (written.delete(keyOf(parsed))) return;
      target = keyOf(parsed);
      Object.assign(state, parsed);
    },
  );
  watch(
    () => keyOf(state),
    (key) => {
      if (key === target) return;
      target = key;
      written.add(key);
      const query = listQueryToRoute(state, spec);
      // A navigation superseded by the next keystroke's never arrives.
      void router.replace({ query }).then((failure) => failure && written.delete(key));
    },
  );
  return state;
}
