import { extensionEnglish } from './english';
import { createApp, type Component, type Plugin } from 'vue';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey } from '@shared/ui/preferences';
import { startPagePreferences } from './page-preferences';

interface MountOptions {
  /** Plugins the page needs besides i18n (the options page's pinia). */
  plugins?: Plugin[];
  /** What else must be read before the first render (the popup's cached numbers). */
  ready?: Promise<void>;
}

/** Mounts an extension page in the reader's language and theme (both read before the first paint). */
export async function mountPage(root: Component, { plugins = [], ready }: MountOptions = {}): Promise<void> {
  const i18n = createPortalI18n(extensionEnglish);
  const [preferences] = await Promise.all([
    startPagePreferences(i18n).finally(() => performance.mark('page:preferences')),
    ready,
  ]);
  const app = createApp(root).use(i18n).provide(PreferencesKey, preferences);
  for (const plugin of plugins) app.use(plugin);
  app.mount('#app');
}
