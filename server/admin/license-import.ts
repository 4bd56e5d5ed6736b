import type { LicenseChange } from '@shared/domain';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connect';
import {
  currentLicenseFile,
  dismissManager,
  managerEmailsOf,
  setLicenseIdentity,
  storeLicenseFile,
} from '../db/license-files';
import { writeTransaction } from '../db/transaction';
import { findAnyLicense, licenseFacts, lockLicense, type LicenseRow } from '../db/licenses';
import { findCompanyByPublicId, findUserByEmail } from '../db/users';
import type { PublicKey } from '../licensing/keys';
import { verifyLicenseFile, type LicenseFileLicense, type LicenseFilePayload } from '../licensing/license-file';
import {
  changeLicense,
  createCompany,
  createLicense,
  createUser,
  liftLimit,
  makeManager,
  vendorAudit,
} from './operations';

/** Why an import is refused: a catalog code each (`errors.<code>`), with a detail for the operator. */
type ImportRefusal =
  | 'license_file_malformed'
  | 'license_file_unknown_key'
  | 'license_file_bad_signature'
  | 'license_file_no_vendor_key'
  | 'license_file_wrong_company'
  | 'license_file_stale_serial';

export interface ImportOptions {
  /** The company the file must be for (a manager's upload: their own); absent: the one it names. */
  expectCompany?: string;
  /** Initial passwords for manager accounts the file creates (the vendor tool's --manager-password). */
  passwords?: Record<string, string>;
  now?: Date;
}

export interface ImportedFile {
  ok: true;
  company: string;
  serial: number;
  /** What changed, one line per change (also in the activity log). */
  changes: string[];
  /** Accounts made for managers the file names, each with its initial password (shown once). */
  createdAccounts: Array<{ email: string; password?: string }>;
  payload: LicenseFilePayload;
}

export type ImportResult = ImportedFile | { ok: false; code: ImportRefusal; detail?: string };

/**
 * Imports a signed license file: refused (nothing written) for a bad signature, an unknown key,
 * another company's file, or a serial not above the one stored; else the company's licenses take
 * the file's terms (a license the database has under the same id is taken over), its managers are
 * appointed (accounts made for unknown emails) and those it no longer names dismissed, a reset of the deactivation count the file carries
 * applies once, and the file becomes the company's current one.
 *
 * A lower quantity or limit removes nothing: seats, devices and activations above it stay, and
 * new assignments or activations are refused until the counts are under it again.
 */
export async function importLicenseFile(
  db: Db,
  text: string,
  trusted: readonly PublicKey[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const verified = await verifyLicenseFile(text, trusted);
  if (!verified.ok) return verified;
  const { payload } = verified;
  const companyId = payload.company.id;
  if (options.expectCompany !== undefined && options.expectCompany.toLowerCase() !== companyId.toLowerCase())
    return { ok: false, code: 'license_file_wrong_company', detail: `the file is for company ${companyId}` };
  const existing = await findCompanyByPublicId(db.kysely, companyId);
  const current = existing ? await currentLicenseFile(db.kysely, existing.id) : undefined;
  if (current && payload.serial <= current.serial)
    return {
      ok: false,
      code: 'license_file_stale_serial',
      detail: `serial ${payload.serial}, the server has ${current.serial}`,
    };
  const rows = new Map<string, LicenseRow>();
  for (const license of payload.licenses) {
    const row = await findAnyLicense(db.kysely, license.id);
    if (row && row.company_id !== existing?.id)
      return { ok: false, code: 'license_file_wrong_company', detail: `license ${license.id} is another company's` };
    if (row) rows.set(license.id, row);
  }

  const now = options.now ?? new Date();
  const changes: string[] = [];
  const createdAccounts: ImportedFile['createdAccounts'] = [];
  const company = existing ?? (await createCompany(db, { companyId, name: payload.company.name }, now));
  if (!existing) changes.push(`company ${companyId} created`);
  const companyRowId = existing?.id ?? company.id;
  const ensureAccount = async (email: string) => {
    if (await findUserByEmail(db.kysely, companyRowId, email)) return;
    const password = options.passwords?.[email];
    const made = await createUser(db, { company: companyId, email, ...(password ? { password } : {}) }, now);
    createdAccounts.push({ email: made.email, ...(made.password ? { password: made.password } : {}) });
  };
  for (const license of payload.licenses) {
    const row = rows.get(license.id);
    if (!row) {
      await createNew(db, companyId, license, ensureAccount, now);
      changes.push(`license ${license.id} created`);
      continue;
    }
    changes.push(...(await takeTerms(db, row, license, now)));
    const appointed = new Set((await managerEmailsOf(db.kysely, [license.id])).get(license.id));
    for (const email of license.managers) {
      if (appointed.has(email.toLowerCase())) continue;
      await ensureAccount(email);
      await makeManager(db, license.id, email, now);
      changes.push(`license ${license.id}: ${email} appointed manager`);
    }
    const named = new Set(license.managers.map((e) => e.toLowerCase()));
    for (const email of appointed) {
      if (named.has(email)) continue;
      await dismiss(db, row, email, now);
      changes.push(`license ${license.id}: ${email} no longer manager`);
    }
    const resetIsNew =
      license.deactivationResetSerial !== null && license.deactivationResetSerial > (current?.serial ?? 0);
    if (resetIsNew && row.deactivation_count > 0) {
      await liftLimit(db, license.id, now);
      changes.push(`license ${license.id}: deactivation count reset`);
    }
  }
  const at = now.toISOString();
  await storeLicenseFile(db.kysely, {
    company_id: companyRowId,
    serial: payload.serial,
    signed_by: verified.signedBy,
    file: text.trim(),
    imported_at: at,
  });
  await recordAudit(
    db.kysely,
    vendorAudit(
      companyRowId,
      null,
      'license_file.import',
      { serial: payload.serial, signedBy: verified.signedBy, changes },
      at,
    ),
  );
  return { ok: true, company: companyId, serial: payload.serial, changes, createdAccounts, payload };
}

/** A manager the file no longer names stops being one (audited); their seat and account stay. */
async function dismiss(db: Db, row: LicenseRow, email: string, now: Date): Promise<void> {
  const user = (await findUserByEmail(db.kysely, row.company_id, email))!;
  await writeTransaction(db, async (trx) => {
    await lockLicense(trx, db.dialect, row.company_id, row.id);
    await dismissManager(trx, row.id, user.id);
    await recordAudit(trx, vendorAudit(row.company_id, row.id, 'user.dismiss_manager', { email }, now.toISOString()));
  });
}

async function createNew(
  db: Db,
  company: string,
  license: LicenseFileLicense,
  ensureAccount: (email: string) => Promise<void>,
  now: Date,
): Promise<void> {
  const [first, ...others] = license.managers;
  await ensureAccount(first!);
  await createLicense(
    db,
    {
      id: license.id,
      company,
      name: license.name,
      kind: license.kind,
      type: license.type,
      quantity: license.quantity,
      maxActivations: license.maxActivations,
      maxDeactivations: license.maxDeactivations,
      validUntil: license.validUntil,
      status: license.status,
      manager: first!,
    },
    now,
  );
  for (const email of others) {
    await ensureAccount(email);
    await makeManager(db, license.id, email, now);
  }
}

/** Applies the file's terms to a license the database has; returns what changed. */
async function takeTerms(db: Db, row: LicenseRow, license: LicenseFileLicense, now: Date): Promise<string[]> {
  const facts = licenseFacts(row);
  const change: LicenseChange = {};
  if (facts.quantity !== license.quantity) change.quantity = license.quantity;
  if (facts.maxActivations !== license.maxActivations) change.maxActivations = license.maxActivations;
  if (facts.maxDeactivations !== license.maxDeactivations) change.maxDeactivations = license.maxDeactivations;
  if (facts.status !== license.status) change.status = license.status;
  if (!sameInstant(facts.validUntil, license.validUntil)) change.validUntil = license.validUntil;
  const lines: string[] = [];
  if (Object.keys(change).length > 0) {
    await changeLicense(db, row.id, change, now);
    lines.push(`license ${row.id}: ${JSON.stringify(change)}`);
  }
  if (row.name !== license.name || row.subscription_kind !== license.kind || row.license_type !== license.type) {
    await setLicenseIdentity(db.kysely, row.id, {
      name: license.name,
      subscription_kind: license.kind,
      license_type: license.type,
    });
    lines.push(`license ${row.id}: name, kind, type ${license.name}, ${license.kind}, ${license.type}`);
  }
  return lines;
}

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
