import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect';
import { initial } from './migrations/001_initial';
import { syncScale } from './migrations/002_sync_scale';
import { signInLimits } from './migrations/003_sign_in_limits';
import { licenseEvents } from './migrations/004_license_events';
import { companyLinks } from './migrations/005_company_links';
import { passwordSafety } from './migrations/006_password_safety';
import { listPages } from './migrations/007_list_pages';
import { vendorSigning } from './migrations/008_vendor_signing';

/** Versioned migrations, in code so they ship with the server; names sort in order. */
function provider(db: Db): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': initial(db.dialect),
    '002_sync_scale': syncScale,
    '003_sign_in_limits': signInLimits,
    '004_license_events': licenseEvents,
    '005_company_links': companyLinks,
    '006_password_safety': passwordSafety,
    '007_list_pages': listPages,
    '008_vendor_signing': vendorSigning,
  };
  return { getMigrations: async () => migrations };
}

/** Brings the schema up to date; throws (and the server does not start) when a migration fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Unordered: migrations written on parallel branches (002, 003) apply on a database that already
  // ran one of them; each touches its own tables, so their order does not matter.
  const migrator = new Migrator({ db: db.kysely, provider: provider(db), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
