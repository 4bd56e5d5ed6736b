import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { VendorError } from '../admin/operations';
import { dirname } from 'node:path';
import { generateKeyPairPem, parsePrivateKey, readPrivateKeyFile } from '../licensing/keys';
import { demoVendorKeyPath, demoVendorPublicKeyPath } from '../licensing/trust';

/** No vendor key to sign with: the vendor tool says why and which setting to give (exit 1). */
class NoVendorKeyError extends VendorError {}

export interface SigningKey {
  key: KeyObject;
  /** The demo key of the data folder, not a real vendor's. */
  demo: boolean;
  /** Made just now (an empty database's first vendor command, or the first `npm start`). */
  made: boolean;
}

/** Writes a new key pair: the private key readable by its owner only. */
export function writeKeyPair(privatePath: string, publicPath: string): void {
  const { privatePem, publicPem } = generateKeyPairPem();
  mkdirSync(dirname(privatePath), { recursive: true });
  writeFileSync(privatePath, privatePem, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicPath, publicPem, { flag: 'w' });
}

/**
 * The key the vendor tool signs with: VENDOR_KEY_FILE; else the demo key in the database's data
 * folder, made when `mayMakeDemo` (an empty database, as on the demo's first start).
 */
export function signingKey(env: NodeJS.ProcessEnv, databaseUrl: string, mayMakeDemo: boolean): SigningKey {
  const file = env.VENDOR_KEY_FILE?.trim();
  if (file) return { key: readPrivateKeyFile('VENDOR_KEY_FILE', file), demo: false, made: false };
  const demo = demoVendorKeyPath(databaseUrl);
  if (existsSync(demo)) return { key: parsePrivateKey(readFileSync(demo, 'utf8'), demo), demo: true, made: false };
  if (!mayMakeDemo)
    throw new NoVendorKeyError(
      "this is the vendor's decision and needs the vendor's key: set VENDOR_KEY_FILE to the vendor's private key (PEM), or import a license file the vendor signed (\"license-file import --file F\")",
    );
  writeKeyPair(demo, demoVendorPublicKeyPath(databaseUrl));
  return { key: parsePrivateKey(readFileSync(demo, 'utf8'), demo), demo: true, made: true };
}
