import type { Db } from '../db/connect';
import { parsePublicKey } from '../licensing/keys';
import { demoVendorKeyPath, demoVendorPublicKeyPath } from '../licensing/trust';
import { importLicenseFile } from '../admin/license-import';
import { companyPicture } from './picture';
import { signLicenseFile } from './sign';
import { signingKey } from './vendor-key';
import { readFileSync } from 'node:fs';

/**
 * The demo out of the box: a demo vendor key in the data folder (made now if missing) signs the
 * seeded company's license file, naming this server's key, and the file is imported. Only on a
 * database no real vendor key was ever given for: one configured with it never trusts the demo key.
 */
export async function signDemoCompany(
  db: Db,
  databaseUrl: string,
  companyId: string,
  serverKeyFingerprint: string,
): Promise<{ keyPath: string; made: boolean }> {
  const signing = signingKey({}, databaseUrl, { mayMakeDemo: true, realKeyConfigured: false });
  const picture = (await companyPicture(db, companyId))!;
  const file = await signLicenseFile(
    { ...picture, serial: picture.serial + 1, serverKeys: [serverKeyFingerprint] },
    signing.key,
  );
  const publicPath = demoVendorPublicKeyPath(databaseUrl);
  const trusted = await parsePublicKey(readFileSync(publicPath, 'utf8'), publicPath);
  const result = await importLicenseFile(db, file, [{ ...trusted, demo: true }]);
  if (!result.ok) throw new Error(`the demo license file was refused: ${result.code}`);
  return { keyPath: demoVendorKeyPath(databaseUrl), made: signing.made };
}
