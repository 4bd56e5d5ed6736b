import type { Locale } from '@shared/i18n';
import type { PortalI18n } from '@shared/ui/i18n';
import {
  PREFERENCE_KEYS,
  THEMES,
  startPreferences,
  type PreferenceStorage,
  type Preferences,
  type ThemeChoice,
} from '@shared/ui/preferences';
import { localeItem, readLocale, themeItem } from '../storage/items';

/**
 * The reader's language and theme in an extension page. They live in the extension's storage (so
 * the popup, the options page and the background share them), which is asynchronous: they are
 * read before the page mounts, then written through on every change. A change made on another
 * page (the options page while the popup is open) is followed at once.
 */
export async function startPagePreferences(
  i18n: PortalI18n,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<Preferences> {
  const [chosenLocale, theme] = await Promise.all([localeItem.getValue(), themeItem.getValue()]);
  const values = new Map<string, string | null>([
    [PREFERENCE_KEYS.locale, chosenLocale],
    [PREFERENCE_KEYS.theme, theme],
  ]);
  const storage: PreferenceStorage = {
    getItem: (key) => values.get(key) ?? null,
    setItem(key, value) {
      if (values.get(key) === value) return;
      values.set(key, value);
      if (key === PREFERENCE_KEYS.locale) void localeItem.setValue(value as Locale);
      if (key === PREFERENCE_KEYS.theme) void themeItem.setValue(value as ThemeChoice);
    },
  };
  const preferences = await startPreferences(i18n, storage, languages);

  localeItem.watch(async () => {
    const next = await readLocale(languages);
    values.set(PREFERENCE_KEYS.locale, next);
    if (next !== preferences.locale.value) await preferences.setLocale(next);
  });
  themeItem.watch((next) => {
    const chosen = THEMES.includes(next) ? next : 'system';
    values.set(PREFERENCE_KEYS.theme, chosen);
    if (chosen !== preferences.theme.value) preferences.setTheme(chosen);
  });
  return preferences;
}
