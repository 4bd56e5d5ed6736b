import { readFirstPaint } from '@shared/db';
import { en } from '@shared/i18n';
import { createApp } from 'vue';
import { portalPlugin, useOutboxStore, useSessionStore } from '@shared/stores';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey, startPreferences } from '@shared/ui/preferences';
import App from './App.vue';
import { captureInstallPrompt } from './composables/useInstallPrompt';
import { createPortalRouter, preloadPage } from './router';
import './styles.css';

// Before anything is awaited: the browser may offer installation while the session restores.
captureInstallPrompt();

// Wiring only: same-origin API (the server serves this app), one database, the stores.
async function start() {
  const app = createApp(App);
  // The reader's language (remembered, else the browser's) and colour scheme, before any text shows.
  const i18n = createPortalI18n(en);
  const preferences = startPreferences(i18n);
  app.use(i18n);
  const router = createPortalRouter();
  preloadPage(router, location.pathname + location.search);
  // What the first screen shows (the session, the licenses, the outbox), read from the device with
  // plain IndexedDB: the database's own code (Dexie) loads once the page has shown. Null only when
  // this build must upgrade the database first: then the stores wait for it, as they read it.
  const firstPaint = await readFirstPaint();
  const wiring = portalPlugin({ baseURL: '', firstPaint });
  app.use(wiring);
  // The session from the device first, so a reload stays signed in and the cached pages show at
  // once (offline too); the server checks it while they do.
  const session = useSessionStore();
  const resumed = await session.resume();
  app.use(router);
  app.provide(PreferencesKey, await preferences);
  await router.isReady().catch(() => undefined);
  app.mount('#app');
  if (resumed) void session.verify();
  // Once the page has shown what it has: the database opens and the outbox resumes (sends what
  // waits, when online).
  setTimeout(() => {
    wiring.portal.open();
    void useOutboxStore().start();
  }, 0);
}

void start();
