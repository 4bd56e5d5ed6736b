import { seatsFor } from './limits';
import type { LicenseFacts, LicenseStatus } from './types';

/** Rule 8: what the vendor ("contact us") may change; never reachable from the portal. */
export interface LicenseChange {
  quantity?: number;
  maxActivations?: number | null;
  maxDeactivations?: number | null;
  status?: LicenseStatus;
  validUntil?: string | null;
}

/** The license after a vendor change; seats follow the quantity. */
export function applyLicenseChange<L extends LicenseFacts>(license: L, change: LicenseChange): L {
  const next = { ...license, ...definedOnly(change) };
  return { ...next, maxLicenseUsers: seatsFor(next.subscriptionKind, next.quantity) };
}

/** The vendor lifts a deactivation limit: the counter starts again from zero. */
export function liftDeactivationLimit<L extends LicenseFacts>(license: L): L {
  return { ...license, deactivationCount: 0 };
}

function definedOnly(change: LicenseChange): LicenseChange {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as LicenseChange;
}
