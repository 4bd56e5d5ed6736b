import { daysUntilExpiry, limitState, remaining, type LimitState } from '../domain';
import { agoText as agoMessage, dateText as localDate, dateTimeText as localDateTime, numberText } from '../i18n';
import { relativeText, text, type Text } from '../i18n';
import type { Counter } from '../schemas';
import { counterText, plural } from '../stores/preview-text';
import { useText } from './i18n';

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

// In the reader's language. The English-only functions above go once every caller uses these.

/** "3 of 5", or "3" when there is no limit (the gauge says "unlimited" beside it). */
export function counterMessage(c: Counter): Text {
  return c.max === null
    ? text('ui.counterUnlimited', { used: c.used })
    : text('ui.counter', { used: c.used, max: c.max });
}

/** "2 left", "none left" or "unlimited". */
export function leftMessage(c: Counter): Text {
  const left = remaining(c.used, c.max);
  if (left === null) return text('ui.unlimited');
  return left === 0 ? text('ui.noneLeft') : text('ui.left', { count: left });
}

/** "expires in 12 days", "expires today", "expired 3 days ago", "never expires". */
export function expiryMessage(validUntil: string | null, now: Date, locale: string): Text {
  const days = daysUntilExpiry({ validUntil }, now);
  if (validUntil === null || days === null) return text('ui.neverExpires');
  if (days < 0) {
    const ago = Math.floor((now.getTime() - Date.parse(validUntil)) / 86_400_000);
    return ago === 0
      ? text('ui.expiredToday')
      : text('ui.expired', { when: relativeText({ value: -ago, unit: 'day' }, locale) });
  }
  if (days === 0) return text('ui.expiresToday');
  return text('ui.expires', { when: relativeText({ value: days, unit: 'day' }, locale) });
}

/**
 * In a component: counters, dates and times in the reader's language, following it when it
 * changes (each function reads the current locale when the template renders).
 */
export function useFormat() {
  const { tx, locale } = useText();
  return {
    tx,
    locale,
    counter: (c: Counter) => tx(counterMessage(c)),
    left: (c: Counter) => tx(leftMessage(c)),
    expiry: (validUntil: string | null, now: Date) => tx(expiryMessage(validUntil, now, locale.value)),
    ago: (iso: string | null, now: Date) => tx(agoMessage(iso, now, locale.value)),
    date: (iso: string | null) => localDate(iso, locale.value),
    dateTime: (iso: string) => tx(localDateTime(iso, locale.value)),
    number: (n: number) => numberText(n, locale.value),
  };
}
