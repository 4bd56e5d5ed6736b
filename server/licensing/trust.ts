import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPublicKeyFiles, type PublicKey } from './keys';

/**
 * Where the demo's vendor key lives: the folder of the SQLite file (`./data` for PostgreSQL). The
 * demo key signs only the demo; a database whose server was given VENDOR_PUBLIC_KEY_FILE never
 * trusts it, nor gets one made.
 */
export function dataFolder(databaseUrl: string): string {
  return databaseUrl.startsWith('sqlite:') ? dirname(databaseUrl.slice('sqlite:'.length)) : 'data';
}

export const demoVendorKeyPath = (databaseUrl: string) => join(dataFolder(databaseUrl), 'vendor-demo-key.pem');
export const demoVendorPublicKeyPath = (databaseUrl: string) => join(dataFolder(databaseUrl), 'vendor-demo-public.pem');

export interface VendorTrust {
  /** The demo key, when trusted, is marked `demo`. */
  keys: PublicKey[];
  /**
   * Where they come from: the server's VENDOR_PUBLIC_KEY_FILE; the keys a server was last started
   * with, as the database records them; the demo key (no real key configured, ever); none.
   */
  source: 'VENDOR_PUBLIC_KEY_FILE' | 'recorded' | 'demo' | 'none';
}

/** The demo key of the data folder (marked `demo`), if there is one. */
export async function demoTrust(databaseUrl: string): Promise<VendorTrust> {
  const demo = demoVendorPublicKeyPath(databaseUrl);
  if (!existsSync(demo)) return { keys: [], source: 'none' };
  const [key] = await readPublicKeyFiles('the demo vendor key', demo);
  return { keys: [{ ...key!, demo: true }], source: 'demo' };
}
