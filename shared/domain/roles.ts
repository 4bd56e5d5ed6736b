import type { Role, SubscriptionKind } from './types';

const MANAGED_KINDS: readonly SubscriptionKind[] = ['organization', 'offline_organization', 'experimental'];

/** Owners (and appointed managers) of these kinds are license managers; enterprise has none. */
export function kindHasManagers(kind: SubscriptionKind): boolean {
  return MANAGED_KINDS.includes(kind);
}

/** Whether a user who owns or was made manager of a license of `kind` manages it. */
export function isManagerOf(kind: SubscriptionKind, appointedManager: boolean): boolean {
  return appointedManager && kindHasManagers(kind);
}

/** The dashboard role: manager of any managed license, else license user. */
export function roleFor(managed: ReadonlyArray<{ kind: SubscriptionKind; appointedManager: boolean }>): Role {
  return managed.some((m) => isManagerOf(m.kind, m.appointedManager)) ? 'license_manager' : 'license_user';
}
