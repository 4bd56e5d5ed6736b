/// <reference lib="webworker" />
// The service worker only caches and routes (the app does the rest): the app shell is precached so the
// portal opens offline; the data lives in IndexedDB (Dexie), so no API response is cached here,
// and mutations never go through the SW at all (they are commands in the outbox).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once, so it works offline without a reload. A later
// version still waits for the user's "Reload" (SKIP_WAITING below).
clientsClaim();

// Any in-app URL opened offline (a bookmark, a reload, a link from the extension) gets the shell;
// the router then renders the page from the cache. /api/ is never answered with HTML.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// The update prompt posts this when the user chooses "Reload".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});
