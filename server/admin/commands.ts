import type { LicenseChange } from '@shared/domain';
import type { Db } from '../db/connect';
import type { CommandSpec } from '../command-line/run';
import { listAudit } from '../db/audit';
import { findAnyLicense } from '../db/licenses';
import { findCompanyByPublicId } from '../db/users';
import {
  count,
  email,
  kinds,
  limit,
  oneOf,
  optional,
  required,
  statuses,
  types,
  UsageError,
  validity,
  type Flags,
} from './args';
import { companyLinksCommand } from './company-links';
import { SCALE, seedScale } from './scale';
import { serverKey } from '../services/server-key';
import { signDemoCompany } from '../vendor/demo';
import { createUser, listLicenses, VendorError } from './operations';
import { LICENSE_FILE_COMMANDS } from './license-file-commands';
import {
  signedChangeLicense,
  signedCreateCompany,
  signedCreateLicense,
  signedLiftLimit,
  signedMakeManager,
  type DecisionContext,
} from '../vendor/decisions';

/** One vendor command: its usage and options (command-line/run.ts) and what it does. Output is JSON-able. */
export interface VendorCommand extends CommandSpec {
  run(db: Db, flags: Flags): Promise<unknown>;
}

const str = { type: 'string' } as const;

/** A vendor decision signs the company's license file (VENDOR_KEY_FILE) and imports it; `--out` also writes it. */
const signing = (db: Db, f: Flags): DecisionContext => ({
  db,
  databaseUrl: process.env.DATABASE_URL || 'sqlite:./data/portal.db',
  env: process.env,
  out: optional(f, 'out'),
});

export const COMMANDS: Record<string, VendorCommand> = {
  'company create': {
    usage: 'company create --company-id CodeGlass --name "CodeGlass Ltd"',
    options: { 'company-id': str, name: str, out: str },
    run: (db, f) =>
      signedCreateCompany(signing(db, f), {
        companyId: required(f, 'company-id'),
        name: optional(f, 'name') ?? required(f, 'company-id'),
      }),
  },
  'company links': companyLinksCommand,
  'license create': {
    usage:
      'license create --company X --kind offline_organization --type subscription --quantity 3 --max-activations 5|unlimited --max-deactivations 5|unlimited --valid-until 2027-01-31|never --manager EMAIL [--manager-password P] [--name N]',
    options: {
      company: str,
      kind: str,
      type: str,
      quantity: str,
      'max-activations': str,
      'max-deactivations': str,
      'valid-until': str,
      manager: str,
      'manager-password': str,
      name: str,
      out: str,
    },
    run: (db, f) => {
      const managerPassword = optional(f, 'manager-password');
      const name = optional(f, 'name');
      return signedCreateLicense(signing(db, f), {
        company: required(f, 'company'),
        kind: oneOf('kind', required(f, 'kind'), kinds),
        type: oneOf('type', required(f, 'type'), types),
        quantity: count('quantity', required(f, 'quantity')),
        maxActivations: limit('max-activations', required(f, 'max-activations')),
        maxDeactivations: limit('max-deactivations', required(f, 'max-deactivations')),
        validUntil: validity('valid-until', required(f, 'valid-until')),
        manager: email('manager', required(f, 'manager')),
        ...(managerPassword ? { managerPassword } : {}),
        ...(name ? { name } : {}),
      });
    },
  },
  'license change': {
    usage:
      'license change --license ID [--quantity N] [--max-activations N|unlimited] [--max-deactivations N|unlimited] [--status active|inactive|disabled] [--valid-until ISO|never]',
    options: {
      license: str,
      quantity: str,
      'max-activations': str,
      'max-deactivations': str,
      status: str,
      'valid-until': str,
      out: str,
    },
    run: (db, f) => {
      const change: LicenseChange = {};
      const q = optional(f, 'quantity');
      const ma = optional(f, 'max-activations');
      const md = optional(f, 'max-deactivations');
      const st = optional(f, 'status');
      const vu = optional(f, 'valid-until');
      if (q !== undefined) change.quantity = count('quantity', q);
      if (ma !== undefined) change.maxActivations = limit('max-activations', ma);
      if (md !== undefined) change.maxDeactivations = limit('max-deactivations', md);
      if (st !== undefined) change.status = oneOf('status', st, statuses);
      if (vu !== undefined) change.validUntil = validity('valid-until', vu);
      if (Object.keys(change).length === 0)
        throw new UsageError(
          'license change: give at least one of --quantity, --max-activations, --max-deactivations, --status, --valid-until',
        );
      return signedChangeLicense(signing(db, f), required(f, 'license'), change);
    },
  },
  'license lift-deactivation-limit': {
    usage: 'license lift-deactivation-limit --license ID',
    options: { license: str, out: str },
    run: (db, f) => signedLiftLimit(signing(db, f), required(f, 'license')),
  },
  'license list': {
    usage: 'license list [--company X]',
    options: { company: str },
    run: async (db, f) => ({ licenses: await listLicenses(db, optional(f, 'company')) }),
  },
  'user make-manager': {
    usage: 'user make-manager --license ID --email E',
    options: { license: str, email: str, out: str },
    run: (db, f) => signedMakeManager(signing(db, f), required(f, 'license'), email('email', required(f, 'email'))),
  },
  'user create': {
    usage: 'user create --company X --email E [--password P] [--first-name F] [--last-name L]',
    options: { company: str, email: str, password: str, 'first-name': str, 'last-name': str },
    run: (db, f) => {
      const address = email('email', required(f, 'email'));
      const password = optional(f, 'password');
      if (password !== undefined && password.length < 8)
        throw new UsageError('--password must have at least 8 characters');
      const firstName = optional(f, 'first-name');
      const lastName = optional(f, 'last-name');
      return createUser(db, {
        company: required(f, 'company'),
        email: address,
        ...(password ? { password } : {}),
        ...(firstName ? { firstName } : {}),
        ...(lastName ? { lastName } : {}),
      });
    },
  },
  'demo scale': {
    usage:
      'demo scale --devices 10000 --users 500 [--name N]   (a large license in company ScaleCo, to try the portal at scale)',
    options: { devices: str, users: str, name: str },
    run: async (db, f) => {
      const name = optional(f, 'name');
      const seeded = await seedScale(db, {
        devices: count('devices', required(f, 'devices')),
        users: count('users', optional(f, 'users') ?? '100'),
        ...(name ? { name } : {}),
      });
      // A demo like the seeded company: without VENDOR_KEY_FILE its license file is signed with the
      // demo vendor key of the data folder (made now if missing), so the vendor commands work on it.
      if (!process.env.VENDOR_KEY_FILE?.trim())
        await signDemoCompany(
          db,
          signing(db, f).databaseUrl,
          SCALE.companyId,
          (await serverKey(db)).publicKey.fingerprint,
        );
      return seeded;
    },
  },
  ...LICENSE_FILE_COMMANDS,
  audit: {
    usage: 'audit [--company X] [--license ID] [--limit 50]',
    options: { company: str, license: str, limit: str },
    run: async (db, f) => {
      const companyPublicId = optional(f, 'company');
      const licenseId = optional(f, 'license');
      const n = optional(f, 'limit');
      const limit = n ? count('limit', n) : 50;
      let companyId: string | undefined;
      if (companyPublicId) {
        const company = await findCompanyByPublicId(db.kysely, companyPublicId);
        if (!company) throw new VendorError(`--company: no company "${companyPublicId}"`);
        companyId = company.id;
      }
      if (licenseId) {
        const license = await findAnyLicense(db.kysely, licenseId);
        if (!license) throw new VendorError(`--license: no license "${licenseId}"`);
        if (companyId && license.company_id !== companyId)
          throw new VendorError(`--license: license "${licenseId}" is not one of company "${companyPublicId}"`);
      }
      const events = await listAudit(db.kysely, {
        ...(companyId ? { companyId } : {}),
        ...(licenseId ? { licenseId } : {}),
        limit,
      });
      return { events };
    },
  },
};
