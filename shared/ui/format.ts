import { daysUntilExpiry, limitState, remaining, type LimitState } from '../domain';
import { agoText as agoMessage, dateText as localDate, dateTimeText as localDateTime, numberText } from '../i18n';
import { timeOfDayText } from '../i18n';
import { relativeText, text, type Text } from '../i18n';
import type { Counter } from '../schemas';
import { useText } from './i18n';

export function counterState(c: Counter): LimitState {
  return limitState(c.used, c.max);
}

// In the reader's language: Texts, and useFormat() for components.

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
    /** "14:02 UTC" today, else with its date. */
    at: (iso: string, now: Date) => tx(timeOfDayText(iso, now, locale.value)),
    number: (n: number) => numberText(n, locale.value),
  };
}
