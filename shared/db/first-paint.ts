/**
 * Speed trick, fenced here: the first page reads the device's data with plain IndexedDB instead of
 * waiting for Dexie, which means knowing Dexie's internal numbering of IndexedDB versions (schema
 * version n is IndexedDB version 10n). Gain: the first route's JavaScript 121.1 -> 90.6 kB gzip,
 * sign-in 120.1 -> 89.6 (measured in 277cb35). first-paint-dexie.test.ts fails when the installed
 * Dexie numbers versions otherwise; nothing else outside shared/db may depend on that numbering.
 */
import type { DeviceRow, LeaseRow, License, MetaRow, OutboxRow, OutcomeRow, SessionMeta, SyncMeta } from '../schemas';
import { fetchedAtKey, META_KEYS, SessionMetaSchema, SyncMetaSchema } from '../schemas';
import { EMPTY_SYNC_META } from './meta';
import { DB_NAME, DB_VERSION } from './versions';

/**
 * What the app's first screen shows from the device: the session, the licenses and the outbox,
 * as the stores would read them from the database.
 */
export interface FirstPaint {
  session: SessionMeta | null;
  companyId: string | null;
  licenses: { licenses: License[]; fetchedAt: string | null };
  outbox: { rows: OutboxRow[]; outcomes: OutcomeRow[]; leases: LeaseRow[]; sync: SyncMeta };
  /** When the page opened is a license's Devices page: its first screen, read by index (see firstDeviceRows). */
  devices?: { licenseId: string; rows: DeviceRow[] };
}

/** What else the first screen shows: the first `limit` devices of a license (its Devices page). */
export interface FirstPaintAlso {
  devicesOf?: { licenseId: string; limit: number };
}

/** A device that has stored nothing yet: signed out, nothing cached, nothing queued. */
export const NOTHING_STORED: FirstPaint = {
  session: null,
  companyId: null,
  licenses: { licenses: [], fetchedAt: null },
  outbox: { rows: [], outcomes: [], leases: [], sync: EMPTY_SYNC_META },
};

const STORES = ['meta', 'licenses', 'outbox', 'outcomes', 'leases'] as const;

/**
 * The first screen's data read with plain IndexedDB from the database Dexie keeps, so the page
 * shows it before Dexie's code has loaded (the stores follow the database with Dexie after that).
 * Null when it cannot be read this way: no IndexedDB, or a database at another schema version,
 * which this build's Dexie must upgrade (or refuse) first. A device with no database gets none
 * created here (Dexie creates it at its version).
 */
export async function readFirstPaint(
  name = DB_NAME,
  idb: IDBFactory | undefined = globalThis.indexedDB,
  also: FirstPaintAlso = {},
): Promise<FirstPaint | null> {
  if (!idb) return null;
  try {
    const db = await openExisting(idb, name);
    if (!db) return NOTHING_STORED;
    try {
      // Dexie opens schema version n as IndexedDB version 10n (10n + k after patching a schema in place).
      const current = Math.floor(db.version / 10) === DB_VERSION;
      return current && STORES.every((s) => db.objectStoreNames.contains(s)) ? await readStores(db, also) : null;
    } finally {
      db.close(); // at once: Dexie's own connection may need to upgrade the database
    }
  } catch {
    return null;
  }
}

/** The database as it is (no version asked), or null when there is none: creating one is aborted. */
function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (created) resolve(null);
      else reject(request.error ?? new Error(`cannot open ${name}`));
    };
  });
}

async function readStores(db: IDBDatabase, also: FirstPaintAlso): Promise<FirstPaint> {
  // Every request is made before the first await: the transaction stays open until they answer.
  const { devicesOf } = also;
  const tx = db.transaction([...STORES, ...(devicesOf ? ['devices'] : [])], 'readonly');
  // The license's devices in the default order: every key from [id] up to [id, []] (see firstDeviceRows).
  const devices = devicesOf
    ? answer<DeviceRow[]>(
        tx
          .objectStore('devices')
          .index('[licenseId+state+hostname]')
          .getAll(IDBKeyRange.bound([devicesOf.licenseId], [devicesOf.licenseId, []]), devicesOf.limit),
      )
    : null;
  const meta = tx.objectStore('meta');
  const value = (key: string) => answer<MetaRow | undefined>(meta.get(key)).then((row) => row?.value);
  const all = <Row>(store: (typeof STORES)[number]) => answer<Row[]>(tx.objectStore(store).getAll());
  const [session, companyId, sync, fetchedAt, licenses, rows, outcomes, leases] = await Promise.all([
    value(META_KEYS.session),
    value(META_KEYS.companyId),
    value(META_KEYS.sync),
    value(fetchedAtKey('licenses')),
    all<License>('licenses'),
    all<OutboxRow>('outbox'),
    all<OutcomeRow>('outcomes'),
    all<LeaseRow>('leases'),
  ]);
  // Meta values through their schemas, as shared/db/meta.ts reads them: a malformed one reads as none.
  const parsedSession = SessionMetaSchema.safeParse(session);
  const parsedSync = SyncMetaSchema.safeParse(sync);
  return {
    session: parsedSession.success ? parsedSession.data : null,
    companyId: typeof companyId === 'string' ? companyId : null,
    licenses: { licenses, fetchedAt: typeof fetchedAt === 'string' ? fetchedAt : null },
    outbox: { rows, outcomes, leases, sync: parsedSync.success ? parsedSync.data : EMPTY_SYNC_META },
    ...(devicesOf && devices ? { devices: { licenseId: devicesOf.licenseId, rows: await devices } } : {}),
  };
}

function answer<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
