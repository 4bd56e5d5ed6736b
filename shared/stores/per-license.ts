import { reactive } from 'vue';
import type { ApiClient, ApiFailure, ApiResult } from '../api';
import { fetchedAtMap, type PortalDb } from '../db';
import type { OutboxRow } from '../schemas';
import { useLive } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { usePortal } from './portal';
import { useSessionStore } from './session';
import { keyedSlot, trackLoad } from './track-load';

/** One kind of rows the cache keeps per license (a license's devices, its users). */
export interface PerLicenseSource<Row extends { licenseId: string }> {
  /** Its table, and its fetchedAt keys (`devices:<licenseId>`). */
  what: 'devices' | 'users';
  /** Every cached row, of every license. */
  readAll(db: PortalDb): Promise<Row[]>;
  /** One license's rows from the server. */
  fetch(api: ApiClient, licenseId: string): Promise<ApiResult<Row[]>>;
  /** Replace one license's cached rows with the server's, stamped `at` (see shared/db/cache.ts). */
  store(db: PortalDb, licenseId: string, rows: Row[], at: string): Promise<void>;
  /** One license's cached rows with the commands they do not show yet applied (see shared/sync/overlay.ts). */
  overlay(rows: Row[], licenseId: string, pending: readonly OutboxRow[]): Row[];
  /** The order a page lists them in. */
  order(a: Row, b: Row): number;
}

/**
 * A per-license cache for a setup store: the rows from Dexie (followed live), each license's
 * fetchedAt, load status and error, and `rowsFor` with the pending commands applied. `load`
 * renders from the cache at once, then refreshes; offline it keeps the cache and says so.
 * The store returns `cached`, `statuses` and `errors` with the rest (they are its state).
 */
export function usePerLicenseCache<Row extends { licenseId: string }>(source: PerLicenseSource<Row>) {
  const { db, api, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const live = useLive(
    async () => {
      const [rows, fetched] = await Promise.all([source.readAll(db), fetchedAtMap(db)]);
      return { rows, fetched };
    },
    { rows: [] as Row[], fetched: {} as Record<string, string> },
  );
  const statuses = reactive<Record<string, LoadStatus>>({});
  const errors = reactive<Record<string, ApiFailure | null>>({});

  const fetchedAtFor = (licenseId: string): string | null =>
    live.value.value.fetched[`${source.what}:${licenseId}`] ?? null;
  const statusFor = (licenseId: string): LoadStatus => statuses[licenseId] ?? 'idle';
  const errorFor = (licenseId: string): ApiFailure | null => errors[licenseId] ?? null;

  /** One license's rows, as the user should see them: cached, with every command the cache does not show yet. */
  function rowsFor(licenseId: string): Row[] {
    const rows = live.value.value.rows.filter((r) => r.licenseId === licenseId);
    return source.overlay(rows, licenseId, outbox.effectiveRows(fetchedAtFor(licenseId))).sort(source.order);
  }

  async function load(licenseId: string): Promise<void> {
    await live.refresh();
    await trackLoad(
      { now, session },
      keyedSlot(statuses, errors, licenseId),
      () => source.fetch(api, licenseId),
      async (rows, startedAt) => {
        await source.store(db, licenseId, rows, startedAt);
        await live.refresh();
      },
    );
  }

  return {
    cached: live.value,
    statuses,
    errors,
    fetchedAtFor,
    statusFor,
    errorFor,
    rowsFor,
    load,
    refresh: live.refresh,
  };
}

/** What a page of one license's rows reads from its store: their age, load state, and a reload. */
export type PerLicenseState = Pick<
  ReturnType<typeof usePerLicenseCache>,
  'fetchedAtFor' | 'statusFor' | 'errorFor' | 'load'
>;
