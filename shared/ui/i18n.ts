import type { App } from 'vue';
import { createI18n, useI18n, type MessageContext } from 'vue-i18n';
import { formatMessage, loadCatalog, resolveParams, type Catalog, type Locale, type Text } from '../i18n';

/** What the apps use of the vue-i18n instance: install it, switch its language. */
export interface PortalI18n {
  install(app: App): void;
  global: {
    locale: { value: string };
    availableLocales: string[];
    setLocaleMessage(locale: string, messages: Catalog): void;
  };
}

/**
 * vue-i18n for an app: its English (the whole catalog, or the sections the app shows) loaded, the
 * others on demand (setLocale). Messages are turned into functions by the portal's own small formatter (the one the server uses for English), so the
 * builds drop vue-i18n's message compiler (about 10 kB gzip), no message is compiled with eval
 * (the Content-Security-Policy stays strict) and each language's plural rule comes from Intl
 * (French says "0 appareil", English "0 devices").
 */
export function createPortalI18n(english: Partial<Catalog>): PortalI18n {
  return createI18n({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    messages: { en: english },
    missingWarn: false,
    fallbackWarn: false,
    messageCompiler: (message, { locale }) => {
      const template = String(message);
      return (ctx: MessageContext) => formatMessage(template, ctx.values as Record<string, string | number>, locale);
    },
  }) as unknown as PortalI18n;
}

/** Switch the app's language (loading its catalog first) and tell the page and screen readers. */
export async function setLocale(i18n: PortalI18n, locale: Locale): Promise<void> {
  if (locale !== 'en' && !i18n.global.availableLocales.includes(locale)) {
    i18n.global.setLocaleMessage(locale, await loadCatalog(locale));
  }
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** In a component: `tx(text)` turns a Text into words in the current language; `locale` is its code. */
export function useText() {
  const { t, locale } = useI18n();
  const tx = (x: Text | string): string => {
    if (typeof x === 'string') return x;
    const params = resolveParams(x.params, tx);
    return typeof params.count === 'number' ? t(x.key, params, params.count) : t(x.key, params);
  };
  return { t, tx, locale };
}
