import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPublicKeyFiles, type PublicKey } from './keys';

/**
 * Where the demo's vendor key lives: the folder of the SQLite file (`./data` for PostgreSQL). The
 * demo key signs only the demo; a server given VENDOR_PUBLIC_KEY_FILE never trusts it.
 */
export function dataFolder(databaseUrl: string): string {
  return databaseUrl.startsWith('sqlite:') ? dirname(databaseUrl.slice('sqlite:'.length)) : 'data';
}

export const demoVendorKeyPath = (databaseUrl: string) => join(dataFolder(databaseUrl), 'vendor-demo-key.pem');
export const demoVendorPublicKeyPath = (databaseUrl: string) => join(dataFolder(databaseUrl), 'vendor-demo-public.pem');

export interface VendorTrust {
  keys: PublicKey[];
  /** Where they come from, for the start message. */
  source: 'VENDOR_PUBLIC_KEY_FILE' | 'demo' | 'none';
}

/**
 * The vendor keys a server (and the vendor tool importing into its database) trusts: those of
 * VENDOR_PUBLIC_KEY_FILE (comma-separated, for rotation), else the demo key in the data folder.
 */
export async function vendorTrust(env: NodeJS.ProcessEnv, databaseUrl: string): Promise<VendorTrust> {
  const files = env.VENDOR_PUBLIC_KEY_FILE?.trim();
  if (files)
    return { keys: await readPublicKeyFiles('VENDOR_PUBLIC_KEY_FILE', files), source: 'VENDOR_PUBLIC_KEY_FILE' };
  const demo = demoVendorPublicKeyPath(databaseUrl);
  if (existsSync(demo)) return { keys: await readPublicKeyFiles('the demo vendor key', demo), source: 'demo' };
  return { keys: [], source: 'none' };
}
