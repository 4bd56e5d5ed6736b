import type { Role } from './types';

/** Absolute URLs of the portal pages about one license. */
export interface PortalLinks {
  licenses: string;
  license: string;
  devices: string;
  /** Only a manager sees the Users page (rule 4): null for anyone else. */
  users: string | null;
}

/**
 * The portal pages that fix a problem with one license, on the PWA's stable routes (bookmarks and
 * the extension link to them). `origin` is the portal's URL; a trailing slash is ignored.
 */
export function portalLinks(origin: string, licenseId: string, role: Role): PortalLinks {
  const base = origin.replace(/\/$/, '');
  const page = `${base}/licenses/${encodeURIComponent(licenseId)}`;
  return {
    licenses: `${base}/licenses`,
    license: page,
    devices: `${page}/devices`,
    users: role === 'license_manager' ? `${page}/users` : null,
  };
}
