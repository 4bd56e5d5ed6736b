import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageFor } from '@shared/domain';
import { findAnyLicense } from '../db/licenses';
import { findCompanyByPublicId } from '../db/users';
import { unsignedCompanies } from '../db/license-files';
import { vendorTrust } from '../licensing/trust';
import { serverKey } from '../services/server-key';
import { signedExport } from '../vendor/decisions';
import { signGrantCode } from '../vendor/grant';
import { signingKey, writeKeyPair } from '../vendor/vendor-key';
import { count, optional, required, UsageError } from './args';
import type { VendorCommand } from './commands';
import { importLicenseFile } from './license-import';
import { VendorError } from './operations';

const str = { type: 'string' } as const;
const databaseUrl = () => process.env.DATABASE_URL || 'sqlite:./data/portal.db';

/**
 * Signed vendor data on the command line. The customer's IT: `license-file import`, `server key`
 * (the fingerprint to send the vendor), `license-file status`. The vendor: `vendor-key create`,
 * `license-file export` (needs VENDOR_KEY_FILE).
 */
export const LICENSE_FILE_COMMANDS: Record<string, VendorCommand> = {
  'license-file import': {
    usage:
      "license-file import --file F [--company X]   (a license file the vendor signed; --company: refuse another company's)",
    options: { file: str, company: str },
    run: async (db, f) => {
      const path = required(f, 'file');
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new VendorError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
      }
      const company = optional(f, 'company');
      const trust = await vendorTrust(process.env, databaseUrl());
      const result = await importLicenseFile(db, text, trust.keys, company ? { expectCompany: company } : {});
      if (!result.ok)
        throw new VendorError(
          `${result.code}: ${messageFor(result.code)}${result.detail ? ` (${result.detail})` : ''}`,
        );
      return {
        company: result.company,
        serial: result.serial,
        changes: result.changes,
        createdAccounts: result.createdAccounts,
      };
    },
  },
  'license-file status': {
    usage: 'license-file status   (which companies run on a signed license file, and the trusted vendor keys)',
    options: {},
    run: async (db) => {
      const trust = await vendorTrust(process.env, databaseUrl());
      const rows = await db.kysely
        .selectFrom('license_files')
        .innerJoin('companies', 'companies.id', 'license_files.company_id')
        .select([
          'companies.public_id as company',
          'license_files.serial',
          'license_files.signed_by',
          'license_files.imported_at',
        ])
        .orderBy('companies.public_id')
        .execute();
      return {
        vendorKeys: { source: trust.source, fingerprints: trust.keys.map((k) => k.fingerprint) },
        signed: rows.map((r) => ({
          company: r.company,
          serial: r.serial,
          signedBy: r.signed_by,
          importedAt: r.imported_at,
        })),
        unsigned: await unsignedCompanies(db.kysely),
      };
    },
  },
  'license-file export': {
    usage:
      "license-file export --company X --out F [--server-key FINGERPRINT,...]   (vendor: sign the company's file anew, naming the server keys)",
    options: { company: str, out: str, 'server-key': str },
    run: async (db, f) => {
      const company = required(f, 'company');
      if (!(await findCompanyByPublicId(db.kysely, company)))
        throw new VendorError(`--company: no company "${company}"`);
      const keys = optional(f, 'server-key')
        ?.split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
      return signedExport({ db, databaseUrl: databaseUrl(), env: process.env, out: required(f, 'out') }, company, keys);
    },
  },
  grant: {
    usage:
      "grant --license ID (--raise N | --reset) [--expires-in-days 7]   (vendor: a signed single-use code that raises or resets one license's deactivation limit)",
    options: { license: str, raise: str, reset: { type: 'boolean' }, 'expires-in-days': str },
    run: async (db, f) => {
      const licenseId = required(f, 'license');
      const raise = optional(f, 'raise');
      if ((raise === undefined) === (f.reset !== true)) throw new UsageError('give one of --raise N or --reset');
      const raiseBy = raise === undefined ? undefined : count('raise', raise);
      if (raiseBy === 0) throw new UsageError('--raise must be at least 1');
      const days = count('expires-in-days', optional(f, 'expires-in-days') ?? '7');
      if (!(await findAnyLicense(db.kysely, licenseId))) throw new VendorError(`--license: no license "${licenseId}"`);
      const expiresAt = new Date(Date.now() + days * 86_400_000);
      const { key } = signingKey(process.env, databaseUrl(), false);
      const code = await signGrantCode({ licenseId, ...(raiseBy ? { raiseBy } : { reset: true }), expiresAt }, key);
      return { code, licenseId, expiresAt: expiresAt.toISOString() };
    },
  },
  'server key': {
    usage: "server key   (this server's key fingerprint: send it to the vendor with a license file request)",
    options: {},
    run: async (db) => ({ fingerprint: (await serverKey(db)).publicKey.fingerprint }),
  },
  'vendor-key create': {
    usage:
      'vendor-key create --out-dir DIR   (vendor: a new Ed25519 key pair, vendor-key.pem (0600) and vendor-public.pem)',
    options: { 'out-dir': str },
    run: async (_db, f) => {
      const dir = required(f, 'out-dir');
      const privatePath = join(dir, 'vendor-key.pem');
      if (existsSync(privatePath))
        throw new VendorError(`--out-dir: ${privatePath} exists; keys are never overwritten`);
      const publicPath = join(dir, 'vendor-public.pem');
      writeKeyPair(privatePath, publicPath);
      const { parsePublicKey } = await import('../licensing/keys');
      const { fingerprint } = await parsePublicKey(readFileSync(publicPath, 'utf8'), publicPath);
      return { privateKey: privatePath, publicKey: publicPath, fingerprint };
    },
  },
};
