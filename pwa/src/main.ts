import { readFirstPaint } from '@shared/db';
import { en } from '@shared/i18n';
import { createApp } from 'vue';
import { portalPlugin } from '@shared/composables';
import { DEVICES_FIRST_SCREEN, useOutboxStore, useSessionStore } from '@shared/stores';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey, startPreferences } from '@shared/ui/preferences';
import App from './App.vue';
import { captureInstallPrompt } from './composables/useInstallPrompt';
import { createPortalRouter, preloadPage } from './router';
import './styles.css';
import './phone.css';

// Before anything is awaited: the browser may offer installation while the session restores.
captureInstallPrompt();

// Wiring only: same-origin API (the server serves this app), one database, the stores.
async function start() {
  // Marks of the way to the first screen (the bench reads them: where a reload's time goes).
  performance.mark('portal:start');
  const app = createApp(App);
  // The reader's language (remembered, else the browser's) and colour scheme, before any text shows.
  const i18n = createPortalI18n(en);
  const preferences = startPreferences(i18n);
  app.use(i18n);
  const router = createPortalRouter();
  preloadPage(router, location.pathname + location.search);
  // What the first screen shows (the session, the licenses, the outbox), read from the device with
  // plain IndexedDB: the database's own code (Dexie) loads once the page is rendered. Null when it
  // cannot be read so (a database this build must upgrade first): the stores then read the database.
  // A license's Devices page: its first screen of devices too, by index, in the same read.
  const devicesPage = /^\/licenses\/([^/]+)\/devices\/?$/.exec(location.pathname);
  const firstPaint = await readFirstPaint(undefined, undefined, {
    ...(devicesPage
      ? { devicesOf: { licenseId: decodeURIComponent(devicesPage[1]!), limit: DEVICES_FIRST_SCREEN } }
      : {}),
  });
  performance.mark('portal:read');
  const wiring = portalPlugin({ baseURL: '', firstPaint });
  app.use(wiring);
  // The session from the device first, so a reload stays signed in and the cached pages show at
  // once (offline too); the server checks it while they do.
  const session = useSessionStore();
  const resumed = await session.resume();
  app.use(router);
  app.provide(PreferencesKey, await preferences);
  await router.isReady().catch(() => undefined);
  performance.mark('portal:routed');
  app.mount('#app');
  performance.mark('portal:mounted');
  // The page is rendered from that read: once its first frame is painted, the database may open
  // (its code loads and compiles then, not before that frame; a hidden tab paints no frame).
  let opening = false;
  const open = () => {
    if (!opening) wiring.portal.open();
    opening = true;
  };
  requestAnimationFrame(() => setTimeout(open, 0));
  setTimeout(open, 100);
  if (resumed) void session.verify();
  // The outbox resumes (sends what waits, when online) once the page has shown what it has.
  setTimeout(() => void useOutboxStore().start(), 0);
}

void start();
