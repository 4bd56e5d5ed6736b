import { computed, onScopeDispose, shallowRef, watch } from 'vue';
import type { OutboxRow } from '@shared/schemas';
import { usePortal } from '@shared/composables';
import { listClient } from '../lists/list-client';
import type { ListQuery } from '../lists/list-query';
import type { ListKind, ListWindow, PlainQuery } from '../lists/list-service';
import type { RowSource } from './useVirtualRows';

/** Rows asked for beyond the ones in view, each way: a scroll of a screen needs no new answer. */
const MARGIN = 60;

/**
 * A long list page's rows a screen at a time, from the list's own index (a worker: see
 * lists/list-service.ts): the page says what it shows (its query, the rows in view), the index
 * answers with those rows and the count. While it first reads the whole list (in the worker), it
 * answers what the cache's index can (`searching`: the rows so far), and until it has answered, the
 * store's first screen stands in for the default view. The index reads
 * the list again when the store says the cached rows changed (not while a whole list arrives:
 * once, when it has), and applies the commands not sent yet as they change.
 */
export function useListWindow<Row>(options: {
  kind: ListKind;
  licenseId: () => string;
  query: ListQuery<string, string>;
  /** Whether the query is the list's default view (the order the store's first screen is in). */
  isDefault: (query: PlainQuery) => boolean;
  /** Changes whenever the license's cached rows do (the store's `changesOf`). */
  changes: () => unknown;
  /** While a whole list arrives (the store's `arrivedFor` is not null). */
  arriving: () => boolean;
  /** The commands not sent yet, as the store overlays them. */
  pending: () => OutboxRow[];
  /** The store's first screen (default view) and the list's size, read by index (null: being counted). */
  first: () => readonly Row[];
  total: () => number | null;
}) {
  const { database, databaseName } = usePortal();
  const client = listClient(database, databaseName);
  const plain = (): PlainQuery => ({
    q: options.query.q,
    status: options.query.status,
    sort: options.query.sort,
    dir: options.query.dir,
  });
  const answered = shallowRef<(ListWindow<Row> & { q: string; asked: string; licenseId: string }) | null>(null);
  let range = { start: 0, end: MARGIN };
  let asked = 0;
  let shownTurn = 0;
  let disposed = false;
  onScopeDispose(() => (disposed = true));

  let asking: Promise<void> | null = null;
  let askAgain = false;
  /**
   * Asks for what the page shows now: one question at a time, and whatever changed meanwhile (the
   * keys typed while the index answered) once after it, so a burst of keys costs two answers, not one each.
   */
  function ask(): Promise<void> {
    if (asking) {
      askAgain = true;
      return asking;
    }
    asking = (async () => {
      do {
        askAgain = false;
        await askOnce();
      } while (askAgain && !disposed);
    })().finally(() => (asking = null));
    return asking;
  }

  async function askOnce(): Promise<void> {
    const turn = ++asked;
    const query = plain();
    const licenseId = options.licenseId();
    const start = Math.max(0, range.start - MARGIN);
    const window = await client.request<ListWindow<Row>>({
      type: 'query',
      kind: options.kind,
      licenseId,
      query,
      start,
      end: range.end + MARGIN,
    });
    // Answers come in the order asked: an older one is still shown while a newer one is computed,
    // so typing fast shows each step it can, and the last answer is always the last query's.
    if (disposed || turn < shownTurn) return;
    shownTurn = turn;
    answered.value = { ...window, q: query.q, asked: JSON.stringify(query), licenseId };
  }

  let refreshing: Promise<void> | null = null;
  let again = false;
  /** When the page opened: its first refresh is answered by any read of the list started since. */
  let firstRefresh: number | undefined = Date.now();
  /** Has the index read the list again (once at a time; a change meanwhile reads once more), then asks. */
  async function refresh(): Promise<void> {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        await client.request({
          type: 'refresh',
          kind: options.kind,
          licenseId: options.licenseId(),
          pending: JSON.parse(JSON.stringify(options.pending())) as OutboxRow[],
          since: firstRefresh,
        });
        firstRefresh = undefined;
      } while (again && !disposed);
      if (!disposed) await ask();
    })().finally(() => (refreshing = null));
    return refreshing;
  }

  const failed = (error: unknown) => console.error('list index failed', error);
  // The list's rows changed in the cache (and at first: the first screen has been read, so the
  // index reads the whole list after it): read again, unless a whole list is still arriving.
  watch(
    () => [options.changes(), options.arriving(), options.licenseId()] as const,
    ([changes, arriving]) => {
      if (changes === null || arriving) return;
      // After the frame that shows the first screen: the whole read takes the IndexedDB's time.
      const read = () => void refresh().catch(failed);
      if (client.inWorker) afterFrame(read);
      else read();
    },
    { immediate: true },
  );
  watch(
    () => JSON.stringify(options.pending()),
    (pending) =>
      void client
        .request({ type: 'pending', kind: options.kind, licenseId: options.licenseId(), pending: JSON.parse(pending) })
        .then(ask)
        .catch(failed),
  );
  watch(
    () => JSON.stringify(plain()),
    () => void ask().catch(failed),
  );

  /** The table's rows in view changed: asks for them unless the last answer holds them. */
  function showRange(start: number, end: number): void {
    range = { start, end };
    const now = answered.value;
    if (now && start >= now.start && Math.min(end, now.count) <= now.start + now.rows.length) return;
    void ask().catch(failed);
  }

  /** Until the index has answered this view, the store's first screen stands in (for the default view). */
  const current = computed(() => {
    const now = answered.value;
    // While a whole list arrives, the first screen (re-read as it comes) shows the default view.
    const fresh =
      now !== null && now.licenseId === options.licenseId() && !(options.arriving() && options.isDefault(plain()));
    return fresh ? now : null;
  });
  const rows = computed<RowSource<Row>>(() => {
    const now = current.value;
    if (!now) {
      const first = options.isDefault(plain()) ? options.first() : [];
      return { length: options.isDefault(plain()) ? (options.total() ?? first.length) : 0, at: (i) => first[i] };
    }
    return { length: now.count, at: (i) => now.rows[i - now.start] };
  });
  /** How many rows match (null: not counted yet), and the filter text that count is for. */
  const count = computed(() => current.value?.count ?? (options.isDefault(plain()) ? options.total() : null));
  const countFor = computed(() => current.value?.q ?? (count.value === null ? null : ''));
  const total = computed(() => current.value?.total ?? options.total());
  /** The rows shown are the answer so far (read by index): the list's index is still reading every row. */
  const searching = computed(() => current.value?.partial === true);

  /** The rows the query shows, as CSV text a chunk at a time (header first). */
  const csv = (license: unknown, onChunk: (text: string) => void) =>
    client.request<number>(
      {
        type: 'csv',
        kind: options.kind,
        licenseId: options.licenseId(),
        query: plain(),
        license: JSON.parse(JSON.stringify(license ?? null)),
        now: new Date().toISOString(),
      },
      onChunk,
    );

  return { rows, count, countFor, total, searching, showRange, csv };
}

/** Runs `then` after the next frame is painted, or after a moment where no frame comes (a hidden tab, no DOM). */
function afterFrame(then: () => void): void {
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}
