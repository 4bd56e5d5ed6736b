import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { keysOf, lookup } from './catalog';
import { CATALOGS } from './catalogs';
import { formatMessage, pluralIndex } from './format';
import { LOCALES, pickLocale } from './locales';

const english = keysOf(CATALOGS.en);
/** The names a message fills in ({count}, {email}...), whatever the language. */
const placeholders = (template: string) =>
  [...new Set([...template.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]))].sort();

describe('language catalogs', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
    const keys = keysOf(CATALOGS[locale]);
    expect(
      english.filter((k) => !keys.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      keys.filter((k) => !english.includes(k)),
      'not in English',
    ).toEqual([]);
  });

  it.each(LOCALES)('%s: every message is words, fills in what English fills in, and compiles in vue-i18n', (locale) => {
    const warnings: string[] = [];
    const i18n = createI18n({
      legacy: false,
      locale,
      messages: { [locale]: CATALOGS[locale] },
      missingWarn: false,
      fallbackWarn: false,
      warnHtmlMessage: false,
    });
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      for (const key of english) {
        const template = lookup(CATALOGS[locale], key) ?? '';
        expect(template.trim(), key).not.toBe('');
        expect(placeholders(template), key).toEqual(placeholders(lookup(CATALOGS.en, key)!));
        const params = Object.fromEntries(placeholders(template).map((p) => [p, `<${p}>`]));
        const said = i18n.global.t(key, { ...params, count: 2 }, 2);
        expect(said, key).not.toBe(key);
        expect(said, key).not.toMatch(/\{\s*\w+\s*\}/);
      }
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });
});

describe('formatMessage (the server`s English, the same syntax as vue-i18n)', () => {
  it('fills in values, picks the plural form by count and the language`s rule, and keeps literals', () => {
    expect(formatMessage('{count} device | {count} devices', { count: 1 })).toBe('1 device');
    expect(formatMessage('{count} device | {count} devices', { count: 0 })).toBe('0 devices');
    expect(formatMessage('{count} appareil | {count} appareils', { count: 0 }, 'fr')).toBe('0 appareil');
    expect(formatMessage("write to help{'@'}example.com, {name}", { name: 'Dana' })).toBe(
      'write to help@example.com, Dana',
    );
    expect(pluralIndex(5, 3, 'en')).toBe(2);
  });

  it('writes numbers as the language does, and leaves text values as they are', () => {
    const devices = (locale: string) =>
      formatMessage('{used} / {max} · {name}', { used: 3, max: 10000, name: '12345' }, locale);
    expect(devices('en')).toBe('3 / 10,000 · 12345');
    expect(devices('de')).toBe('3 / 10.000 · 12345');
    expect(devices('fr')).toBe('3 / 10\u202f000 · 12345');
    expect(devices('es')).toBe('3 / 10.000 · 12345');
  });
});

describe('pickLocale', () => {
  it('takes the first of the browser`s languages the portal speaks, else English', () => {
    expect(pickLocale(['nl-NL', 'de-AT', 'fr'])).toBe('de');
    expect(pickLocale(['pt-BR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
