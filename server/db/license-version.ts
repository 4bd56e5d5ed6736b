import { sql, type Kysely } from 'kysely';
import { arg, compiledQuery } from './compiled';
import type { Database } from './schema';

/** How one write changed a license's counters (differences, not totals). */
export interface CounterChange {
  activeDevices?: number;
  seats?: number;
  deactivations?: number;
}

const bump = compiledQuery((db) =>
  db
    .updateTable('licenses')
    .set((eb) => ({
      version: eb('version', '+', 1),
      active_devices: eb('active_devices', '+', arg<number>(1)),
      seats_used: eb('seats_used', '+', arg<number>(2)),
      deactivation_count: eb('deactivation_count', '+', arg<number>(3)),
    }))
    .where('id', '=', arg(0))
    .returning(['version', 'deactivation_count']),
);

/**
 * Records a change to the license's devices, assignments or managers: the version goes up by one
 * and the counters by the given differences. Call it under the license lock (or inside the write
 * transaction that holds SQLite's one write lock), in the transaction of the change itself.
 */
export async function bumpLicense(
  db: Kysely<Database>,
  licenseId: string,
  change: CounterChange = {},
): Promise<{ version: number; deactivationCount: number }> {
  const { rows } = await bump(db, 0, [
    licenseId,
    change.activeDevices ?? 0,
    change.seats ?? 0,
    change.deactivations ?? 0,
  ]);
  const row = rows[0];
  if (!row) throw new Error(`license ${licenseId} does not exist`);
  return { version: Number(row.version), deactivationCount: Number(row.deactivation_count) };
}

/** The version the next change of the license will get (for rows written before bumpLicense). */
export function nextVersion(db: Kysely<Database>, licenseId: string) {
  return db
    .selectFrom('licenses')
    .select(sql<number>`version + 1`.as('v'))
    .where('id', '=', licenseId);
}

/** A license's version and counters as a sync chunk computed them under its lock, written once. */
export async function saveLicenseCounters(
  db: Kysely<Database>,
  licenseId: string,
  state: { version: number; active_devices: number; seats_used: number; deactivation_count: number },
): Promise<void> {
  await db
    .updateTable('licenses')
    .set({
      version: state.version,
      active_devices: state.active_devices,
      seats_used: state.seats_used,
      deactivation_count: state.deactivation_count,
    })
    .where('id', '=', licenseId)
    .execute();
}
