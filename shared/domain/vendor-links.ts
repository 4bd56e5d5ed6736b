import type { AppNoticeCode, ErrorCode } from './codes';

/** Where a message sends the user: the vendor's contact page, or where to buy more. */
export type VendorLinkKind = 'contact' | 'upgrade';

/** The vendor's pages as this user's company has them (null: none configured). */
export interface VendorLinks {
  contact: string | null;
  upgrade: string | null;
}

export const NO_VENDOR_LINKS: VendorLinks = { contact: null, upgrade: null };

/**
 * The messages that send the user to the vendor, and where to: the one table of them. Only the
 * vendor lifts a limit or changes a manager ("contact us"); buying seats is an upgrade.
 */
export const VENDOR_LINK_CODES: Partial<Record<ErrorCode | AppNoticeCode, VendorLinkKind>> = {
  deactivation_limit_reached: 'contact',
  more_than_one_license: 'contact',
  license_disabled: 'contact',
  cannot_unassign_manager: 'contact',
  cannot_reset_manager_password: 'contact',
  max_license_users_reached: 'upgrade',
};

/** An absolute http(s) URL: the only kind a link to the vendor may have (never `javascript:`). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/\s]/i.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The vendor link a message with `code` gets, or null (no such message, or nothing configured). */
export function vendorLinkFor(
  code: string | undefined,
  links: VendorLinks | null | undefined,
): { kind: VendorLinkKind; url: string } | null {
  if (!code || !links || !Object.hasOwn(VENDOR_LINK_CODES, code)) return null;
  const kind = VENDOR_LINK_CODES[code as ErrorCode]!;
  const url = links[kind];
  return url && isHttpUrl(url) ? { kind, url } : null;
}

/** A company's own links where it has them, else the server's defaults. */
export function vendorLinksOf(own: VendorLinks, defaults: VendorLinks): VendorLinks {
  return { contact: own.contact ?? defaults.contact, upgrade: own.upgrade ?? defaults.upgrade };
}
