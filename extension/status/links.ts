import { portalLinks, type PortalLinks } from '@shared/domain';
import { text, type Text } from '@shared/i18n';
import type { LicenseStatusView } from '@shared/schemas';

type PortalLinkKey = keyof PortalLinks;
export interface PortalLink {
  key: PortalLinkKey;
  label: Text;
  url: string;
}

/*
 * Built from the portal URL the user configured, with the same function the server uses for its
 * `links`: the server may not know the address its users reach it by, the extension does.
 */

/** The portal's sign-in page. */
export function signInUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/$/, '')}/login`;
}

const KEYS: PortalLinkKey[] = ['licenses', 'license', 'devices', 'users'];

/** Licenses, License, Devices, and Users for managers only, as labelled links. */
export function licenseLinks(portalUrl: string, license: Pick<LicenseStatusView, 'id' | 'role'>): PortalLink[] {
  const urls = portalLinks(portalUrl, license.id, license.role);
  return KEYS.flatMap((key) => {
    const url = urls[key];
    return url ? [{ key, label: text(`popup.links.${key}`), url }] : [];
  });
}
