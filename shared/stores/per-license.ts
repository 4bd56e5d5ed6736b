import { computed, effectScope, reactive, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { ApiClient, ApiFailure, ApiResult } from '../api';
import { fetchedAtMap, finishArrival, readCursor, type LicenseList, type PortalDb, type PulledList } from '../db';
import type { ListHead, OutboxRow } from '../schemas';
import { useLive, useLiveFor, type Live } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { usePortal } from './portal';
import { useSessionStore } from './session';
import { keyedSlot, trackLoad } from './track-load';

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
  head?(db: PortalDb, licenseId: string): Promise<{ rows: Row[]; total: number }>;
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

/** One license's rows: followed in Dexie from the first time anything asks for them. */
interface Followed<Row> {
  live: Live<Row[]>;
  /** While a whole list arrives: the whole-list query rests (it would re-read every row per batch). */
  arriving: ShallowRef<boolean>;
  /** Re-reads the first screen (from what has arrived so far). */
  readFirst(): Promise<void>;
  /** The whole list has arrived: read it once and show it. */
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
export function usePerLicenseCache<Row extends { licenseId: string; id: string }>(source: PerLicenseSource<Row>) {
  const { database, api, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
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
        // With a quick first screen, the whole list is read once that screen is shown: IndexedDB
        // answers in order, and reading 10,000 rows first would hold the first screen back.
        const reading = shallowRef(!source.head);
        const arriving = shallowRef(false);
        const live = useLiveFor(
          database,
          () => (reading.value && !arriving.value ? licenseId : null),
          (db) => source.read(db, licenseId),
          [] as Row[],
        );
        const head = shallowRef<{ rows: Row[]; total: number } | null>(null);
        const whole = shallowRef(false);
        void live.ready.then(() => (whole.value = true));
        const { head: readHead } = source;
        if (readHead)
          void database()
            .then((db) => readHead(db, licenseId))
            .then((first) => (head.value = whole.value ? null : first))
            .catch(() => undefined) // the whole list still comes
            .finally(() => afterFrame(() => (reading.value = true)));
        const readFirst = async () => {
          if (!readHead) return;
          head.value = await readHead(await database(), licenseId);
          whole.value = false;
        };
        const showWhole = async () => {
          arriving.value = false;
          await live.refresh();
          whole.value = true;
          head.value = null;
        };
        const rows = () => (whole.value ? live.value.value : (head.value?.rows ?? []));
        const shown = computed(() => {
          const pending = outbox.effectiveRows(fetchedAtFor(licenseId));
          return source.overlay(rows(), licenseId, pending).sort(source.order);
        });
        const byId = computed(() => new Map(shown.value.map((r) => [r.id, r])));
        const total = computed(() => (whole.value ? shown.value.length : (head.value?.total ?? 0)));
        return { live, arriving, readFirst, showWhole, shown, byId, total };
      })!;
      followed.set(licenseId, one);
    }
    return one;
  }

  /** One license's rows, as the user should see them: cached, with every command the cache does not show yet. */
  const rowsFor = (licenseId: string): Row[] => follow(licenseId).shown.value;
  /** How many rows a license has (`rowsFor` may hold only the first ones for a moment after the first ask). */
  const totalFor = (licenseId: string): number => follow(licenseId).total.value;
  /** One row of a license, as `rowsFor` shows it. */
  const rowOf = (licenseId: string, id: string): Row | undefined => follow(licenseId).byId.value.get(id);
  /** One license's rows as the server sent them (no pending command applied). */
  const cachedFor = (licenseId: string): Row[] => follow(licenseId).live.value.value;
  /** The licenses whose rows this store follows. */
  const followedIds = (): string[] => [...followed.keys()];

  /** Render from the cache at once, then refresh (`full`: the whole list, not what changed since the cursor). */
  async function load(licenseId: string, options: { full?: boolean } = {}): Promise<void> {
    const one = follow(licenseId);
    await Promise.all([one.live.ready, fetched.ready]);
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
            const written = await source.storeArrived!(db, licenseId, rows);
            arrived[licenseId] = seen.size;
            if (written > 0) await one.readFirst();
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
    followedIds,
    load,
  };
}

/**
 * Runs `then` once the browser has painted the next frame, or after a moment where no frame comes
 * (no DOM, or a hidden tab, where frames wait until it shows).
 */
function afterFrame(then: () => void): void {
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}

/** What a page of one license's rows reads from its store: their age, load state, and a reload. */
export type PerLicenseState = Pick<
  ReturnType<typeof usePerLicenseCache>,
  'fetchedAtFor' | 'statusFor' | 'errorFor' | 'load'
> &
  Partial<Pick<ReturnType<typeof usePerLicenseCache>, 'arrivedFor'>>;
