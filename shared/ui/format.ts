import { daysUntilExpiry, limitState, remaining, type LimitState } from '../domain';
import type { Counter } from '../schemas';
import { counterText, plural } from '../stores/preview-text';

// Defined with the stores' preview texts (which need them and may not import ui): one copy, offered here to every component.
export { counterText, plural };

/** "2 left", "none left" or "unlimited". */
export function leftText(c: Counter): string {
  const left = remaining(c.used, c.max);
  if (left === null) return 'unlimited';
  return left === 0 ? 'none left' : `${left} left`;
}

export function counterState(c: Counter): LimitState {
  return limitState(c.used, c.max);
}

/** "expires in 12 days", "expires today", "expired 3 days ago", "never expires". */
export function expiryText(validUntil: string | null, now: Date): string {
  const days = daysUntilExpiry({ validUntil }, now);
  if (validUntil === null || days === null) return 'never expires';
  if (days < 0) {
    const ago = Math.floor((now.getTime() - Date.parse(validUntil)) / 86_400_000);
    return ago === 0 ? 'expired today' : `expired ${plural(ago, 'day')} ago`;
  }
  if (days === 0) return 'expires today';
  return `expires in ${plural(days, 'day')}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; "never" for null. */
export function agoText(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.round(hours / 24), 'day')} ago`;
}

/** A date for people: "27 Nov 2026". */
export function dateText(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A moment for people: "27 Nov 2026, 14:05 UTC". */
export function dateTimeText(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${dateText(iso)}, ${time} UTC`;
}
