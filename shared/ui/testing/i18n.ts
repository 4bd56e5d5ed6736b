import { en } from '../../i18n';
import type { App } from 'vue';
import type { Locale } from '../../i18n';
import { createPortalI18n } from '../i18n';
import { PreferencesKey, startPreferences } from '../preferences';

/**
 * Tests only: vue-i18n and the reader's preferences as one plugin, in `locale` (English by
 * default), remembered in memory instead of localStorage.
 */
export async function i18nForTests(locale: Locale = 'en') {
  const memory = new Map<string, string>([['seat-portal.locale', locale]]);
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
  };
  const i18n = createPortalI18n(en);
  const preferences = await startPreferences(i18n, storage, [locale]);
  return {
    i18n,
    preferences,
    install(app: App) {
      app.use(i18n);
      app.provide(PreferencesKey, preferences);
    },
  };
}
