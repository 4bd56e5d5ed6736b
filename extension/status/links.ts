import type { LicenseStatusView } from '../../shared/schemas';

export type PortalLinkKey = 'licenses' | 'license' | 'devices' | 'users';
export interface PortalLink {
  key: PortalLinkKey;
  label: string;
  url: string;
}

/*
 * Links are built from the configured portal URL and the PWA's stable routes (DESIGN.md), not
 * taken from the server's answer: the user chose which portal the extension talks to.
 */

/** The portal's sign-in page. */
export function signInUrl(portalUrl: string): string {
  return `${portalUrl}/login`;
}

/** Licenses, License, Devices, and Users for managers only. */
export function portalLinks(portalUrl: string, license: Pick<LicenseStatusView, 'id' | 'role'>): PortalLink[] {
  const page = `${portalUrl}/licenses/${encodeURIComponent(license.id)}`;
  const links: PortalLink[] = [
    { key: 'licenses', label: 'Licenses', url: `${portalUrl}/licenses` },
    { key: 'license', label: 'License', url: page },
    { key: 'devices', label: 'Devices', url: `${page}/devices` },
  ];
  if (license.role === 'license_manager') links.push({ key: 'users', label: 'Users', url: `${page}/users` });
  return links;
}
