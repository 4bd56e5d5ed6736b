import type { Kysely, Migration } from 'kysely';

/** The activity tab pages through one license's events, newest first: index them that way. */
export const licenseEvents: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema.createIndex('audit_license_id').on('audit_events').columns(['license_id', 'id']).execute();
  },
};
