import { limitState, portalLinks } from '@shared/domain';
import { text, type Text } from '@shared/i18n';
import type { LicenseStatusView } from '@shared/schemas';

/** What a popup link opens: the page that fixes a license's problem, its License page, or the portal. */
type PortalLinkKey = 'devices' | 'grant' | 'users' | 'license' | 'portal';
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

/** The portal itself (its dashboard): the popup's one general link, below the licenses. */
export function portalLink(portalUrl: string): PortalLink {
  return { key: 'portal', label: text('popup.links.portal'), url: `${portalUrl.replace(/\/$/, '')}/` };
}

type LinkedLicense = Pick<LicenseStatusView, 'id' | 'role' | 'activations' | 'deactivations' | 'seats'>;

/**
 * A license's one link, named for what it does there: the page that fixes its problem (a reset on
 * Devices when activations run out, the vendor's code on the License page at the deactivation limit,
 * an unassignment on Users when the seats are full), else its License page. The fixes are those the
 * reader may do: only a manager pastes a code or unassigns, and nobody resets without deactivations left.
 */
export function licenseLink(portalUrl: string, license: LinkedLicense): PortalLink {
  const urls = portalLinks(portalUrl, license.id, license.role);
  const manager = license.role === 'license_manager';
  const deactivations = limitState(license.deactivations.used, license.deactivations.max);
  const activations = limitState(license.activations.used, license.activations.max);
  if (deactivations === 'at_limit') {
    return manager
      ? { key: 'grant', label: text('popup.links.fixGrant'), url: urls.license }
      : { key: 'license', label: text('popup.links.license'), url: urls.license };
  }
  if (activations === 'at_limit' || activations === 'near')
    return { key: 'devices', label: text('popup.links.fixDevices'), url: urls.devices };
  if (urls.users && limitState(license.seats.used, license.seats.max) === 'at_limit')
    return { key: 'users', label: text('popup.links.fixUsers'), url: urls.users };
  return { key: 'license', label: text('popup.links.license'), url: urls.license };
}
