import type { z } from 'zod';
import { META_KEYS, SessionMetaSchema, SyncMetaSchema, type SessionMeta, type SyncMeta } from '../schemas';
import type { PortalDb } from './database';

/** Read a meta value through its schema; a missing or malformed row reads as null. */
export async function readMeta<S extends z.ZodType>(db: PortalDb, key: string, schema: S): Promise<z.infer<S> | null> {
  const row = await db.meta.get(key);
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** Write a meta value (validated, so a bug cannot store a shape the readers reject). */
export async function writeMeta<S extends z.ZodType>(
  db: PortalDb,
  key: string,
  schema: S,
  value: z.infer<S>,
): Promise<void> {
  await db.meta.put({ key, value: schema.parse(value) });
}

export const readSession = (db: PortalDb): Promise<SessionMeta | null> =>
  readMeta(db, META_KEYS.session, SessionMetaSchema);

export const EMPTY_SYNC_META: SyncMeta = {
  attempt: 0,
  nextRetryAt: null,
  lastError: null,
  blockedAuth: false,
  lastSyncAt: null,
};

export async function readSyncMeta(db: PortalDb): Promise<SyncMeta> {
  return (await readMeta(db, META_KEYS.sync, SyncMetaSchema)) ?? EMPTY_SYNC_META;
}

/** Merge a change into the sync meta row (one small write). */
export async function patchSyncMeta(db: PortalDb, patch: Partial<SyncMeta>): Promise<SyncMeta> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readSyncMeta(db)), ...patch };
    await writeMeta(db, META_KEYS.sync, SyncMetaSchema, next);
    return next;
  });
}

/** A stable id for this browser profile, kept in meta (one per database, shared by its tabs). */
export async function ensureClientId(db: PortalDb, make: () => string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_KEYS.clientId);
    if (typeof row?.value === 'string') return row.value;
    const id = make();
    await db.meta.put({ key: META_KEYS.clientId, value: id });
    return id;
  });
}
