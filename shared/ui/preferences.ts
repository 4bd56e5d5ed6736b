import { inject, ref, type InjectionKey, type Ref } from 'vue';
import { isLocale, pickLocale, type Locale } from '../i18n';
import { setLocale, type PortalI18n } from './i18n';

/** The colour scheme a reader chose: follow the system's, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEYS = { locale: 'seat-portal.locale', theme: 'seat-portal.theme' } as const;
/** The keys the choices are stored under, for an app that keeps them elsewhere (the extension). */
export { KEYS as PREFERENCE_KEYS };

/** Where the choices are remembered on the device (localStorage in a page; a fake in tests). */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface Preferences {
  locale: Ref<Locale>;
  theme: Ref<ThemeChoice>;
  setLocale(locale: Locale): Promise<void>;
  setTheme(theme: ThemeChoice): void;
}

/** `data-theme` on <html> picks the stylesheet's light or dark colours; none follows the system. */
function applyTheme(theme: ThemeChoice, root: HTMLElement | undefined = globalThis.document?.documentElement) {
  if (!root) return;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/**
 * The reader's language and colour scheme: remembered on the device, the language defaulting to
 * the first of the browser's languages the portal speaks. Applies both at once.
 */
export async function startPreferences(
  i18n: PortalI18n,
  storage: PreferenceStorage | undefined = globalThis.localStorage,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<Preferences> {
  const saved = storage?.getItem(KEYS.locale);
  const savedTheme = storage?.getItem(KEYS.theme);
  const locale = ref<Locale>(isLocale(saved) ? saved : pickLocale(languages));
  const theme = ref<ThemeChoice>(THEMES.includes(savedTheme as ThemeChoice) ? (savedTheme as ThemeChoice) : 'system');
  await setLocale(i18n, locale.value);
  applyTheme(theme.value);
  return {
    locale,
    theme,
    async setLocale(next) {
      await setLocale(i18n, next);
      locale.value = next;
      storage?.setItem(KEYS.locale, next);
    },
    setTheme(next) {
      theme.value = next;
      applyTheme(next);
      storage?.setItem(KEYS.theme, next);
    },
  };
}

/** How the app hands the reader's preferences to its components (the header's pickers). */
export const PreferencesKey: InjectionKey<Preferences> = Symbol('preferences');

/** The reader's preferences, in a component of an app that provided them. */
export function usePreferences(): Preferences {
  const preferences = inject(PreferencesKey);
  if (!preferences) throw new Error('usePreferences() needs the app to provide PreferencesKey');
  return preferences;
}
