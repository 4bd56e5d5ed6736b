import { randomUUID } from 'node:crypto';
import {
  applyLicenseChange,
  liftDeactivationLimit,
  normalizeEmail,
  type LicenseChange,
  type LicenseStatus,
  type LicenseType,
  type SubscriptionKind,
} from '@shared/domain';
import { generateInitialPassword, hashPassword } from '../auth/password';
import type { Db } from '../db/connect';
import { recordAudit } from '../db/audit';
import { insertAssignment, isAssigned } from '../db/assignments';
import {
  findAnyLicense,
  insertLicense,
  licenseCounts,
  licenseFacts,
  listAllLicenses,
  lockLicense,
  setDeactivationCount,
  setLicenseTerms,
  type LicenseRow,
} from '../db/licenses';
import { lockAccount } from '../db/accounts';
import { appointManager } from '../db/managers';
import { findCompanyByPublicId, findUserByEmail, insertCompany, insertUser } from '../db/users';
import { writeTransaction } from '../db/transaction';
import { RefusedError } from '../command-line/errors';

/**
 * Rule 8: what the vendor does from the server's CLI ("contact us"), never from the portal. A
 * refused vendor command (an unknown company, license or user, a broken rule): exit 1.
 */
export class VendorError extends RefusedError {}

export const vendorAudit = (
  companyId: string,
  licenseId: string | null,
  action: string,
  detail: Record<string, unknown>,
  at: string,
) => ({
  companyId,
  actorUserId: null,
  actor: 'vendor',
  licenseId,
  action,
  detail,
  at,
});

export async function createCompany(db: Db, input: { companyId: string; name: string }, now = new Date()) {
  const publicId = input.companyId.trim();
  if (await findCompanyByPublicId(db.kysely, publicId))
    throw new VendorError(`--company-id: a company "${publicId}" already exists`);
  const company = {
    id: randomUUID(),
    public_id: publicId,
    public_id_key: publicId.toLowerCase(),
    name: input.name.trim(),
    created_at: now.toISOString(),
  };
  await writeTransaction(db, async (trx) => {
    await insertCompany(trx, company);
    await recordAudit(
      trx,
      vendorAudit(company.id, null, 'company.create', { companyId: publicId, name: company.name }, company.created_at),
    );
  });
  return { id: company.id, companyId: company.public_id, name: company.name };
}

async function companyOrThrow(db: Db, publicId: string) {
  const company = await findCompanyByPublicId(db.kysely, publicId);
  if (!company) throw new VendorError(`--company: no company "${publicId}"`);
  return company;
}

export interface NewUserInput {
  company: string;
  email: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  mustChangePassword?: boolean;
}

/** Creates a user; without a password one is generated and returned once. */
export async function createUser(db: Db, input: NewUserInput, now = new Date()) {
  const company = await companyOrThrow(db, input.company);
  if (await findUserByEmail(db.kysely, company.id, input.email))
    throw new VendorError(`--email: ${input.email} already has an account`);
  const password = input.password ?? generateInitialPassword();
  const id = randomUUID();
  await insertUser(db.kysely, {
    id,
    companyId: company.id,
    email: input.email,
    firstName: input.firstName ?? '',
    lastName: input.lastName ?? '',
    passwordHash: await hashPassword(password),
    mustChangePassword: input.mustChangePassword ?? input.password === undefined,
    createdAt: now.toISOString(),
  });
  await recordAudit(
    db.kysely,
    vendorAudit(company.id, null, 'user.create', { userId: id, email: normalizeEmail(input.email) }, now.toISOString()),
  );
  return {
    id,
    email: normalizeEmail(input.email),
    company: company.public_id,
    ...(input.password ? {} : { password }),
  };
}

export interface NewLicenseInput {
  /** The vendor's id for it (a license file's); default: a new one. */
  id?: string;
  company: string;
  name?: string;
  kind: SubscriptionKind;
  type: LicenseType;
  quantity: number;
  maxActivations: number | null;
  maxDeactivations: number | null;
  validUntil: string | null;
  status?: LicenseStatus;
  manager: string;
  managerPassword?: string;
}

/** Creates a license with its first manager (created when unknown), who also takes a seat. */
export async function createLicense(db: Db, input: NewLicenseInput, now = new Date()) {
  const company = await companyOrThrow(db, input.company);
  let manager = await findUserByEmail(db.kysely, company.id, input.manager);
  let managerPassword: string | undefined;
  if (!manager) {
    const created = await createUser(
      db,
      {
        company: input.company,
        email: input.manager,
        ...(input.managerPassword ? { password: input.managerPassword } : {}),
      },
      now,
    );
    managerPassword = input.managerPassword ?? created.password;
    manager = (await findUserByEmail(db.kysely, company.id, input.manager))!;
  }
  const at = now.toISOString();
  const row: LicenseRow = {
    id: input.id ?? randomUUID(),
    company_id: company.id,
    name: input.name ?? `${company.name} ${input.kind.replace('_', ' ')}`,
    subscription_kind: input.kind,
    license_type: input.type,
    status: input.status ?? 'active',
    valid_until: input.validUntil,
    quantity: input.quantity,
    max_activations: input.maxActivations,
    max_deactivations: input.maxDeactivations,
    deactivation_count: 0,
    created_at: at,
    version: 0,
    active_devices: 0,
    seats_used: 0,
    pruned_version: 0,
  };
  const managerId = manager.id;
  await writeTransaction(db, async (trx) => {
    await insertLicense(trx, row);
    await appointManager(trx, row.id, managerId);
    await insertAssignment(trx, row.id, managerId, at);
    await recordAudit(trx, vendorAudit(company.id, row.id, 'license.create', { manager: manager.email }, at));
  });
  return {
    license: describe(row),
    manager: { id: managerId, email: manager.email, ...(managerPassword ? { password: managerPassword } : {}) },
  };
}

async function licenseOrThrow(db: Db, licenseId: string): Promise<LicenseRow> {
  const row = await findAnyLicense(db.kysely, licenseId);
  if (!row) throw new VendorError(`--license: no license "${licenseId}"`);
  return row;
}

/** Quantity, limits, status, validity; seats follow the quantity (applyLicenseChange). */
export async function changeLicense(db: Db, licenseId: string, change: LicenseChange, now = new Date()) {
  return writeTransaction(db, async (trx) => {
    const row = await licenseOrThrow({ ...db, kysely: trx }, licenseId);
    const next = applyLicenseChange(licenseFacts(row), change);
    await setLicenseTerms(trx, licenseId, next);
    await recordAudit(trx, vendorAudit(row.company_id, licenseId, 'license.change', { ...change }, now.toISOString()));
    return describe({
      ...row,
      quantity: next.quantity,
      max_activations: next.maxActivations,
      max_deactivations: next.maxDeactivations,
      status: next.status,
      valid_until: next.validUntil,
    });
  });
}

/** "Contact us to reset your limit": the deactivation counter starts again from zero. */
export async function liftLimit(db: Db, licenseId: string, now = new Date()) {
  return writeTransaction(db, async (trx) => {
    const row = await licenseOrThrow({ ...db, kysely: trx }, licenseId);
    const next = liftDeactivationLimit(licenseFacts(row));
    await setDeactivationCount(trx, licenseId, next.deactivationCount);
    await recordAudit(
      trx,
      vendorAudit(
        row.company_id,
        licenseId,
        'license.lift_deactivation_limit',
        { previousCount: row.deactivation_count },
        now.toISOString(),
      ),
    );
    return describe({ ...row, deactivation_count: next.deactivationCount });
  });
}

/** Appoints an existing user of the license's company as its manager (they also take a seat if free). */
export async function makeManager(db: Db, licenseId: string, email: string, now = new Date()) {
  const row = await licenseOrThrow(db, licenseId);
  const user = await findUserByEmail(db.kysely, row.company_id, email);
  if (!user) throw new VendorError(`--email: no user ${email} in the license's company`);
  const at = now.toISOString();
  await writeTransaction(db, async (trx) => {
    // The same lock the portal's assigns take, so the seat check below cannot race one (PostgreSQL).
    await lockLicense(trx, db.dialect, row.company_id, licenseId);
    // And the account's, so a manager's password reset deciding on it meanwhile goes first or after.
    await lockAccount(trx, db.dialect, user.id);
    await appointManager(trx, licenseId, user.id);
    const taken = (await licenseCounts(trx, [licenseId])).get(licenseId)!.assignments;
    const seatFree = taken < licenseFacts(row).maxLicenseUsers;
    if (seatFree && !(await isAssigned(trx, licenseId, user.id))) await insertAssignment(trx, licenseId, user.id, at);
    await recordAudit(trx, vendorAudit(row.company_id, licenseId, 'user.make_manager', { email: user.email }, at));
  });
  return { licenseId, userId: user.id, email: user.email };
}

/** Every license, or one company's (an unknown company is refused, not answered with none). */
export async function listLicenses(db: Db, companyPublicId?: string) {
  if (companyPublicId !== undefined) await companyOrThrow(db, companyPublicId);
  const rows = await listAllLicenses(db.kysely, companyPublicId);
  return rows.map((r) => ({ ...describe(r), company: r.company }));
}

/** The vendor's view of a license row. */
export function describe(row: LicenseRow) {
  const facts = licenseFacts(row);
  return { ...facts, name: row.name, companyId: row.company_id, createdAt: row.created_at };
}
