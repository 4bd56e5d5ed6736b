import { isExpired, limitState } from '@shared/domain';
import type { LicenseStatusView } from '@shared/schemas';

/** The one state a license is summed up by, worst first: what the badge colour and the card accent show. */
export type LicenseHealth = 'at_limit' | 'deactivation_limit' | 'near' | 'ok';

const RANK: Record<LicenseHealth, number> = { at_limit: 3, deactivation_limit: 2, near: 1, ok: 0 };

/** at_limit: no activation left; deactivation_limit: no reset left; near: one of them nearly used. */
export function licenseHealth(license: Pick<LicenseStatusView, 'activations' | 'deactivations'>): LicenseHealth {
  const activations = limitState(license.activations.used, license.activations.max);
  const deactivations = limitState(license.deactivations.used, license.deactivations.max);
  if (activations === 'at_limit') return 'at_limit';
  if (deactivations === 'at_limit') return 'deactivation_limit';
  if (activations === 'near' || deactivations === 'near') return 'near';
  return 'ok';
}

/** The license most in need of attention (the first one on a tie). */
export function worstLicense<L extends Pick<LicenseStatusView, 'activations' | 'deactivations'>>(
  licenses: readonly L[],
): L | null {
  let worst: L | null = null;
  for (const license of licenses) {
    if (worst === null || RANK[licenseHealth(license)] > RANK[licenseHealth(worst)]) worst = license;
  }
  return worst;
}

/** Expired, or expiring within this many days, deserves a notice. */
const EXPIRY_NOTICE_DAYS = 30;

export type ExpiryState = 'never' | 'ok' | 'soon' | 'expired';

export function expiryState(validUntil: string | null, now: Date): ExpiryState {
  if (validUntil === null) return 'never';
  if (isExpired({ validUntil }, now)) return 'expired';
  return Date.parse(validUntil) - now.getTime() <= EXPIRY_NOTICE_DAYS * 86_400_000 ? 'soon' : 'ok';
}
