import { createHash } from 'node:crypto';
import type { Db } from '../../server/db/connect';

/**
 * What a refused request must leave alone: companies, users (passwords included), licenses and
 * their counters, managers, seats, tombstones, devices, the audit log, the signed license files and the grant codes used. Left out on purpose:
 * sessions (signing in and out is allowed to anyone), sign-in limits (a refused attempt counts)
 * and stored sync answers (a refused command's answer is kept so a resend gets the same one).
 */
const TABLES = [
  'companies',
  'users',
  'licenses',
  'license_managers',
  'assignments',
  'assignment_tombstones',
  'devices',
  'audit_events',
  'license_files',
  'grant_codes',
] as const;

/** The rows of every table above, each table's rows in a stable order. */
export async function stateRows(db: Db): Promise<Record<(typeof TABLES)[number], string[]>> {
  const entries = await Promise.all(
    TABLES.map(async (table) => {
      const rows = await db.kysely.selectFrom(table).selectAll().execute();
      return [table, rows.map((row) => JSON.stringify(row)).sort()] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<(typeof TABLES)[number], string[]>;
}

/** One hash of stateRows: equal before and after means the request changed nothing that matters. */
export async function stateDigest(db: Db): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await stateRows(db)))
    .digest('hex');
}

/** The tables whose rows differ between two stateRows: a readable reason when a digest moved. */
export function changedTables(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}
