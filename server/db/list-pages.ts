import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { arg, compiledRowsRead } from './compiled-read';
import { seatHolders } from './assignments';
import { withEmail } from './devices';
import type { Database } from './schema';

/**
 * Whole lists read a page at a time along an index (migration 007), each page where the last
 * ended: a request holds one page, never the list (100,000 devices are 37 MB of JSON). The pages
 * are not one snapshot: the caller reads the license's version first, so a row changed while they
 * are read is sent twice or comes with the next pull, never lost. On a SQLite file the pages are
 * read on the read-only connection, so a list being sent never waits for a writer.
 *
 * Each row comes as the JSON text of its wire shape, made by the database: a row then costs the
 * server one string instead of a row object, a view object and their strings (at ten lists of
 * 100,000 devices at once, the difference between a bounded and an ever-growing heap).
 */
// 100 rows are about 37 kB of JSON. Pages of 1,000 (370 kB texts, in V8's large-object space,
// freed only by a full collection) let ten lists at once lift the server by 280 MB; pages of 100
// by 40 MB (tests/reliability/list-memory.test.ts), for the same time.
const PAGE_ROWS = 100;

/** A wire field: its name, the column (or, `flag`, the condition) it is made of. */
type Field = readonly [name: string, value: string, kind?: 'flag'];

/** The wire shape of services/views.ts deviceView, in SQL (list-pages.test.ts holds them equal). */
const DEVICE_FIELDS: readonly Field[] = [
  ['id', 'devices.id'],
  ['licenseId', 'devices.license_id'],
  ['userId', 'devices.user_id'],
  ['userEmail', 'users.email'],
  ['hardwareId', 'devices.hardware_id'],
  ['hostname', 'devices.hostname'],
  ['os', 'devices.os'],
  ['firstActivatedAt', 'devices.first_activated_at'],
  ['lastCheckedAt', 'devices.last_checked_at'],
  ['active', 'devices.active = 1', 'flag'],
  ['deactivatedAt', 'devices.deactivated_at'],
];

/** The wire shape of services/views.ts licenseUserView. */
const SEAT_FIELDS: readonly Field[] = [
  ['id', 'assignments.user_id'],
  ['licenseId', 'assignments.license_id'],
  ['email', 'users.email'],
  ['firstName', 'users.first_name'],
  ['lastName', 'users.last_name'],
  ['isManager', 'license_managers.user_id is not null', 'flag'],
  ['assignedAt', 'assignments.assigned_at'],
];

/** A row's JSON text in each database's words (names and columns are constants of this file). */
function jsonOf(db: Kysely<Database>, fields: readonly Field[]): RawBuilder<string> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const flag = (condition: string) =>
    postgres ? `(${condition})` : `json(case when ${condition} then 'true' else 'false' end)`;
  const pairs = fields.map(([name, value, kind]) => `'${name}', ${kind === 'flag' ? flag(value) : value}`).join(', ');
  return sql.raw<string>(postgres ? `json_build_object(${pairs})::text` : `json_object(${pairs})`);
}

const allDevices = compiledRowsRead((db) =>
  withEmail(db)
    .clearSelect()
    .select(['devices.id', jsonOf(db, DEVICE_FIELDS).as('json')])
    .where('devices.license_id', '=', arg(0))
    .where('devices.id', '>', arg(1))
    .orderBy('devices.id')
    .limit(arg<number>(2)),
);

const ownDevices = compiledRowsRead((db) =>
  withEmail(db)
    .clearSelect()
    .select(['devices.id', jsonOf(db, DEVICE_FIELDS).as('json')])
    .where('devices.license_id', '=', arg(0))
    .where('devices.user_id', '=', arg(3))
    .where('devices.id', '>', arg(1))
    .orderBy('devices.id')
    .limit(arg<number>(2)),
);

const changedDevicesQuery = (db: Kysely<Database>) =>
  withEmail(db)
    .clearSelect()
    .select(['devices.version', 'devices.id', jsonOf(db, DEVICE_FIELDS).as('json')])
    .where('devices.license_id', '=', arg(0))
    .where('devices.version', '>', arg<number>(1))
    .where(sql<boolean>`(devices.version, devices.id) > (${arg<number>(2)}, ${arg(3)})`)
    .orderBy('devices.version')
    .orderBy('devices.id')
    .limit(arg<number>(4));

const changedDevices = compiledRowsRead(changedDevicesQuery);
// A user's own changes: the license's changes, filtered (an index of their own would cost every reset).
const ownChangedDevices = compiledRowsRead((db) => changedDevicesQuery(db).where('devices.user_id', '=', arg(5)));

const allSeats = compiledRowsRead((db) =>
  seatHolders(db, arg(0))
    .clearSelect()
    .select(['assignments.user_id', jsonOf(db, SEAT_FIELDS).as('json')])
    .where('assignments.user_id', '>', arg(1))
    .orderBy('assignments.user_id')
    .limit(arg<number>(2)),
);

const changedSeats = compiledRowsRead((db) =>
  seatHolders(db, arg(0))
    .clearSelect()
    .select(['assignments.version', 'assignments.user_id', jsonOf(db, SEAT_FIELDS).as('json')])
    .where('assignments.version', '>', arg<number>(1))
    .where(sql<boolean>`(assignments.version, assignments.user_id) > (${arg<number>(2)}, ${arg(3)})`)
    .orderBy('assignments.version')
    .orderBy('assignments.user_id')
    .limit(arg<number>(4)),
);

/** A row of one of the queries above: its key columns, then its JSON text. */
type KeyedRow = readonly unknown[];

/** Pages of `read(after)` until one comes back short; `keyOf` gives a row's place. */
async function* pagesOf<K>(
  first: K,
  read: (after: K) => Promise<KeyedRow[]>,
  keyOf: (row: KeyedRow) => K,
): AsyncGenerator<string[]> {
  let after = first;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield rows.map((row) => row[row.length - 1] as string);
    if (rows.length < PAGE_ROWS) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

const byId = (row: KeyedRow) => row[0] as string;
const byVersionAndId = (row: KeyedRow): [number, string] => [Number(row[0]), row[1] as string];

/** A license's devices (only one user's, with `onlyUserId`), by id, as JSON texts a page at a time. */
export function devicePages(db: Kysely<Database>, licenseId: string, onlyUserId?: string): AsyncGenerator<string[]> {
  const read = onlyUserId
    ? (after: string) => ownDevices(db, licenseId, after, PAGE_ROWS, onlyUserId)
    : (after: string) => allDevices(db, licenseId, after, PAGE_ROWS);
  return pagesOf('', read, byId);
}

/** Devices changed after `version` (one user's only, with `onlyUserId`), by version and id, a page at a time. */
export function changedDevicePages(
  db: Kysely<Database>,
  licenseId: string,
  version: number,
  onlyUserId?: string,
): AsyncGenerator<string[]> {
  const read = onlyUserId
    ? ([v, id]: [number, string]) => ownChangedDevices(db, licenseId, version, v, id, PAGE_ROWS, onlyUserId)
    : ([v, id]: [number, string]) => changedDevices(db, licenseId, version, v, id, PAGE_ROWS);
  return pagesOf<[number, string]>([version, ''], read, byVersionAndId);
}

/** A license's seat holders, by user id, a page at a time. */
export function seatPages(db: Kysely<Database>, licenseId: string): AsyncGenerator<string[]> {
  return pagesOf('', (after) => allSeats(db, licenseId, after, PAGE_ROWS), byId);
}

/** Seat holders whose seat changed after `version`, a page at a time. */
export function changedSeatPages(db: Kysely<Database>, licenseId: string, version: number): AsyncGenerator<string[]> {
  return pagesOf<[number, string]>(
    [version, ''],
    ([v, id]) => changedSeats(db, licenseId, version, v, id, PAGE_ROWS),
    byVersionAndId,
  );
}
