import type { Catalog, Params, Text } from './catalog';
import { lookup } from './catalog';

/**
 * Which form of a `one | other` (or `zero | one | other`) message a count takes in a language:
 * the language's own plural rule (French says "0 appareil", English "0 devices").
 */
export function pluralIndex(count: number, forms: number, locale: string): number {
  if (forms < 2) return 0;
  const one = new Intl.PluralRules(locale).select(count) === 'one';
  if (forms === 2) return one ? 0 : 1;
  return count === 0 ? 0 : one ? 1 : 2;
}

/**
 * A message with its values filled in, for places without vue-i18n (the server's English
 * answers, tests): the same syntax the apps use (`{name}`, `{'@'}`, `one | other` by `count`).
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}, locale = 'en'): string {
  const forms = template.split(/\s*\|\s*/);
  const count = Number(params.count ?? params.n ?? 1);
  const chosen = forms[pluralIndex(count, forms.length, locale)] ?? template;
  return chosen.replace(/\{\s*(?:'([^']*)'|(\w+))\s*\}/g, (_whole, literal: string | undefined, name: string) =>
    literal !== undefined ? literal : name in params ? String(params[name]) : `{${name}}`,
  );
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
