import { Hono } from 'hono';
import { LicenseFileUploadSchema } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { json } from '../http/respond';
import { parseBody } from '../http/validate';
import { uploadLicenseFile } from '../services/license-file';

/** POST /license-file: a manager imports the vendor's signed license file; behind requireSettledUser. */
export const licenseFileRoutes = new Hono<AppEnv>();

licenseFileRoutes.post('/', async (c) => {
  const body = await parseBody(c, LicenseFileUploadSchema);
  return json(c, await uploadLicenseFile(c.var.deps, c.var.user, body.file));
});
