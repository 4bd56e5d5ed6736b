import type { Kysely, Migration } from 'kysely';

/**
 * The vendor public keys the server trusts, as it was last started with them (VENDOR_PUBLIC_KEY_FILE).
 * The CLIs verify what they import into the database against these, not against their own shell's
 * settings, and once a real key is recorded the demo key is neither trusted nor made for it.
 */
export const vendorKeys: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable('vendor_keys')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey())
      .addColumn('public_pem', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
  },
};
