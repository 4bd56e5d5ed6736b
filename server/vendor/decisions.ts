import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { messageFor, normalizeEmail, type LicenseChange } from '@shared/domain';
import type { Db } from '../db/connect';
import { findAnyLicense } from '../db/licenses';
import { findCompanyByPublicId, findUserByEmail, hasCompanies } from '../db/users';
import type { LicenseFilePayload } from '../licensing/license-file';
import { dataFolder } from '../licensing/trust';
import { databaseVendorTrust, realVendorKeyConfigured } from '../services/vendor-trust';
import { importLicenseFile, type ImportedFile } from '../admin/license-import';
import { describe, VendorError, type NewLicenseInput } from '../admin/operations';
import { companyPicture } from './picture';
import { signLicenseFile } from './sign';
import { signingKey } from './vendor-key';

/**
 * The vendor's decisions, as `npm run vendor` has always taken them, now made by signing: the
 * company's license file is redrawn with the change, its serial raised, signed with the vendor key
 * and imported into the database of DATABASE_URL (and written to `--out` when given).
 */
export interface DecisionContext {
  db: Db;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** Also write the signed file here. */
  out?: string | undefined;
  /** Where to tell about a demo key made now (stderr: --json output stays clean). */
  note?: (line: string) => void;
}

async function decide(
  ctx: DecisionContext,
  picture: LicenseFilePayload,
  edit: (payload: LicenseFilePayload, serial: number) => void,
  passwords?: Record<string, string>,
): Promise<ImportedFile> {
  const signing = signingKey(ctx.env, ctx.databaseUrl, {
    mayMakeDemo: !(await hasCompanies(ctx.db.kysely)),
    realKeyConfigured: await realVendorKeyConfigured(ctx.db, ctx.env),
  });
  if (signing.made)
    (ctx.note ?? console.error)(
      `Made a demo vendor key in ${dataFolder(ctx.databaseUrl)} (vendor-demo-key.pem): it signs this database's license files until VENDOR_KEY_FILE is given.`,
    );
  const serial = picture.serial + 1;
  edit(picture, serial);
  const file = await signLicenseFile({ ...picture, serial, issuedAt: new Date().toISOString() }, signing.key);
  if (ctx.out) writeFileSync(ctx.out, `${file}\n`);
  const trusted = (await databaseVendorTrust(ctx.db, ctx.env, ctx.databaseUrl)).keys;
  const result = await importLicenseFile(ctx.db, file, trusted, {
    ...(passwords ? { passwords } : {}),
  });
  if (!result.ok)
    throw new VendorError(`${result.code}: ${messageFor(result.code)}${result.detail ? ` (${result.detail})` : ''}`);
  return result;
}

async function pictureOf(ctx: DecisionContext, company: string, option = '--company') {
  const picture = await companyPicture(ctx.db, company);
  if (!picture) throw new VendorError(`${option}: no company "${company}"`);
  return picture;
}

async function licensePicture(ctx: DecisionContext, licenseId: string) {
  const row = await findAnyLicense(ctx.db.kysely, licenseId);
  if (!row) throw new VendorError(`--license: no license "${licenseId}"`);
  const company = await ctx.db.kysely
    .selectFrom('companies')
    .select('public_id')
    .where('id', '=', row.company_id)
    .executeTakeFirstOrThrow();
  const picture = (await pictureOf(ctx, company.public_id))!;
  return { picture, entry: (p: LicenseFilePayload) => p.licenses.find((l) => l.id === licenseId)! };
}

async function licenseView(ctx: DecisionContext, licenseId: string) {
  return describe((await findAnyLicense(ctx.db.kysely, licenseId))!);
}

export async function signedCreateCompany(ctx: DecisionContext, input: { companyId: string; name: string }) {
  const companyId = input.companyId.trim();
  if (await findCompanyByPublicId(ctx.db.kysely, companyId))
    throw new VendorError(`--company-id: a company "${companyId}" already exists`);
  const picture: LicenseFilePayload = {
    format: 'seat-portal/license-file/1',
    company: { id: companyId, name: input.name.trim() },
    serial: 0,
    issuedAt: new Date().toISOString(),
    serverKeys: [],
    licenses: [],
  };
  await decide(ctx, picture, () => {});
  const company = (await findCompanyByPublicId(ctx.db.kysely, companyId))!;
  return { id: company.id, companyId: company.public_id, name: company.name };
}

export async function signedCreateLicense(ctx: DecisionContext, input: NewLicenseInput) {
  const picture = await pictureOf(ctx, input.company);
  const id = randomUUID();
  const company = (await findCompanyByPublicId(ctx.db.kysely, input.company))!;
  const manager = normalizeEmail(input.manager);
  const known = await findUserByEmail(ctx.db.kysely, company.id, manager);
  const result = await decide(
    ctx,
    picture,
    (p) =>
      p.licenses.push({
        id,
        name: input.name ?? `${company.name} ${input.kind.replace('_', ' ')}`,
        kind: input.kind,
        type: input.type,
        quantity: input.quantity,
        maxActivations: input.maxActivations,
        maxDeactivations: input.maxDeactivations,
        validUntil: input.validUntil,
        status: input.status ?? 'active',
        managers: [manager],
        deactivationResetSerial: null,
      }),
    input.managerPassword ? { [manager]: input.managerPassword } : undefined,
  );
  const user = (await findUserByEmail(ctx.db.kysely, company.id, manager))!;
  const password = known
    ? undefined
    : (result.createdAccounts.find((a) => a.email === manager)?.password ?? input.managerPassword);
  return {
    license: await licenseView(ctx, id),
    manager: { id: user.id, email: user.email, ...(password ? { password } : {}) },
  };
}

export async function signedChangeLicense(ctx: DecisionContext, licenseId: string, change: LicenseChange) {
  const { picture, entry } = await licensePicture(ctx, licenseId);
  await decide(ctx, picture, (p) => {
    const license = entry(p);
    if (change.quantity !== undefined) license.quantity = change.quantity;
    if (change.maxActivations !== undefined) license.maxActivations = change.maxActivations;
    if (change.maxDeactivations !== undefined) license.maxDeactivations = change.maxDeactivations;
    if (change.status !== undefined) license.status = change.status;
    if (change.validUntil !== undefined) license.validUntil = change.validUntil;
  });
  return licenseView(ctx, licenseId);
}

export async function signedLiftLimit(ctx: DecisionContext, licenseId: string) {
  const { picture, entry } = await licensePicture(ctx, licenseId);
  await decide(ctx, picture, (p, serial) => {
    entry(p).deactivationResetSerial = serial;
  });
  return licenseView(ctx, licenseId);
}

export async function signedMakeManager(ctx: DecisionContext, licenseId: string, email: string) {
  const { picture, entry } = await licensePicture(ctx, licenseId);
  const row = (await findAnyLicense(ctx.db.kysely, licenseId))!;
  const user = await findUserByEmail(ctx.db.kysely, row.company_id, email);
  if (!user) throw new VendorError(`--email: no user ${email} in the license's company`);
  await decide(ctx, picture, (p) => {
    const license = entry(p);
    if (!license.managers.includes(user.email)) license.managers.push(user.email);
  });
  return { licenseId, userId: user.id, email: user.email };
}

/** The company's current state, signed anew (serial + 1): the file to send to the customer. */
export async function signedExport(ctx: DecisionContext, company: string, serverKeys: string[] | undefined) {
  const picture = await pictureOf(ctx, company);
  const result = await decide(ctx, picture, (p) => {
    if (serverKeys) p.serverKeys = serverKeys;
  });
  return {
    company: result.company,
    serial: result.serial,
    serverKeys: result.payload.serverKeys,
    ...(ctx.out ? { file: ctx.out } : {}),
  };
}
