import { errorText, limitState, noticeText, type ErrorCode, type VendorLinks } from '@shared/domain';
import { agoText, text, type Text } from '@shared/i18n';
import type { Counter, LicenseStatusView } from '@shared/schemas';
import { counterMessage, expiryMessage, leftMessage } from '@shared/ui/format';
import type { Session, StatusCache } from '../storage/schemas';
import { expiryState, licenseHealth, type ExpiryState, type LicenseHealth } from './license-state';
import { licenseLink, portalLink, signInUrl, type PortalLink } from './links';

/*
 * Everything here is a Text (a catalog key and its values), never words: the popup translates
 * them in the reader's language, and re-renders when it changes. Relative times ("5 minutes ago")
 * are built by Intl in `locale`, so the view is computed again when the language changes.
 */

/** What the popup is doing: one value, never two contradicting flags. */
export type PopupPhase = 'loading' | 'refreshing' | 'idle' | 'offline' | 'error' | 'signed_out';

export interface Notice {
  level: 'danger' | 'warning' | 'info';
  text: Text;
  /** The message's code, when it has one: "contact us" and "upgrade" codes get the vendor's link. */
  code?: string;
}

interface CounterView {
  counter: Counter;
  text: Text;
  left: Text;
}

export interface LicenseCardView {
  id: string;
  name: string;
  roleText: Text;
  health: LicenseHealth;
  activations: CounterView;
  seats: CounterView;
  deactivations: CounterView;
  expiry: ExpiryState;
  expiryText: Text;
  notices: Notice[];
  /** The one page of the portal that fixes its problem, else its License page. */
  link: PortalLink;
}

export interface PopupView {
  phase: PopupPhase;
  userName: string | null;
  licenses: LicenseCardView[];
  /** "numbers from the last successful check, 5 minutes ago", or null before the first successful refresh. */
  lastChecked: Text | null;
  /** Why the numbers may be stale or missing: offline, error, signed out. */
  banner: Notice | null;
  signInUrl: string;
  /** The portal itself, a quieter link below the licenses. */
  portal: PortalLink;
  /** Where "contact us" and "upgrade" link, as the portal's last answer said (null: no link). */
  vendorLinks: VendorLinks | null;
}

export interface PopupInput {
  phase: PopupPhase;
  session: Session | null;
  cache: StatusCache;
  portalUrl: string;
  now: Date;
  /** The reader's language, for relative times ("vor 5 Minuten"); English when not given. */
  locale?: string;
}

/** Everything the popup renders, from plain data: the popup component only lays it out. */
export function popupView(input: PopupInput): PopupView {
  const { phase, session, cache, portalUrl, now, locale = 'en' } = input;
  const signedIn = phase !== 'signed_out' && session !== null;
  const licenses =
    signedIn && cache.status ? cache.status.licenses.map((l) => licenseCard(l, portalUrl, now, locale)) : [];
  return {
    phase,
    userName: signedIn ? session.user.name || session.user.email : null,
    licenses,
    lastChecked:
      cache.checkedAt && signedIn ? text('popup.lastChecked', { when: agoText(cache.checkedAt, now, locale) }) : null,
    banner: bannerFor(phase, cache),
    signInUrl: signInUrl(portalUrl),
    portal: portalLink(portalUrl),
    vendorLinks: signedIn ? (cache.status?.links ?? null) : null,
  };
}

/** One license as the popup shows it: counters, expiry, role, plain-word notices, its link. */
export function licenseCard(license: LicenseStatusView, portalUrl: string, now: Date, locale = 'en'): LicenseCardView {
  return {
    id: license.id,
    name: license.name,
    roleText: text(`popup.roles.${license.role}`),
    health: licenseHealth(license),
    activations: counterView(license.activations),
    seats: counterView(license.seats),
    deactivations: counterView(license.deactivations),
    expiry: expiryState(license.validUntil, now),
    expiryText: expiryMessage(license.validUntil, now, locale),
    notices: licenseNotices(license, now),
    link: licenseLink(portalUrl, license),
  };
}

/** Plain-word notices at or near a limit, worst first. */
function licenseNotices(license: LicenseStatusView, now: Date): Notice[] {
  const notices: Notice[] = [];
  const error = (level: Notice['level'], code: ErrorCode) => notices.push({ level, text: errorText(code), code });
  if (license.status === 'disabled') error('danger', 'license_disabled');
  if (license.status === 'inactive') error('warning', 'license_inactive');
  const expiry = expiryState(license.validUntil, now);
  if (expiry === 'expired') error('danger', 'license_expired');
  if (expiry === 'soon') notices.push({ level: 'warning', text: noticeText('license_expires_soon') });

  const activations = limitState(license.activations.used, license.activations.max);
  if (activations === 'at_limit') error('danger', 'activation_limit_reached');
  if (activations === 'near') notices.push({ level: 'warning', text: noticeText('activations_nearly_used') });

  const deactivations = limitState(license.deactivations.used, license.deactivations.max);
  if (deactivations === 'at_limit') error('danger', 'deactivation_limit_reached');
  if (deactivations === 'near') notices.push({ level: 'warning', text: noticeText('deactivations_nearly_used') });

  // Only a manager can act on a full license (assign, buy more), so only a manager is told.
  const seats = limitState(license.seats.used, license.seats.max);
  if (seats === 'at_limit' && license.role === 'license_manager') error('info', 'max_license_users_reached');
  return notices;
}

function counterView(counter: Counter): CounterView {
  return { counter, text: counterMessage(counter), left: leftMessage(counter) };
}

/** The client's own words for the last failure's code, never the server's English `message`. */
function bannerFor(phase: PopupPhase, cache: StatusCache): Notice | null {
  if (phase === 'signed_out') {
    const ended = cache.lastError?.code === 'unauthorized';
    return { level: 'info', text: ended ? errorText('unauthorized') : noticeText('signed_out') };
  }
  if (phase === 'offline') return { level: 'warning', text: errorText(cache.lastError?.code ?? 'network_error') };
  if (phase === 'error') return { level: 'danger', text: errorText(cache.lastError?.code ?? 'internal_error') };
  return null;
}
