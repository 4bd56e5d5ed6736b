import type { ErrorCode } from './codes';
import type { LicenseFacts } from './types';

/** Rule 7: why a license refuses activations now, or null when it accepts them. */
export function licenseRefusal(license: LicenseFacts, now: Date): ErrorCode | null {
  if (license.status === 'disabled') return 'license_disabled';
  if (license.status === 'inactive') return 'license_inactive';
  if (isExpired(license, now)) return 'license_expired';
  return null;
}

/** Expired once `validUntil` has passed; perpetual licenses (null) never expire. */
export function isExpired(license: Pick<LicenseFacts, 'validUntil'>, now: Date): boolean {
  return license.validUntil !== null && Date.parse(license.validUntil) <= now.getTime();
}

/**
 * Whole days until expiry (negative once expired); null for licenses that never expire.
 * At the exact expiry instant isExpired is already true, so the answer must be negative too:
 * otherwise the UI would say "expires today" about a license that refuses activations.
 */
export function daysUntilExpiry(license: Pick<LicenseFacts, 'validUntil'>, now: Date): number | null {
  if (license.validUntil === null) return null;
  const days = Math.floor((Date.parse(license.validUntil) - now.getTime()) / 86_400_000);
  return isExpired(license, now) ? Math.min(-1, days) : days;
}
