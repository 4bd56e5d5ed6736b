import type { Device } from '@shared/schemas';
import { currentLicenseFile } from '../db/license-files';
import { findLicense } from '../db/licenses';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { signDeviceCertificate } from '../licensing/device-certificate';

/**
 * The device certificate of an activation or a check-in, signed by the server's key: null while the
 * company has no signed license file (nothing of the vendor's to chain it to).
 */
export async function certificateFor(
  deps: AppDeps,
  user: UserRow,
  device: Pick<Device, 'id' | 'licenseId' | 'hardwareId'>,
): Promise<string | null> {
  const file = await currentLicenseFile(deps.db.kysely, user.company_id);
  const license = file ? await findLicense(deps.db.kysely, user.company_id, device.licenseId) : undefined;
  if (!file || !license) return null;
  return signDeviceCertificate(
    {
      licenseId: license.id,
      deviceId: device.id,
      hardwareId: device.hardwareId,
      validUntil: license.valid_until,
      licenseFile: file.file,
    },
    deps.serverKey,
    deps.now(),
  );
}
