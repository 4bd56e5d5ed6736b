import type { LicenseType, Role, SubscriptionKind } from '@shared/domain';

/** Names people read for the license kinds and types (the seed portal's words). */
const KINDS: Record<SubscriptionKind, string> = {
  enterprise: 'Enterprise subscription',
  organization: 'Organization subscription',
  offline_organization: 'Offline organization subscription',
  experimental: 'Experimental subscription',
};
const TYPES: Record<LicenseType, string> = {
  perpetual: 'perpetual',
  time_limited: 'time-limited',
  subscription: 'subscription',
};

export const kindText = (kind: SubscriptionKind): string => KINDS[kind];
export const typeText = (type: LicenseType): string => TYPES[type];

const ROLES: Record<Role, string> = { license_manager: 'License manager', license_user: 'License user' };
export const roleText = (role: Role): string => ROLES[role];
