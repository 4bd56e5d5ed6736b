import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PortalDb } from './database';
import { readFirstPaint } from './first-paint';
import { DB_VERSION } from './versions';

/**
 * The first-paint reader opens the database without Dexie and trusts Dexie's own numbering of
 * IndexedDB versions (schema version n is IndexedDB version 10n). These tests pin that numbering
 * to the installed Dexie: an upgrade that numbers versions otherwise fails here, not on devices.
 */
const name = () => `first-paint-dexie-${Math.random().toString(36).slice(2)}`;

function idbVersionOf(database: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => {
      resolve(request.result.version);
      request.result.close();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('the Dexie version numbering the first-paint reader relies on', () => {
  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'schema version %s: Dexie opens schema version n as IndexedDB version 10n',
    async (upTo) => {
      const db = new PortalDb(name(), { upTo });
      await db.open();
      expect(db.verno).toBe(upTo);
      db.close();
      expect(await idbVersionOf(db.name)).toBe(upTo * 10);
    },
  );

  it(`holds for the installed Dexie (${Dexie.semVer}), and the reader reads its current database`, async () => {
    const db = new PortalDb(name());
    await db.open();
    db.close();
    expect(await idbVersionOf(db.name)).toBe(DB_VERSION * 10);
    expect(await readFirstPaint(db.name)).not.toBeNull();
  });
});
