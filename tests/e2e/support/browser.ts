import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM_ARGS } from '../../support/chromium';

/** Real Chromium, headless, with nothing phoning home (the machine has no internet). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Waits until a service worker is active, controls the page and holds the app's shell in its
 * precache, so offline reloads are served by it (a navigation before the shell is cached goes to
 * the network, which offline fails; going offline while the worker still installs fails its
 * precache, and the app is left with no worker at all).
 *
 * Polled from here: `page.waitForFunction` takes any truthy return as done, and the Promise an
 * async check returns is truthy, so it would not wait at all.
 */
export async function waitForServiceWorker(page: Page, timeout = 30_000): Promise<void> {
  const ready = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration?.active || !navigator.serviceWorker.controller) return false;
      for (const name of await caches.keys()) {
        if (await (await caches.open(name)).match('/index.html', { ignoreSearch: true })) return true;
      }
      return false;
    });
  const until = Date.now() + timeout;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`no active service worker controls ${page.url()} after ${timeout} ms`);
    await delay(200);
  }
}

/**
 * Offline for real: setOffline stops the pages' requests, but not the service worker's own
 * fetches, so those are aborted by a route too.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', (route) =>
    route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback(),
  );
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}
