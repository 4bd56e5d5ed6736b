import { defineConfig } from 'wxt';
import { clientZodAlias } from './scripts/client-zod';
import { manifestLocaleFiles } from './scripts/manifest-locales';
import { sharedAlias } from './scripts/shared-alias';
import { vueFlags } from './scripts/vue-flags';
import { vueI18nSlim } from './scripts/vue-i18n-slim';

// WXT keeps its own Vite config here; the root vite.config.ts belongs to the PWA.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  alias: sharedAlias,
  modules: ['@wxt-dev/module-vue'],
  vite: () => ({ define: vueFlags, resolve: { alias: clientZodAlias }, plugins: [vueI18nSlim()] }),
  // Explicit imports keep the layer rules checkable by ESLint (auto-imports would hide them).
  imports: false,
  // The name and description come from the catalogs, in each language (scripts/manifest-locales.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...manifestLocaleFiles());
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    browser_specific_settings: {
      gecko: {
        id: 'seat-portal@codeglass.example',
        strict_min_version: '140.0',
        // The extension sends nothing anywhere but to the user's own portal.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
});
