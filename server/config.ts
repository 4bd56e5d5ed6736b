import { HttpUrlSchema } from '@shared/schemas';

/**
 * An optional URL setting of the environment (CONTACT_URL, UPGRADE_URL): null when unset or empty;
 * anything but an absolute http(s) URL stops the server with the setting's name, before a client
 * would be sent a link that does not work.
 */
export function httpUrlSetting(name: string, value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  if (!HttpUrlSchema.safeParse(value.trim()).success)
    throw new Error(`${name}: "${value}" is not an http:// or https:// URL (e.g. https://vendor.example/contact)`);
  return value.trim();
}
