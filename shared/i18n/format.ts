import type { Catalog, Params, Text } from './catalog';
import { lookup } from './catalog';

/** One Intl.PluralRules per language: building one costs far more than asking it (every render asks). */
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Which form of a `one | other` (or `zero | one | other`) message a count takes in a language:
 * the language's own plural rule (French says "0 appareil", English "0 devices").
 */
export function pluralIndex(count: number, forms: number, locale: string): number {
  if (forms < 2) return 0;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const one = rules.select(count) === 'one';
  if (forms === 2) return one ? 0 : 1;
  return count === 0 ? 0 : one ? 1 : 2;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it: "10,000" in English, "10.000" in German, "10 000" in French. */
function numberIn(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/**
 * A message with its values filled in (the apps' vue-i18n compiles every message to this; the
 * server's English answers and tests call it directly): `{name}`, `{'@'}`, `one | other` by
 * `count`; numbers written as the language writes them.
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}, locale = 'en'): string {
  const forms = template.split(/\s*\|\s*/);
  const count = Number(params.count ?? params.n ?? 1);
  const chosen = forms[pluralIndex(count, forms.length, locale)] ?? template;
  return chosen.replace(/\{\s*(?:'([^']*)'|(\w+))\s*\}/g, (_whole, literal: string | undefined, name: string) => {
    if (literal !== undefined) return literal;
    if (!(name in params)) return `{${name}}`;
    const value = params[name];
    return typeof value === 'number' ? numberIn(locale, value) : String(value);
  });
}

/** A Text in one catalog's language; an unknown key reads as the key itself (tests catch those). */
export function translateWith(catalog: Partial<Catalog>, locale: string) {
  const translate = (t: Text): string => {
    const template = lookup(catalog, t.key);
    return template === undefined ? t.key : formatMessage(template, resolveParams(t.params, translate), locale);
  };
  return translate;
}

/** A Text's values with any nested Text translated first. */
export function resolveParams(params: Params | undefined, translate: (t: Text) => string) {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {}))
    out[name] = typeof value === 'object' ? translate(value) : value;
  return out;
}
