import { isExpired, type LicenseType, type Role, type SubscriptionKind } from '@shared/domain';
import { text, type Text } from '@shared/i18n';
import type { License } from '@shared/schemas';

/** Names people read for the license kinds, types and roles (the seed portal's words in English). */
export const kindText = (kind: SubscriptionKind): Text => text(`shell.license.kinds.${kind}`);
export const typeText = (type: LicenseType): Text => text(`shell.license.types.${type}`);
export const roleText = (role: Role): Text => text(`shell.license.roles.${role}`);

/**
 * "Offline organization subscription, perpetual"; a subscription-type license is named by its
 * kind alone (every kind already says "subscription").
 */
export const kindAndTypeText = (license: License): Text =>
  license.licenseType === 'subscription'
    ? kindText(license.subscriptionKind)
    : text('shell.license.kindAndType', {
        kind: kindText(license.subscriptionKind),
        type: typeText(license.licenseType),
      });

/** Active / inactive / disabled / expired, with the tone of its badge. */
export function statusOf(license: License, now: Date): { text: Text; tone: 'ok' | 'warn' | 'danger' } {
  if (license.status === 'disabled') return { text: text('shell.license.statuses.disabled'), tone: 'danger' };
  if (isExpired(license, now)) return { text: text('shell.license.statuses.expired'), tone: 'danger' };
  if (license.status === 'inactive') return { text: text('shell.license.statuses.inactive'), tone: 'warn' };
  return { text: text('shell.license.statuses.active'), tone: 'ok' };
}
