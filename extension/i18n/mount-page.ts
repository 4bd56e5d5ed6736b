import { extensionEnglish } from './english';
import { createPinia } from 'pinia';
import { createApp, type Component } from 'vue';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey } from '@shared/ui/preferences';
import { startPagePreferences } from './page-preferences';

/** Mounts an extension page in the reader's language and theme (both read before the first paint). */
export async function mountPage(root: Component): Promise<void> {
  const i18n = createPortalI18n(extensionEnglish);
  const preferences = await startPagePreferences(i18n);
  createApp(root).use(createPinia()).use(i18n).provide(PreferencesKey, preferences).mount('#app');
}
