import type { ListQuery, SortDir } from './list-query';

/** How one kind of list is filtered and sorted: what its text filter searches, and each sort's order. */
export interface ListIndexSpec<Row, S extends string, F extends string> {
  /** The fields the free-text filter searches (lower-cased once per row). */
  text(row: Row): string[];
  /** Each sort's order; ties decided inside (rows come in any order). */
  compare: Record<S, (a: Row, b: Row, dir: SortDir) => number>;
  /** The row's value for the list's own filter (`status`), if it has one. */
  status?(row: Row): F;
}

/** One query's answer: how many rows match, and which (positions in the index's rows, in order). */
interface Answer {
  key: string;
  q: string;
  matches: Uint32Array;
}

/**
 * A list's own index for filtering and sorting it a screen at a time: the rows once, each row's
 * searchable text lower-cased once, each sort's order computed once (as positions, not copies)
 * and kept until the rows change, and the last answer kept, so the next keystroke that extends the
 * filter only looks at the rows that matched the last one. `window` hands out the rows of a range
 * of the answer, which is all a page renders.
 */
export class ListIndex<Row, S extends string, F extends string> {
  private rows: readonly Row[] = [];
  private texts: string[] = [];
  private orders = new Map<string, Uint32Array>();
  private last: Answer | null = null;

  constructor(private readonly spec: ListIndexSpec<Row, S, F>) {}

  /** Replace the rows (a new version of the list): every order and answer is recomputed when next asked. */
  setRows(rows: readonly Row[]): void {
    this.rows = rows;
    this.texts = rows.map((row) => this.spec.text(row).join('\n').toLowerCase());
    this.orders.clear();
    this.last = null;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Every row, in the index's own (arrival) order. */
  all(): readonly Row[] {
    return this.rows;
  }

  /** How many rows match the query (and remembers which, for `window`). */
  count(query: ListQuery<S, F | 'all'>): number {
    return this.answer(query).matches.length;
  }

  /** The matching rows from `start` up to (not including) `end`, in the query's order. */
  window(query: ListQuery<S, F | 'all'>, start: number, end: number): Row[] {
    const { matches } = this.answer(query);
    const out: Row[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, matches.length); i++) out.push(this.rows[matches[i]!]!);
    return out;
  }

  private order(sort: S, dir: SortDir): Uint32Array {
    const key = `${sort}:${dir}`;
    let order = this.orders.get(key);
    if (!order) {
      const compare = this.spec.compare[sort];
      const rows = this.rows;
      const positions = Array.from({ length: rows.length }, (_, i) => i);
      positions.sort((a, b) => compare(rows[a]!, rows[b]!, dir));
      order = Uint32Array.from(positions);
      this.orders.set(key, order);
    }
    return order;
  }

  private answer(query: ListQuery<S, F | 'all'>): Answer {
    const q = query.q.trim().toLowerCase();
    const key = `${query.sort}:${query.dir}:${query.status}`;
    const last = this.last;
    if (last && last.key === key && last.q === q) return last;
    // A filter that extends the last one matches a subset of what it matched, in the same order.
    const from = last && last.key === key && q.startsWith(last.q) ? last.matches : this.order(query.sort, query.dir);
    const status = query.status === 'all' ? null : query.status;
    const statusOf = this.spec.status;
    const texts = this.texts;
    const rows = this.rows;
    let matches: Uint32Array;
    if (!q && !status) matches = from;
    else {
      const kept = new Uint32Array(from.length);
      let n = 0;
      for (const i of from) {
        if (status !== null && statusOf?.(rows[i]!) !== status) continue;
        if (q && !texts[i]!.includes(q)) continue;
        kept[n++] = i;
      }
      matches = kept.slice(0, n);
    }
    this.last = { key, q, matches };
    return this.last;
  }
}
