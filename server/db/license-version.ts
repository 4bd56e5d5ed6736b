import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** How one write changed a license's counters (differences, not totals). */
export interface CounterChange {
  activeDevices?: number;
  seats?: number;
  deactivations?: number;
}

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
  const row = await db
    .updateTable('licenses')
    .set((eb) => ({
      version: eb('version', '+', 1),
      active_devices: eb('active_devices', '+', change.activeDevices ?? 0),
      seats_used: eb('seats_used', '+', change.seats ?? 0),
      deactivation_count: eb('deactivation_count', '+', change.deactivations ?? 0),
    }))
    .where('id', '=', licenseId)
    .returning(['version', 'deactivation_count'])
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), deactivationCount: Number(row.deactivation_count) };
}

/** The version the next change of the license will get (for rows written before bumpLicense). */
export function nextVersion(db: Kysely<Database>, licenseId: string) {
  return db
    .selectFrom('licenses')
    .select(sql<number>`version + 1`.as('v'))
    .where('id', '=', licenseId);
}
