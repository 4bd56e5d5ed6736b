import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect';
import { initial } from './migrations/001_initial';
import { syncScale } from './migrations/002_sync_scale';
import { signInLimits } from './migrations/003_sign_in_limits';
import { licenseEvents } from './migrations/004_license_events';
import { companyLinks } from './migrations/005_company_links';
import { passwordSafety } from './migrations/006_password_safety';
import { listPages } from './migrations/007_list_pages';
import { vendorSigning } from './migrations/008_vendor_signing';
import { grantCodes } from './migrations/009_grant_codes';

/** Versioned migrations, in code so they ship with the server; names sort in order. */
export function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '001_initial': initial(db.dialect),
    '002_sync_scale': syncScale,
    '003_sign_in_limits': signInLimits,
    '004_license_events': licenseEvents,
    '005_company_links': companyLinks,
    '006_password_safety': passwordSafety,
    '007_list_pages': listPages,
    '008_vendor_signing': vendorSigning,
    '009_grant_codes': grantCodes,
  };
}

/** Where a database stands against this version's migrations. */
export interface MigrationState {
  applied: string[];
  /** This version's migrations the database has not run yet. */
  pending: string[];
  /** Migrations the database ran that this version does not know: it was written by a newer one. */
  unknown: string[];
}

/** Thrown before anything is written when the database belongs to a newer version of the server. */
class NewerDatabaseError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database was upgraded by a newer version of Seat Portal (migrations ${unknown.join(', ')} are ` +
        'unknown to this one). It was left untouched: run that newer version (or later), or restore a backup ' +
        'taken before the upgrade.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Reads which migrations the database ran (none on a new database); writes nothing. */
export async function migrationState(db: Db, migrations = migrationsFor(db)): Promise<MigrationState> {
  const applied = await appliedMigrations(db);
  const known = Object.keys(migrations);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)).sort(),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const table =
    db.dialect === 'sqlite'
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`
      : sql<{ n: number }>`select count(*)::int as n from information_schema.tables
          where table_schema = current_schema() and table_name = 'kysely_migration'`;
  const { rows } = await table.execute(db.kysely);
  if (Number(rows[0]?.n ?? 0) === 0) return [];
  const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
  return names.rows.map((r) => r.name);
}

/**
 * Brings the schema up to date, all pending migrations in one transaction (SQLite and PostgreSQL
 * both roll DDL back: a migration that fails leaves the database as it was). Throws, and the server
 * does not start, when one fails or when the database is from a newer version (NewerDatabaseError,
 * checked before anything is written).
 */
export async function migrateToLatest(db: Db, migrations = migrationsFor(db)): Promise<string[]> {
  const state = await migrationState(db, migrations);
  if (state.unknown.length > 0) throw new NewerDatabaseError(state.unknown);
  if (state.pending.length === 0) return [];
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Unordered: migrations written on parallel branches (002, 003) apply on a database that already
  // ran one of them; each touches its own tables, so their order does not matter.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
