import type { Catalog } from '../catalog';
import type { Locale } from '../locales';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

/** Every language's catalog. */
export const CATALOGS: Record<Locale, Catalog> = { en, es, fr, de };
