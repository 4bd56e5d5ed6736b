import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPortalServer, type PortalServer } from '../../support/portal-server';
import { launchChromium } from './browser';

/**
 * For one test file: the real server serving the built PWA (`npm run build:pwa` first) and a
 * headless Chromium, started before its tests and stopped after them.
 */
export function servedPortal(): { server: PortalServer; browser: Browser } {
  const portal = {} as { server: PortalServer; browser: Browser };
  beforeAll(async () => {
    [portal.server, portal.browser] = await Promise.all([
      startPortalServer({ staticDir: 'dist/pwa' }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await portal.browser?.close();
    await portal.server?.stop();
  });
  return portal;
}
