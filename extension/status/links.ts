import { portalLinks, type PortalLinks } from '@shared/domain';
import type { LicenseStatusView } from '@shared/schemas';

export type PortalLinkKey = keyof PortalLinks;
export interface PortalLink {
  key: PortalLinkKey;
  label: string;
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

const LABELS: Record<PortalLinkKey, string> = {
  licenses: 'Licenses',
  license: 'License',
  devices: 'Devices',
  users: 'Users',
};

/** Licenses, License, Devices, and Users for managers only, as labelled links. */
export function licenseLinks(portalUrl: string, license: Pick<LicenseStatusView, 'id' | 'role'>): PortalLink[] {
  const urls = portalLinks(portalUrl, license.id, license.role);
  return (Object.keys(LABELS) as PortalLinkKey[]).flatMap((key) => {
    const url = urls[key];
    return url ? [{ key, label: LABELS[key], url }] : [];
  });
}
