import { text, type Text } from './catalog';

/**
 * Dates, times, relative times and numbers for people, through Intl in the reader's language.
 * Dates are shown in UTC, as the server stores them, so everyone reads the same day.
 */

/** Intl formatters, built once per language and options: building one costs far more than using it. */
const formatters = new Map<string, { format(...args: never[]): string }>();
function formatter<F extends { format(...args: never[]): string }>(kind: string, locale: string, make: () => F): F {
  const key = `${kind} ${locale}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}
const DATE = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } as const;

/** "27 Nov 2026", "27 nov 2026", "27.11.2026" style, by language. */
export function dateText(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return formatter('date', locale, () => new Intl.DateTimeFormat(locale, DATE)).format(new Date(iso));
}

/** A date and a time of day, in UTC. */
export function dateTimeText(iso: string, locale: string): Text {
  const time = formatter('time', locale, () => new Intl.DateTimeFormat(locale, TIME)).format(new Date(iso));
  return text('ui.utc', { time: `${dateText(iso, locale)}, ${time}` });
}

/** "14:02 UTC" on the day of `now`, else the date too: when something happened, as a time. */
export function timeOfDayText(iso: string, now: Date, locale: string): Text {
  if (iso.slice(0, 10) !== now.toISOString().slice(0, 10)) return dateTimeText(iso, locale);
  const time = formatter('time', locale, () => new Intl.DateTimeFormat(locale, TIME)).format(new Date(iso));
  return text('ui.utc', { time });
}

/** "5 minutes ago", "in 12 days", "vor 3 Stunden", "dans 2 jours". */
export function relativeText(fromNow: { value: number; unit: Intl.RelativeTimeFormatUnit }, locale: string): string {
  const format = formatter('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
  return format.format(fromNow.value, fromNow.unit);
}

/** How long ago an instant was, in the largest whole unit: "just now", "5 minutes ago"; null: never. */
export function agoText(iso: string | null, now: Date, locale: string): Text | string {
  if (!iso) return text('ui.never');
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return text('ui.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relativeText({ value: -minutes, unit: 'minute' }, locale);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relativeText({ value: -hours, unit: 'hour' }, locale);
  return relativeText({ value: -Math.round(hours / 24), unit: 'day' }, locale);
}

/** A number with the language's grouping ("10,000", "10.000", "10 000"). */
export function numberText(n: number, locale: string): string {
  return formatter('number', locale, () => new Intl.NumberFormat(locale)).format(n);
}
