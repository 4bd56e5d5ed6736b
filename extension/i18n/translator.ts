import { loadCatalog, translateWith, type Locale, type Translate } from '@shared/i18n';
import { extensionEnglish } from './english';

/**
 * Texts into words in one language, where there is no Vue (the background's badge tooltip); other
 * languages load when first needed, so the service worker starts with English alone.
 */
export async function translatorFor(locale: Locale): Promise<Translate> {
  return translateWith(locale === 'en' ? extensionEnglish : await loadCatalog(locale), locale);
}
