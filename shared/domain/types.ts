/** Plain data the rules decide over: no Vue, no Dexie, no fetch, no clock. */

export const SUBSCRIPTION_KINDS = ['enterprise', 'organization', 'offline_organization', 'experimental'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const LICENSE_TYPES = ['perpetual', 'time_limited', 'subscription'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

export const LICENSE_STATUSES = ['active', 'inactive', 'disabled'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const ROLES = ['license_manager', 'license_user'] as const;
export type Role = (typeof ROLES)[number];

export interface LicenseFacts {
  id: string;
  subscriptionKind: SubscriptionKind;
  licenseType: LicenseType;
  status: LicenseStatus;
  /** ISO timestamp; null = never expires (perpetual). */
  validUntil: string | null;
  quantity: number;
  /** null = unlimited */
  maxActivations: number | null;
  /** null = unlimited */
  maxDeactivations: number | null;
  deactivationCount: number;
  maxLicenseUsers: number;
}

export interface DeviceFacts {
  id: string;
  licenseId: string;
  userId: string;
  hardwareId: string;
  active: boolean;
}

export interface AssignmentFacts {
  userId: string;
  email: string;
  /** Managers keep their seat through a license reset and cannot be unassigned in the portal. */
  isManager: boolean;
}

/** Who is acting, relative to one license. */
export interface Actor {
  userId: string;
  isManager: boolean;
}
