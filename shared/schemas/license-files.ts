import { z } from 'zod';

/** A manager uploading the license file the vendor signed (a compact JWS, as the vendor sent it). */
export const LicenseFileUploadSchema = z.object({
  file: z.string().check(z.trim(), z.minLength(1), z.maxLength(1_500_000)),
});
export type LicenseFileUpload = z.infer<typeof LicenseFileUploadSchema>;

/** What the import changed (also in the activity log). */
export const LicenseFileImportedSchema = z.object({
  company: z.string(),
  serial: z.int(),
  changes: z.array(z.string()),
});
export type LicenseFileImported = z.infer<typeof LicenseFileImportedSchema>;
