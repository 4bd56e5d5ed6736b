import type { Kysely, Migration } from 'kysely';

/**
 * Signed vendor data: the license file each company imported last (its serial only grows), and
 * the server's own Ed25519 key that signs device certificates (made on first start, one row).
 */
export const vendorSigning: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable('license_files')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
      .addColumn('serial', 'integer', (c) => c.notNull())
      .addColumn('signed_by', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('server_keys')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey())
      .addColumn('private_pem', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
