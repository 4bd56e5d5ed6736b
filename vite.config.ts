import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { en } from './shared/i18n/catalogs/en';
import { clientZodAlias } from './scripts/client-zod';
import { sharedAlias } from './scripts/shared-alias';
import { vueFlags } from './scripts/vue-flags';
import { vueI18nSlim } from './scripts/vue-i18n-slim';

const aliasList = (alias: Record<string, string>) =>
  Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));

// The PWA's build. (WXT keeps its own config in wxt.config.ts.)
export default defineConfig({
  root: 'pwa',
  resolve: { alias: [...clientZodAlias, ...aliasList(sharedAlias)] },
  define: vueFlags,
  plugins: [
    vue(),
    vueI18nSlim(),
    VitePWA({
      // Our own TypeScript service worker (pwa/src/sw.ts); the plugin only injects the precache list.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/apple-touch-icon.png'],
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'] },
      // A web manifest has one language (browsers read no per-language variants), so the install
      // prompt and the home-screen name take the English catalog's words.
      manifest: {
        name: en.shell.manifest.name,
        short_name: en.shell.manifest.shortName,
        description: en.shell.manifest.description,
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#f7f8fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      devOptions: { enabled: false, type: 'module' },
    }),
  ],
  // The lists' worker (pwa/src/lists/list-worker.ts) loads its CSV writer when an export asks.
  worker: { format: 'es', plugins: () => [vueI18nSlim()] },
  build: { outDir: '../dist/pwa', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
