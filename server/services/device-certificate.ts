import type { Device } from '@shared/schemas';
import { certificateSources } from '../db/license-files';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { signDeviceCertificate } from '../licensing/device-certificate';

/**
 * The device certificate of an activation, signed by the server's key: null while the company has
 * no signed license file (nothing of the vendor's to chain it to).
 */
export async function certificateFor(deps: AppDeps, user: UserRow, device: Device): Promise<string | null> {
  const sources = await certificateSources(deps.db.kysely, user.company_id, device.licenseId);
  if (!sources) return null;
  return signDeviceCertificate(
    {
      licenseId: device.licenseId,
      deviceId: device.id,
      hardwareId: device.hardwareId,
      validUntil: sources.valid_until,
      licenseFile: sources.file,
    },
    deps.serverKey,
    deps.now(),
  );
}
