import { computed, effectScope, reactive, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import {
  keyedSlot,
  trackLoad,
  type ApiClient,
  type ApiFailure,
  type ApiResult,
  type LoadDeps,
  type LoadStatus,
} from '../api';
import {
  fetchedAtMap,
  finishArrival,
  readCursor,
  type FirstPaint,
  type LicenseList,
  type PortalDb,
  type PulledList,
} from '../db';
import type { ListHead, OutboxRow } from '../schemas';
import { useLive, useLiveFor, type Live } from './live';
import { usePortal } from './portal';

/** One kind of rows the cache keeps per license (a license's devices, its users). */
export interface PerLicenseSource<Row extends { licenseId: string; id: string }> {
  /** Its table, its fetchedAt keys (`devices:<licenseId>`) and its cursors. */
  what: LicenseList;
  /** One license's cached rows. */
  read(db: PortalDb, licenseId: string): Promise<Row[]>;
  /**
   * Optional: a license's first rows in `order` and how many it has, read quickly (by index) to
   * show while `read` (which may take a while on a long list) is on its way.
   */
  head?(db: PortalDb, licenseId: string): Promise<Row[]>;
  /** With `head`: the first screen as the app's first paint read it (shared/db/first-paint.ts), if it did. */
  fromFirstPaint?(first: FirstPaint, licenseId: string): Row[] | null;
  /** With `head`: how many rows the license has, counted by index (asked apart, so the first rows need not wait for it). */
  count?(db: PortalDb, licenseId: string): Promise<number>;
  /** One license's rows from the server: all of them, or with a cursor (`since`) what changed after it. */
  fetch(api: ApiClient, licenseId: string, since: string | null): Promise<ApiResult<PulledList<Row>>>;
  /**
   * Optional: the whole list (first open, Reload all) as it arrives, a batch at a time
   * (shared/api/list-stream.ts); each batch is stored with `storeArrived` as it comes, and the
   * page shows its first screen (`head`) from what has arrived, so the first rows do not wait
   * for the last.
   */
  stream?(api: ApiClient, licenseId: string, onRows: (rows: Row[]) => Promise<void>): Promise<ApiResult<ListHead>>;
  storeArrived?(db: PortalDb, licenseId: string, rows: Row[]): Promise<number>;
  /** Store one pull of one license's rows, stamped `at`; resolves with the rows it wrote (see shared/db/cache.ts). */
  store(db: PortalDb, licenseId: string, pulled: PulledList<Row>, at: string): Promise<number>;
  /** One license's cached rows with the commands they do not show yet applied (see shared/sync/overlay.ts). */
  overlay(rows: Row[], licenseId: string, pending: readonly OutboxRow[]): Row[];
  /** The order a page lists them in. */
  order(a: Row, b: Row): number;
}

/**
 * What the cache reads of the session and outbox stores. They are stores (the layer above this
 * one), so the store that keeps the rows passes its own.
 */
export interface PerLicenseStores {
  /** Told when a load answers 401. */
  session: LoadDeps['session'];
  /** The commands a license's rows fetched at `fetchedAt` do not show yet. */
  outbox: { effectiveRows(fetchedAt: string | null): readonly OutboxRow[] };
}

/** One license's rows: followed in Dexie from the first time anything asks for them. */
interface Followed<Row> {
  /** The whole list: read only once something asks for every row (`wanted`). */
  live: Live<Row[]>;
  wanted: ShallowRef<boolean>;
  /** Whether the whole list has been read. */
  whole: ShallowRef<boolean>;
  /** The first screen and the count, followed live (read by index: a screen's cost, whatever the count). */
  head: Live<Row[] | null> | null;
  /** The count, followed live (a new object per answer: it changes whenever the license's rows do). */
  count: Live<{ total: number } | null> | null;
  /** While a whole list arrives: the whole-list query rests (it would re-read every row per batch). */
  arriving: ShallowRef<boolean>;
  /** The whole list has arrived: read it once (if wanted) and show it. */
  showWhole(): Promise<void>;
  /** As the user should see them: overlaid and in order (the first rows only, until all are read). */
  shown: ComputedRef<Row[]>;
  byId: ComputedRef<Map<string, Row>>;
  /** How many rows the license has, even while only the first ones are read. */
  total: ComputedRef<number>;
}

/**
 * A per-license cache for a setup store: each license's rows from Dexie (followed live, per
 * license: a write to one license never re-reads another's), each license's fetchedAt, load
 * status and error, and `rowsFor` with the pending commands applied. `load` renders from the
 * cache at once, then refreshes with the list's cursor, so an unchanged license costs a few bytes;
 * offline it keeps the cache and says so. The store returns `statuses` and `errors` with the rest.
 */
export function usePerLicenseCache<Row extends { licenseId: string; id: string }>(
  source: PerLicenseSource<Row>,
  { session, outbox }: PerLicenseStores,
) {
  const portal = usePortal();
  const { database, api, now } = portal;
  const fetched = useLive(database, (db) => fetchedAtMap(db), {} as Record<string, string>);
  const statuses = reactive<Record<string, LoadStatus>>({});
  const errors = reactive<Record<string, ApiFailure | null>>({});
  const arrived = reactive<Record<string, number>>({});
  // Followed licenses live as long as the store: their queries belong to the store's scope, not
  // to the component that first asked.
  const scope = effectScope();
  const followed = new Map<string, Followed<Row>>();

  const fetchedAtFor = (licenseId: string): string | null => fetched.value.value[`${source.what}:${licenseId}`] ?? null;
  const statusFor = (licenseId: string): LoadStatus => statuses[licenseId] ?? 'idle';
  const errorFor = (licenseId: string): ApiFailure | null => errors[licenseId] ?? null;

  function follow(licenseId: string): Followed<Row> {
    let one = followed.get(licenseId);
    if (!one) {
      one = scope.run(() => {
        // With a quick first screen (`head`), the whole list is read only when something asks for
        // every row (`rowsFor`, `cachedFor`, `rowOf`): a page that shows a screen at a time (the
        // Devices page, through its list index) never reads 100,000 rows into the page.
        const wanted = shallowRef(!source.head);
        const arriving = shallowRef(false);
        const live = useLiveFor(
          database,
          () => (wanted.value && !arriving.value ? licenseId : null),
          (db) => source.read(db, licenseId),
          [] as Row[],
        );
        const whole = shallowRef(false);
        void live.ready.then(() => (whole.value = true));
        const { head: readHead, count: readCount } = source;
        // Before the database opens, the first paint's read of the first screen (if it made one) shows.
        const painted = portal.firstPaint ? (source.fromFirstPaint?.(portal.firstPaint, licenseId) ?? null) : null;
        const head = readHead
          ? useLiveFor(
              database,
              () => licenseId,
              (db) => readHead(db, licenseId),
              painted,
            )
          : null;
        const count = readCount
          ? useLiveFor(
              database,
              () => licenseId,
              async (db) => ({ total: await readCount(db, licenseId) }),
              null as { total: number } | null,
            )
          : null;
        const showWhole = async () => {
          arriving.value = false;
          if (wanted.value) await live.refresh();
        };
        const rows = () => (whole.value ? live.value.value : (head?.value.value ?? []));
        const shown = computed(() => {
          const pending = outbox.effectiveRows(fetchedAtFor(licenseId));
          return source.overlay(rows(), licenseId, pending).sort(source.order);
        });
        const byId = computed(() => new Map(shown.value.map((r) => [r.id, r])));
        const total = computed(() =>
          whole.value ? shown.value.length : (count?.value.value?.total ?? head?.value.value?.length ?? 0),
        );
        return { live, wanted, whole, head, count, arriving, showWhole, shown, byId, total };
      })!;
      followed.set(licenseId, one);
    }
    return one;
  }

  /** Follows a license's whole list (read once, then live). */
  const wholeOf = (licenseId: string): Followed<Row> => {
    const one = follow(licenseId);
    one.wanted.value = true;
    return one;
  };

  /** One license's rows, as the user should see them: cached, with every command the cache does not show yet. */
  const rowsFor = (licenseId: string): Row[] => wholeOf(licenseId).shown.value;
  /**
   * A license's first screen as `rowsFor` would start it (overlaid, in order), without asking for
   * the whole list: what a page that keeps its own index shows until that index answers.
   */
  const firstFor = (licenseId: string): Row[] => follow(licenseId).shown.value;
  /** How many rows a license has (`rowsFor` may hold only the first ones for a moment after the first ask). */
  const totalFor = (licenseId: string): number => follow(licenseId).total.value;
  /** One row of a license, as `rowsFor` shows it. */
  const rowOf = (licenseId: string, id: string): Row | undefined => wholeOf(licenseId).byId.value.get(id);
  /** One license's rows as the server sent them (no pending command applied). */
  const cachedFor = (licenseId: string): Row[] => wholeOf(licenseId).live.value.value;
  /**
   * Changes whenever a license's cached rows do, and only then (its count, which Dexie reads again
   * on every write to the license's rows; without one, its first screen or its whole list): a page
   * that keeps its own index of the rows (pwa/src/lists/list-index.ts) reads them again when it
   * changes. Null until read from the database: the first paint's first screen turning into
   * Dexie's (the same rows) must not cost a second read of 100,000 rows.
   */
  const changesOf = (licenseId: string): unknown => {
    const one = follow(licenseId);
    if (one.count) return one.count.value.value;
    return one.head ? one.head.value.value : one.live.value.value;
  };
  /** How many rows a license has; null while it is being counted (its first screen may be shown already). */
  const countFor = (licenseId: string): number | null => {
    const one = follow(licenseId);
    if (one.whole.value || !one.count) return one.total.value;
    return one.count.value.value?.total ?? null;
  };
  /** Whether anything of the license has been read yet (its first screen, or its whole list). */
  const readFor = (licenseId: string): boolean => {
    const one = follow(licenseId);
    return one.whole.value || one.head?.value.value != null;
  };
  /** The licenses whose rows this store follows. */
  const followedIds = (): string[] => [...followed.keys()];

  /** Render from the cache at once, then refresh (`full`: the whole list, not what changed since the cursor). */
  async function load(licenseId: string, options: { full?: boolean } = {}): Promise<void> {
    const one = follow(licenseId);
    await Promise.all([(one.head ?? one.live).ready, fetched.ready]);
    const since = options.full ? null : await readCursor(await database(), source.what, licenseId);
    if (since === null && source.stream && source.storeArrived) return loadArriving(licenseId, one);
    await trackLoad(
      { now, session },
      keyedSlot(statuses, errors, licenseId),
      async () => source.fetch(api, licenseId, since),
      async (pulled, startedAt) => {
        const written = await source.store(await database(), licenseId, pulled, startedAt);
        await Promise.all([fetched.refresh(), written > 0 ? one.live.refresh() : null]);
      },
    );
  }

  /**
   * The whole list as it arrives: each batch stored in one transaction, the first screen re-read
   * from it, `arrivedFor` counting; once all has arrived, the rows the list no longer holds go and
   * the whole list is read once.
   */
  async function loadArriving(licenseId: string, one: Followed<Row>): Promise<void> {
    const seen = new Set<string>();
    const db = await database();
    arrived[licenseId] = 0;
    try {
      await trackLoad(
        { now, session },
        keyedSlot(statuses, errors, licenseId),
        () =>
          source.stream!(api, licenseId, async (rows) => {
            one.arriving.value = true;
            for (const row of rows) seen.add(row.id);
            await source.storeArrived!(db, licenseId, rows);
            arrived[licenseId] = seen.size;
          }),
        async (head, startedAt) => {
          await finishArrival(db, source.what, licenseId, seen, head.cursor, startedAt);
          await fetched.refresh();
        },
      );
    } finally {
      delete arrived[licenseId];
      if (one.arriving.value) await one.showWhole();
    }
  }

  /** How many rows of a whole list being received have arrived so far; null when none is. */
  const arrivedFor = (licenseId: string): number | null => arrived[licenseId] ?? null;

  return {
    statuses,
    errors,
    arrivedFor,
    fetchedAtFor,
    statusFor,
    errorFor,
    rowsFor,
    totalFor,
    rowOf,
    cachedFor,
    changesOf,
    countFor,
    readFor,
    firstFor,
    followedIds,
    load,
  };
}

/** What a page of one license's rows reads from its store: their age, load state, and a reload. */
export type PerLicenseState = Pick<
  ReturnType<typeof usePerLicenseCache>,
  'fetchedAtFor' | 'statusFor' | 'errorFor' | 'load'
> &
  Partial<Pick<ReturnType<typeof usePerLicenseCache>, 'arrivedFor'>>;
