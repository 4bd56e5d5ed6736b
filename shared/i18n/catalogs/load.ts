import type { Catalog } from '../catalog';
import type { Locale } from '../locales';

/**
 * The catalogs besides English, each loaded when first chosen (its own chunk in a build), so an
 * app pays only for the language it shows.
 */
export function loadCatalog(locale: Exclude<Locale, 'en'>): Promise<Catalog> {
  switch (locale) {
    case 'es':
      return import('./es').then((m) => m.es);
    case 'fr':
      return import('./fr').then((m) => m.fr);
    case 'de':
      return import('./de').then((m) => m.de);
  }
}
