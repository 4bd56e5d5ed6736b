import type { Kysely, Migration } from 'kysely';

/**
 * Where a company's "contact us" and "upgrade" messages link, set by the vendor's CLI. Null: the
 * server's CONTACT_URL / UPGRADE_URL apply.
 */
export const companyLinks: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema.alterTable('companies').addColumn('contact_url', 'text').execute();
    await db.schema.alterTable('companies').addColumn('upgrade_url', 'text').execute();
  },
};
