import type { Kysely } from 'kysely';
import type { Database, VendorKeyTable } from './schema';

/** The vendor keys recorded as the server's (oldest first). */
export async function recordedVendorKeys(db: Kysely<Database>): Promise<VendorKeyTable[]> {
  return db.selectFrom('vendor_keys').selectAll().orderBy('recorded_at').orderBy('fingerprint').execute();
}

/** Records `keys` as the ones the server trusts now: those it no longer names are dropped (key rotation). */
export async function recordVendorKeys(db: Kysely<Database>, keys: VendorKeyTable[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fingerprints = keys.map((k) => k.fingerprint);
    let drop = trx.deleteFrom('vendor_keys');
    if (fingerprints.length > 0) drop = drop.where('fingerprint', 'not in', fingerprints);
    await drop.execute();
    for (const key of keys)
      await trx
        .insertInto('vendor_keys')
        .values(key)
        .onConflict((oc) => oc.column('fingerprint').doNothing())
        .execute();
  });
}
