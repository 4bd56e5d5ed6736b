import type { Db } from '../db/connect';
import { recordedVendorKeys, recordVendorKeys } from '../db/vendor-keys';
import { parsePublicKey, readPublicKeyFiles } from '../licensing/keys';
import { demoTrust, type VendorTrust } from '../licensing/trust';

async function recordedTrust(db: Db): Promise<VendorTrust | undefined> {
  const rows = await recordedVendorKeys(db.kysely);
  if (rows.length === 0) return undefined;
  const keys = await Promise.all(
    rows.map((r) => parsePublicKey(r.public_pem, `the recorded vendor key ${r.fingerprint}`)),
  );
  return { keys, source: 'recorded' };
}

/**
 * What the server trusts, at its start: its VENDOR_PUBLIC_KEY_FILE (comma-separated, for rotation),
 * recorded in the database for the CLIs; without it, the keys an earlier start recorded; only when
 * no real key was ever given, the demo key of the data folder.
 */
export async function serverVendorTrust(
  db: Db,
  configuredFiles: string | undefined,
  databaseUrl: string,
): Promise<VendorTrust> {
  const files = configuredFiles?.trim();
  if (files) {
    const keys = await readPublicKeyFiles('VENDOR_PUBLIC_KEY_FILE', files);
    const at = new Date().toISOString();
    await recordVendorKeys(
      db.kysely,
      keys.map((k) => ({
        fingerprint: k.fingerprint,
        public_pem: k.key.export({ type: 'spki', format: 'pem' }).toString(),
        recorded_at: at,
      })),
    );
    return { keys, source: 'VENDOR_PUBLIC_KEY_FILE' };
  }
  return (await recordedTrust(db)) ?? demoTrust(databaseUrl);
}

/**
 * What an import by a CLI (`license-file import`, the vendor tool's own import) is checked
 * against: the keys the database's server trusts, whatever the CLI's own shell sets. A database no
 * server has recorded keys for takes VENDOR_PUBLIC_KEY_FILE as the server would (and records it);
 * the demo key only when neither names a real key.
 */
export async function databaseVendorTrust(db: Db, env: NodeJS.ProcessEnv, databaseUrl: string): Promise<VendorTrust> {
  return (await recordedTrust(db)) ?? serverVendorTrust(db, env.VENDOR_PUBLIC_KEY_FILE, databaseUrl);
}

/** Whether a real vendor key is configured for this database (then no demo key is made or used). */
export async function realVendorKeyConfigured(db: Db, env: NodeJS.ProcessEnv): Promise<boolean> {
  return !!env.VENDOR_PUBLIC_KEY_FILE?.trim() || (await recordedVendorKeys(db.kysely)).length > 0;
}
