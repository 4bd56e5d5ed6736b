import { openDatabase, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

/** The database both command lines work on: DATABASE_URL's, as the server's. */
export const databaseUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.DATABASE_URL || 'sqlite:./data/portal.db';

/** Opens and migrates the database of DATABASE_URL, runs `work` on it and closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseUrl());
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
  }
}
