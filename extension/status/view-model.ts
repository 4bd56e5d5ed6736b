import { limitState, messageFor, noticeFor, type ErrorCode, type Role, type VendorLinks } from '@shared/domain';
import type { Counter, LicenseStatusView } from '@shared/schemas';
import { agoText, counterText, expiryText, leftText } from '@shared/ui/format';
import type { Session, StatusCache } from '../storage/schemas';
import { expiryState, licenseHealth, type ExpiryState, type LicenseHealth } from './license-state';
import { licenseLinks, signInUrl, type PortalLink } from './links';

/** What the popup is doing: one value, never two contradicting flags. */
export type PopupPhase = 'loading' | 'refreshing' | 'idle' | 'offline' | 'error' | 'signed_out';

export interface Notice {
  level: 'danger' | 'warning' | 'info';
  text: string;
  /** The message's code, when it has one: "contact us" and "upgrade" codes get the vendor's link. */
  code?: string;
}

export interface CounterView {
  counter: Counter;
  text: string;
  left: string;
}

export interface LicenseCardView {
  id: string;
  name: string;
  roleText: string;
  health: LicenseHealth;
  activations: CounterView;
  seats: CounterView;
  deactivations: CounterView;
  expiry: ExpiryState;
  expiryText: string;
  notices: Notice[];
  links: PortalLink[];
}

export interface PopupView {
  phase: PopupPhase;
  userName: string | null;
  licenses: LicenseCardView[];
  /** "last checked 5 minutes ago", or null before the first successful refresh. */
  lastChecked: string | null;
  /** Why the numbers may be stale or missing: offline, error, signed out. */
  banner: Notice | null;
  signInUrl: string;
  /** Where "contact us" and "upgrade" link, as the portal's last answer said (null: no link). */
  vendorLinks: VendorLinks | null;
}

export interface PopupInput {
  phase: PopupPhase;
  session: Session | null;
  cache: StatusCache;
  portalUrl: string;
  now: Date;
}

const ROLE_TEXT: Record<Role, string> = { license_manager: 'License manager', license_user: 'License user' };

/** Everything the popup renders, from plain data: the popup component only lays it out. */
export function popupView(input: PopupInput): PopupView {
  const { phase, session, cache, portalUrl, now } = input;
  const signedIn = phase !== 'signed_out' && session !== null;
  const licenses = signedIn && cache.status ? cache.status.licenses.map((l) => licenseCard(l, portalUrl, now)) : [];
  return {
    phase,
    userName: signedIn ? session.user.name || session.user.email : null,
    licenses,
    lastChecked: cache.checkedAt && signedIn ? `last checked ${agoText(cache.checkedAt, now)}` : null,
    banner: bannerFor(phase, cache),
    signInUrl: signInUrl(portalUrl),
    vendorLinks: signedIn ? (cache.status?.links ?? null) : null,
  };
}

/** One license as the popup shows it: counters, expiry, role, plain-word notices, links. */
export function licenseCard(license: LicenseStatusView, portalUrl: string, now: Date): LicenseCardView {
  return {
    id: license.id,
    name: license.name,
    roleText: ROLE_TEXT[license.role],
    health: licenseHealth(license),
    activations: counterView(license.activations),
    seats: counterView(license.seats),
    deactivations: counterView(license.deactivations),
    expiry: expiryState(license.validUntil, now),
    expiryText: expiryText(license.validUntil, now),
    notices: licenseNotices(license, now),
    links: licenseLinks(portalUrl, license),
  };
}

/** Plain-word notices at or near a limit, worst first. */
export function licenseNotices(license: LicenseStatusView, now: Date): Notice[] {
  const notices: Notice[] = [];
  const error = (level: Notice['level'], code: ErrorCode) => notices.push({ level, text: messageFor(code), code });
  if (license.status === 'disabled') error('danger', 'license_disabled');
  if (license.status === 'inactive') error('warning', 'license_inactive');
  const expiry = expiryState(license.validUntil, now);
  if (expiry === 'expired') error('danger', 'license_expired');
  if (expiry === 'soon') notices.push({ level: 'warning', text: noticeFor('license_expires_soon') });

  const activations = limitState(license.activations.used, license.activations.max);
  if (activations === 'at_limit') error('danger', 'activation_limit_reached');
  if (activations === 'near') notices.push({ level: 'warning', text: noticeFor('activations_nearly_used') });

  const deactivations = limitState(license.deactivations.used, license.deactivations.max);
  if (deactivations === 'at_limit') error('danger', 'deactivation_limit_reached');
  if (deactivations === 'near') notices.push({ level: 'warning', text: noticeFor('deactivations_nearly_used') });

  // Only a manager can act on a full license (assign, buy more), so only a manager is told.
  const seats = limitState(license.seats.used, license.seats.max);
  if (seats === 'at_limit' && license.role === 'license_manager') error('info', 'max_license_users_reached');
  return notices;
}

function counterView(counter: Counter): CounterView {
  return { counter, text: counterText(counter), left: leftText(counter) };
}

function bannerFor(phase: PopupPhase, cache: StatusCache): Notice | null {
  if (phase === 'signed_out') {
    const ended = cache.lastError?.code === 'unauthorized';
    return { level: 'info', text: ended ? messageFor('unauthorized') : noticeFor('signed_out') };
  }
  if (phase === 'offline') return { level: 'warning', text: cache.lastError?.message ?? messageFor('network_error') };
  if (phase === 'error') return { level: 'danger', text: cache.lastError?.message ?? messageFor('internal_error') };
  return null;
}
