import type { Kysely, Migration } from 'kysely';

/**
 * Whole lists are read page by page along an index (db/list-pages.ts): a license's devices by id,
 * its changes by (version, id). The seat holders page along the assignments' primary key
 * (license_id, user_id). The (license_id, version) indexes give way to ones that also order by id
 * within a version, so a page of a large change (a license reset stamps every device with one
 * version) starts where the last one ended instead of sorting the rest again.
 */
export const listPages: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema.createIndex('devices_license_id').on('devices').columns(['license_id', 'id']).execute();
    await db.schema
      .createIndex('devices_license_version_id')
      .on('devices')
      .columns(['license_id', 'version', 'id'])
      .execute();
    await db.schema.dropIndex('devices_license_version').execute();
    await db.schema
      .createIndex('assignments_license_version_user')
      .on('assignments')
      .columns(['license_id', 'version', 'user_id'])
      .execute();
    await db.schema.dropIndex('assignments_license_version').execute();
  },
};
