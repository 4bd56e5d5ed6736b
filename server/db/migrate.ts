import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect';
import { initial } from './migrations/001_initial';
import { syncScale } from './migrations/002_sync_scale';
import { licenseEvents } from './migrations/004_license_events';

/** Versioned migrations, in code so they ship with the server; names sort in order. */
function provider(db: Db): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': initial(db.dialect),
    '002_sync_scale': syncScale,
    '004_license_events': licenseEvents,
  };
  return { getMigrations: async () => migrations };
}

/** Brings the schema up to date; throws (and the server does not start) when a migration fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: provider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
