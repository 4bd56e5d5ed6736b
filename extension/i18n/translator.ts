import { translateWith, type Catalog, type Locale, type Translate } from '@shared/i18n';
import { extensionEnglish } from './english';

/** Other languages load when first needed, so the service worker starts with English alone. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  es: () => import('@shared/i18n/catalogs/es').then((m) => m.es),
  fr: () => import('@shared/i18n/catalogs/fr').then((m) => m.fr),
  de: () => import('@shared/i18n/catalogs/de').then((m) => m.de),
};

/** Texts into words in one language, where there is no Vue (the background's badge tooltip). */
export async function translatorFor(locale: Locale): Promise<Translate> {
  return translateWith(locale === 'en' ? extensionEnglish : await LOADERS[locale](), locale);
}
