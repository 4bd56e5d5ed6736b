import { devicesInChunks, type PortalDb } from '@shared/db';
import type { Device, License, LicenseUser, OutboxRow } from '@shared/schemas';
import { overlayDevices, overlayUsers } from '@shared/sync/overlay';
import { writeCsv } from '@shared/files/csv';
import { devicesCsv, usersCsv } from './csv-export';
import { DEVICE_INDEX } from './device-list';
import { ListIndex, type ListIndexSpec } from './list-index';
import type { ListQuery } from './list-query';
import { USER_INDEX } from './user-list';

/** The long lists a page shows a screen at a time. */
export type ListKind = 'devices' | 'users';

/** A list page's filter and sort, as plain data (it crosses to a worker). */
export type PlainQuery = ListQuery<string, string>;

/** What a page asks its list's index (list-worker.ts answers in a worker, `createListService` in the page). */
export type ListRequest =
  | { type: 'query'; kind: ListKind; licenseId: string; query: PlainQuery; start: number; end: number }
  /** The license's rows changed in the database (or the commands not sent yet did): read them again. */
  | { type: 'refresh'; kind: ListKind; licenseId: string; pending: OutboxRow[] }
  /** Only the commands not sent yet changed. */
  | { type: 'pending'; kind: ListKind; licenseId: string; pending: OutboxRow[] }
  /** The rows the query shows as a CSV file, sent a chunk of text at a time. */
  | { type: 'csv'; kind: ListKind; licenseId: string; query: PlainQuery; license: License | null; now: string }
  | { type: 'forget' };

/** A screen of a query's answer: the rows from `start`, how many match, how many the list has. */
export interface ListWindow<Row> {
  start: number;
  rows: Row[];
  count: number;
  total: number;
}

/** How one kind of list is read from the cache, what the commands not sent yet change, and how it is filtered. */
interface KindSpec<Row> {
  read(db: PortalDb, licenseId: string): Promise<Row[]>;
  overlay(rows: Row[], licenseId: string, pending: readonly OutboxRow[]): Row[];
  index: ListIndexSpec<Row, string, string>;
  csv(rows: readonly Row[], license: License | null, now: Date): { fields: string[]; rows: unknown[][] };
}

const KINDS: { devices: KindSpec<Device>; users: KindSpec<LicenseUser> } = {
  devices: {
    read: (db, licenseId) => devicesInChunks(db, licenseId),
    overlay: (rows, _licenseId, pending) => (pending.length ? overlayDevices(rows, pending) : rows),
    index: DEVICE_INDEX as ListIndexSpec<Device, string, string>,
    csv: devicesCsv,
  },
  users: {
    read: (db, licenseId) => db.users.where('licenseId').equals(licenseId).toArray(),
    overlay: (rows, licenseId, pending) => (pending.length ? overlayUsers(rows, licenseId, pending) : rows),
    index: USER_INDEX as ListIndexSpec<LicenseUser, string, string>,
    csv: usersCsv,
  },
};

/** Rows per CSV chunk: the file is written a chunk at a time, never held whole as one text. */
const CSV_CHUNK = 5000;

interface Entry {
  index: ListIndex<unknown, string, string>;
  base: unknown[] | null;
  pending: OutboxRow[];
  /** The read in flight, and whether another must follow it (a change came in meanwhile). */
  reading: Promise<void> | null;
  again: boolean;
}

/**
 * The lists' indexes: each (kind, license) list read from the cache once, with the commands not
 * sent yet applied, filtered and sorted by its ListIndex, answered a window at a time. In a
 * worker (list-worker.ts) the reading, the overlay and the index never hold up the page.
 */
export function createListService(database: () => Promise<PortalDb>, { csvChunk = CSV_CHUNK } = {}) {
  const entries = new Map<string, Entry>();
  const spec = (kind: ListKind) => KINDS[kind] as unknown as KindSpec<unknown>;

  function entryOf(kind: ListKind, licenseId: string): Entry {
    const key = `${kind}:${licenseId}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { index: new ListIndex(spec(kind).index), base: null, pending: [], reading: null, again: false };
      entries.set(key, entry);
    }
    return entry;
  }

  const apply = (kind: ListKind, licenseId: string, entry: Entry) =>
    entry.index.setRows(spec(kind).overlay(entry.base ?? [], licenseId, entry.pending));

  /** Reads the list (again); a read asked for while one runs follows it once. */
  function read(kind: ListKind, licenseId: string, entry: Entry): Promise<void> {
    if (entry.reading) {
      entry.again = true;
      return entry.reading;
    }
    entry.reading = (async () => {
      do {
        entry.again = false;
        entry.base = await spec(kind).read(await database(), licenseId);
      } while (entry.again);
      apply(kind, licenseId, entry);
    })().finally(() => (entry.reading = null));
    return entry.reading;
  }

  async function ready(kind: ListKind, licenseId: string): Promise<Entry> {
    const entry = entryOf(kind, licenseId);
    if (entry.reading) await entry.reading;
    else if (entry.base === null) await read(kind, licenseId, entry);
    return entry;
  }

  async function handle(request: ListRequest, onChunk?: (text: string) => void): Promise<unknown> {
    switch (request.type) {
      case 'query': {
        const { index } = await ready(request.kind, request.licenseId);
        const count = index.count(request.query);
        const start = Math.min(request.start, Math.max(0, count - 1));
        const rows = index.window(request.query, start, request.end);
        return { start, rows, count, total: index.size } satisfies ListWindow<unknown>;
      }
      case 'refresh': {
        const entry = entryOf(request.kind, request.licenseId);
        entry.pending = request.pending;
        await read(request.kind, request.licenseId, entry);
        return null;
      }
      case 'pending': {
        const entry = entryOf(request.kind, request.licenseId);
        entry.pending = request.pending;
        if (entry.base !== null && !entry.reading) apply(request.kind, request.licenseId, entry);
        return null;
      }
      case 'csv': {
        const { index } = await ready(request.kind, request.licenseId);
        const count = index.count(request.query);
        const now = new Date(request.now);
        for (let start = 0; start === 0 || start < count; start += csvChunk) {
          const rows = index.window(request.query, start, start + csvChunk);
          const file = spec(request.kind).csv(rows, request.license, now);
          const text = await writeCsv(file.fields, file.rows as never);
          // The header once; each later chunk without it, after a line break.
          onChunk?.(start === 0 ? text : `\r\n${text.slice(text.indexOf('\r\n') + 2)}`);
          if (rows.length === 0) break;
        }
        return count;
      }
      case 'forget':
        entries.clear();
        return null;
    }
  }

  return { handle };
}
