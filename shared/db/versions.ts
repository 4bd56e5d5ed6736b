import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

/**
 * Every schema version of the one `seat-portal` database, oldest first. A version is never
 * edited once shipped: a change is a new entry with an upgrade function and a test.
 */
const VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    // v1: the cache and an outbox with a state column per command (one row write per step).
    version: 1,
    stores: {
      licenses: 'id',
      devices: 'id, licenseId',
      users: '[licenseId+id], licenseId',
      meta: 'key',
      outbox: 'seq, &opId, licenseId, state',
    },
  },
  {
    // v2: per-batch leases and outcomes; a command's state is derived, `settled` folded in later.
    version: 2,
    stores: {
      outbox: 'seq, &opId, licenseId',
      leases: 'batchId',
      outcomes: 'batchId',
    },
    upgrade: upgradeToV2,
  },
  {
    // v3: a license's devices in the Devices page's default order (active first, then by
    // hostname), so its first screen is read without reading all 10,000; the status as text.
    version: 3,
    stores: { devices: 'id, licenseId, [licenseId+state+hostname]' },
    upgrade: upgradeToV3,
  },
  {
    // v4: a batch assign's commands carry its groupId (the Changes view groups them) and the batch
    // itself is kept (every input row, queued or not); a license's activity is cached, newest first,
    // per kind too. The new index only finds rows that have the field, and no v3 row belongs to a
    // batch; the upgrade says so by checking that none claims one.
    version: 4,
    stores: {
      outbox: 'seq, &opId, licenseId, groupId',
      batches: 'groupId, licenseId',
      events: 'id, [licenseId+id], [licenseId+kind+id]',
    },
    upgrade: upgradeToV4,
  },
  {
    // v5: devices by owner, read by index: a user's devices on a license ([licenseId+userId]) and
    // whether an email owns any device (userEmail), so the Users page reads no device row. IndexedDB
    // builds a new index from the rows already there: no upgrade function.
    version: 5,
    stores: { devices: 'id, licenseId, [licenseId+state+hostname], [licenseId+userId], userEmail' },
  },
];

const SETTLED_V1 = ['applied', 'already_done', 'rejected', 'conflict'];

/** v1 rows carried `state`, `code`, `message`, `settledAt` and no `userId`: fold them into v2's shape. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const session = (await tx.table('meta').get('session')) as { value?: { user?: { id?: string } } } | undefined;
  const fallbackUser = session?.value?.user?.id ?? 'unknown';
  await tx
    .table('outbox')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const { state, code, message, settledAt } = row;
      if (typeof state === 'string' && SETTLED_V1.includes(state)) {
        row.settled = {
          outcome: state,
          settledAt: typeof settledAt === 'string' ? settledAt : String(row.createdAt),
          ...(typeof code === 'string' ? { code } : {}),
          ...(typeof message === 'string' ? { message } : {}),
        };
        // A successful assign no longer needs the initial password it carried (a refused one may be retried).
        const payload = row.payload as Record<string, unknown> | undefined;
        if (payload && (state === 'applied' || state === 'already_done')) delete payload.initialPassword;
      }
      // 'sending' in v1 meant a tab was mid-send: it is simply queued again (same opId, server dedupes).
      delete row.state;
      delete row.code;
      delete row.message;
      delete row.settledAt;
      if (typeof row.userId !== 'string') row.userId = fallbackUser;
    });
}

/** v2 devices had no `state`: the index leaves out a row without it, so each cached device gets its own. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('devices')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.state = row.active === true ? 'active' : 'inactive';
    });
}

/**
 * v3 had no batches: a row with a `groupId` (a field v3 never wrote) would point at a batch that
 * does not exist and show as an empty group, so any such field is dropped.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('outbox')
    .filter((row: Record<string, unknown>) => 'groupId' in row)
    .modify((row: Record<string, unknown>) => {
      delete row.groupId;
    });
}

/** The one database's name, and the schema version this build opens it at (Dexie's IndexedDB version is ten times it). */
export const DB_NAME = 'seat-portal';
export const DB_VERSION = VERSIONS.length;

/** Declare versions 1..upTo on a Dexie instance (tests open older versions to test upgrades). */
export function declareVersions(db: Dexie, upTo = VERSIONS.length): void {
  for (const v of VERSIONS.slice(0, upTo)) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
