import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { createPortalDeps, installPortal, useOutboxStore, useSessionStore } from '../../shared/stores';
import App from './App.vue';
import { captureInstallPrompt } from './composables/useInstallPrompt';
import { createPortalRouter } from './router';
import './styles.css';

// Before anything is awaited: the browser may offer installation while the session restores.
captureInstallPrompt();

// Wiring only (STYLE.md rule 10): same-origin API (the server serves this app), one database, the stores.
async function start() {
  const app = createApp(App);
  app.use(createPinia());
  installPortal(createPortalDeps({ baseURL: '' }));
  // Restore the session from the device first, so a reload while offline stays signed in.
  await useSessionStore().restore();
  const outbox = useOutboxStore();
  void outbox.start(); // resumes the outbox: sends at once when online
  const router = createPortalRouter();
  app.use(router);
  await router.isReady().catch(() => undefined);
  app.mount('#app');
}

void start();
