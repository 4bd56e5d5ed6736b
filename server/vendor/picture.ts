import type { Db } from '../db/connect';
import { currentLicenseFile, findServerKey, managerEmailsOf } from '../db/license-files';
import { listAllLicenses } from '../db/licenses';
import { findCompanyByPublicId } from '../db/users';
import { LICENSE_FILE_FORMAT, LicenseFilePayloadSchema, type LicenseFilePayload } from '../licensing/license-file';

/**
 * What the vendor has decided for one company so far, as a license file payload: the licenses and
 * managers the database holds (they are what the files imported so far made of it), with the
 * server keys and deactivation resets of the company's current file, and that file's serial (0
 * when it has none yet: the first signed file takes the company over). Undefined: no such company.
 */
export async function companyPicture(db: Db, companyPublicId: string): Promise<LicenseFilePayload | undefined> {
  const company = await findCompanyByPublicId(db.kysely, companyPublicId);
  if (!company) return undefined;
  const current = await currentLicenseFile(db.kysely, company.id);
  const previous = current ? payloadOf(current.file) : undefined;
  const serverKey = await findServerKey(db.kysely);
  const licenses = await listAllLicenses(db.kysely, company.public_id);
  const managers = await managerEmailsOf(
    db.kysely,
    licenses.map((l) => l.id),
  );
  return {
    format: LICENSE_FILE_FORMAT,
    company: { id: company.public_id, name: company.name },
    serial: current?.serial ?? 0,
    issuedAt: new Date().toISOString(),
    serverKeys: previous?.serverKeys ?? (serverKey ? [serverKey.fingerprint] : []),
    licenses: licenses.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.subscription_kind,
      type: l.license_type,
      quantity: l.quantity,
      maxActivations: l.max_activations,
      maxDeactivations: l.max_deactivations,
      validUntil: l.valid_until,
      status: l.status,
      managers: managers.get(l.id) ?? [],
      deactivationResetSerial: previous?.licenses.find((p) => p.id === l.id)?.deactivationResetSerial ?? null,
    })),
  };
}

/** The payload of a stored (already verified) license file. */
function payloadOf(file: string): LicenseFilePayload {
  const middle = file.split('.')[1] ?? '';
  return LicenseFilePayloadSchema.parse(JSON.parse(Buffer.from(middle, 'base64url').toString('utf8')));
}
