import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { text, type Text } from '@shared/i18n';

export type SortDir = 'asc' | 'desc';

/** What a list page shows, as its URL says: `?q=host-12&status=active&sort=hostname&dir=desc`. */
export interface ListQuery<S extends string, F extends string> {
  /** Free text the rows are filtered by (trimmed, any case). */
  q: string;
  /** A list's own filter (e.g. a device's status); `all` when the URL has none. */
  status: F | 'all';
  sort: S;
  dir: SortDir;
}

/** The values a list accepts: anything else in a URL (a stale link, a typo) falls back to the default. */
export interface ListQuerySpec<S extends string, F extends string> {
  sorts: readonly S[];
  defaultSort: S;
  statuses: readonly F[];
  /** The URL's name of the list's own filter (default `status`; the Activity tab's is `kind`). */
  statusParam?: string;
}

const first = (value: LocationQuery[string] | undefined): string | null =>
  (Array.isArray(value) ? value[0] : value) ?? null;

/** A list's state from a route's query. */
export function parseListQuery<S extends string, F extends string>(
  query: LocationQuery,
  spec: ListQuerySpec<S, F>,
): ListQuery<S, F> {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.find((a) => a === value) ?? fallback;
  return {
    q: first(query.q)?.slice(0, 200) ?? '',
    status: pick<F | 'all'>(first(query[spec.statusParam ?? 'status']), spec.statuses, 'all'),
    sort: pick(first(query.sort), spec.sorts, spec.defaultSort),
    dir: pick<SortDir>(first(query.dir), ['asc', 'desc'], 'asc'),
  };
}

/** A list's state as a route query, without the defaults (so a plain list has a plain URL). */
export function listQueryToRoute<S extends string, F extends string>(
  state: ListQuery<S, F>,
  spec: ListQuerySpec<S, F>,
): LocationQueryRaw {
  return {
    ...(state.q.trim() ? { q: state.q } : {}),
    ...(state.status !== 'all' ? { [spec.statusParam ?? 'status']: state.status } : {}),
    ...(state.sort !== spec.defaultSort ? { sort: state.sort } : {}),
    ...(state.dir !== 'asc' ? { dir: state.dir } : {}),
  };
}

/** By character code, reversed for `desc`: for text made to sort (ISO times), and fast. */
export function compareCodes(a: string, b: string, dir: SortDir = 'asc'): number {
  const order = a < b ? -1 : a > b ? 1 : 0;
  return dir === 'asc' ? order : -order;
}

// One collator for every comparison: `localeCompare` builds one per call (a sort of 100,000 rows makes millions).
const collator = new Intl.Collator();

/** `a` before `b` for people (case and accents aside), reversed for `desc`. */
export function compareText(a: string, b: string, dir: SortDir = 'asc'): number {
  const order = collator.compare(a, b);
  return dir === 'asc' ? order : -order;
}

/**
 * Rows matching free text, in their order. Each row's searchable text is lower-cased once and
 * kept beside the row (rows are immutable cache objects), so a keystroke over 10,000 rows only
 * compares strings.
 */
export function createTextFilter<Row extends object>(fields: (row: Row) => string[]) {
  const texts = new WeakMap<Row, string>();
  const textOf = (row: Row) => {
    let text = texts.get(row);
    if (text === undefined) texts.set(row, (text = fields(row).join('\n').toLowerCase()));
    return text;
  };
  return (rows: readonly Row[], q: string): readonly Row[] => {
    const needle = q.trim().toLowerCase();
    return needle ? rows.filter((row) => textOf(row).includes(needle)) : rows;
  };
}

/** A column header clicked: the same column flips its direction, another one sorts ascending. */
export function nextSort<S extends string>(current: { sort: S; dir: SortDir }, key: S): { sort: S; dir: SortDir } {
  return key === current.sort ? { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: 'asc' };
}

/** "12 devices", or "3 of 12 devices" while a filter hides some, or "Searching 12 devices…" while they are being searched. */
export function countMessage(shown: number, total: number, what: 'device' | 'user' | 'event', searching = false): Text {
  const all = text(`lists.counts.${what}`, { count: total });
  if (searching) return text('lists.searching', { all });
  return shown === total ? all : text('lists.countOf', { shown, all });
}
