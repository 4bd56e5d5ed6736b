import { translateWith, type Locale, type Text } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';

/** A value with every Text in it turned into words. */
export type Words<T> = T extends Text ? string : T extends object ? { [K in keyof T]: Words<T[K]> } : T;

const isText = (value: object): value is Text =>
  typeof (value as Text).key === 'string' && Object.keys(value).every((k) => k === 'key' || k === 'params');

/** Tests only: every Text inside a value (a view, a badge) in words of `locale`, as the user reads them. */
export function words<T>(value: T, locale: Locale = 'en'): Words<T> {
  const translate = translateWith(CATALOGS[locale], locale);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if (isText(v)) return translate(v);
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
  };
  return walk(value) as Words<T>;
}
