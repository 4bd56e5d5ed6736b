import type { PortalDb } from '../db';

/** Every `fetchedAt:<what>` meta row as a map from `<what>` to its ISO time. */
export async function fetchedAtMap(db: PortalDb): Promise<Record<string, string>> {
  const rows = await db.meta.where('key').startsWith('fetchedAt:').toArray();
  return Object.fromEntries(rows.filter((r) => typeof r.value === 'string').map((r) => [r.key.slice('fetchedAt:'.length), r.value as string]));
}
