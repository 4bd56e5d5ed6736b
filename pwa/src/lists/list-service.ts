import { devicesInChunks, type PortalDb } from '@shared/db';
import type { Device, License, LicenseUser, OutboxRow } from '@shared/schemas';
import { overlayDevices, overlayUsers } from '@shared/sync/overlay';
import { writeCsv } from '@shared/files/csv';
import { devicesCsv, usersCsv } from './csv-export';
import { devicesByIndex, type EarlyAnswer } from './device-by-index';
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
  /**
   * The license's rows changed in the database (or the commands not sent yet did): read them again.
   * `since`: a page's first ask (the time it opened, Date.now()), which a read started since answers.
   */
  | { type: 'refresh'; kind: ListKind; licenseId: string; pending: OutboxRow[]; since?: number }
  /** Only the commands not sent yet changed. */
  | { type: 'pending'; kind: ListKind; licenseId: string; pending: OutboxRow[] }
  /** The rows the query shows as a CSV file, sent a chunk of text at a time. */
  | { type: 'csv'; kind: ListKind; licenseId: string; query: PlainQuery; license: License | null; now: string }
  | { type: 'forget' };

/**
 * A screen of a query's answer: the rows from `start`, how many match, how many the list has
 * (null: not counted). `partial`: the answer so far, read by index while the list's index reads
 * every row (more may match); the page asks again when that read is done.
 */
export interface ListWindow<Row> {
  start: number;
  rows: Row[];
  count: number;
  total: number | null;
  partial?: boolean;
}

/** How one kind of list is read from the cache, what the commands not sent yet change, and how it is filtered. */
interface KindSpec<Row> {
  /** `between`: awaited between two chunks of a long read (the reader's quick reads go first). */
  read(db: PortalDb, licenseId: string, between: () => Promise<void>): Promise<Row[]>;
  overlay(rows: Row[], licenseId: string, pending: readonly OutboxRow[]): Row[];
  index: ListIndexSpec<Row, string, string>;
  csv(rows: readonly Row[], license: License | null, now: Date): { fields: string[]; rows: unknown[][] };
  /** Optional: a query's first `end` rows read by index, while the whole list is still being read (null: it cannot). */
  byIndex?(
    db: PortalDb,
    licenseId: string,
    query: PlainQuery,
    end: number,
    overlay: (rows: Row[]) => Row[],
  ): Promise<EarlyAnswer<Row> | null>;
}

const KINDS: { devices: KindSpec<Device>; users: KindSpec<LicenseUser> } = {
  devices: {
    read: (db, licenseId, between) => devicesInChunks(db, licenseId, { chunk: READ_CHUNK, between }),
    overlay: (rows, _licenseId, pending) => (pending.length ? overlayDevices(rows, pending) : rows),
    index: DEVICE_INDEX as ListIndexSpec<Device, string, string>,
    csv: devicesCsv,
    byIndex: devicesByIndex,
  },
  users: {
    read: (db, licenseId) => db.users.where('licenseId').equals(licenseId).toArray(),
    overlay: (rows, licenseId, pending) => (pending.length ? overlayUsers(rows, licenseId, pending) : rows),
    index: USER_INDEX as ListIndexSpec<LicenseUser, string, string>,
    csv: usersCsv,
  },
};

/**
 * Rows per transaction of a long read: a query read by index meanwhile waits for at most one
 * (a few tens of milliseconds), and more transactions than that cost the read little.
 */
const READ_CHUNK = 2000;

/** Rows per CSV chunk: the file is written a chunk at a time, never held whole as one text. */
const CSV_CHUNK = 5000;

interface Entry {
  index: ListIndex<unknown, string, string>;
  base: unknown[] | null;
  pending: OutboxRow[];
  /** The read in flight, and whether another must follow it (a change came in meanwhile). */
  reading: Promise<void> | null;
  again: boolean;
  /** When the rows the index has were read (Date.now() at the read's start). */
  readAt: number;
}

/**
 * The lists' indexes: each (kind, license) list read from the cache once, with the commands not
 * sent yet applied, filtered and sorted by its ListIndex, answered a window at a time. In a
 * worker (list-worker.ts) the reading, the overlay and the index never hold up the page.
 */
export function createListService(database: () => Promise<PortalDb>, { csvChunk = CSV_CHUNK } = {}) {
  const entries = new Map<string, Entry>();
  const spec = (kind: ListKind) => KINDS[kind] as unknown as KindSpec<unknown>;
  /** The queries being read by index: a long read lets them go first, between two of its chunks. */
  const quick = new Set<Promise<unknown>>();
  const quickFirst = async () => {
    while (quick.size) await Promise.allSettled([...quick]);
  };

  function entryOf(kind: ListKind, licenseId: string): Entry {
    const key = `${kind}:${licenseId}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        index: new ListIndex(spec(kind).index),
        base: null,
        pending: [],
        reading: null,
        again: false,
        readAt: 0,
      };
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
      // Profiled by the bench (performance.measure in the worker): the read, then the index.
      const started = performance.now();
      let base: unknown[];
      do {
        entry.again = false;
        entry.readAt = Date.now();
        base = await spec(kind).read(await database(), licenseId, quickFirst);
      } while (entry.again);
      const read = performance.now();
      // The rows and their index change together: a query never sees one without the other.
      entry.base = base;
      apply(kind, licenseId, entry);
      performance.measure(`lists.read ${kind}`, { start: started, end: read });
      performance.measure(`lists.index ${kind}`, { start: read });
    })().finally(() => (entry.reading = null));
    return entry.reading;
  }

  /**
   * The list's index, once it has one: a query while the list is read again (it changed) is
   * answered from the index it has (the page asks again when the read is done), so typing never
   * waits for a read of every row but the first.
   */
  async function ready(kind: ListKind, licenseId: string): Promise<Entry> {
    const entry = entryOf(kind, licenseId);
    if (entry.base === null) await (entry.reading ?? read(kind, licenseId, entry));
    return entry;
  }

  async function handle(request: ListRequest, onChunk?: (text: string) => void): Promise<unknown> {
    switch (request.type) {
      case 'query': {
        const { kind, licenseId, query } = request;
        const entry = entryOf(kind, licenseId);
        if (entry.base === null) {
          // The first read of the list is under way: answer what the cache's index can meanwhile.
          const reading = entry.reading ?? read(kind, licenseId, entry);
          const asked = performance.now();
          const answering = (async () =>
            spec(kind).byIndex?.(await database(), licenseId, query, request.end, (rows) =>
              spec(kind).overlay(rows, licenseId, entry.pending),
            ))();
          quick.add(answering);
          const early = await answering.finally(() => quick.delete(answering));
          performance.measure(`lists.by-index ${kind}`, { start: asked });
          if (early && entry.base === null) {
            const start = Math.min(request.start, Math.max(0, early.rows.length - 1));
            const rows = early.rows.slice(start, request.end);
            return {
              start,
              rows,
              count: early.count,
              total: null,
              partial: early.partial,
            } satisfies ListWindow<unknown>;
          }
          await reading;
        }
        const index = entry.index;
        const asked = performance.now();
        const count = index.count(query);
        const start = Math.min(request.start, Math.max(0, count - 1));
        const rows = index.window(query, start, request.end);
        performance.measure(`lists.query ${kind}`, { start: asked });
        return { start, rows, count, total: index.size } satisfies ListWindow<unknown>;
      }
      case 'refresh': {
        const entry = entryOf(request.kind, request.licenseId);
        entry.pending = request.pending;
        const since = request.since;
        // A read started after the page opened has what the page would ask for.
        if (since !== undefined && entry.reading) await entry.reading;
        else if (since === undefined || entry.base === null || entry.readAt < since)
          await read(request.kind, request.licenseId, entry);
        else apply(request.kind, request.licenseId, entry);
        return null;
      }
      case 'pending': {
        const entry = entryOf(request.kind, request.licenseId);
        entry.pending = request.pending;
        if (entry.base !== null) apply(request.kind, request.licenseId, entry);
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
