import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '@shared/i18n/catalogs/en';
import { REPO_ROOT, startPortalServer, type PortalServer } from '../support/portal-server';
import { serverLicense, MANAGER } from '../e2e/support/portal-session';
import { axeViolations, byRole, launchFirefox, poll } from './support/firefox';
import { PortalTab } from './support/portal-tab';
import { everyPage } from '../support/portal-routes';

/*
 * The PWA in Firefox ESR against the real server. The profile has none of the preferences that
 * answer Firefox's persistent-storage prompt: no user flow may wait on a permission prompt.
 * Needs `npm run build:pwa` first. The server serves a copy of the build, which the last test
 * replaces with a newer one.
 */
let server: PortalServer;
let browser: Browser;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'seat-portal-pwa-'));
  cpSync(join(REPO_ROOT, 'dist/pwa'), staticDir, { recursive: true });
  [server, browser] = await Promise.all([startPortalServer({ staticDir }), launchFirefox()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
});

/** A fresh profile context (its own IndexedDB and service worker) with a signed-in manager. */
async function signedIn(): Promise<{ context: BrowserContext; app: PortalTab }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1200, height: 850 });
  const app = new PortalTab(page, server.url);
  await app.signIn(MANAGER.email, MANAGER.password);
  return { context, app };
}

describe('PWA in Firefox ESR', () => {
  it('signs in and shows the dashboard while the persistent-storage prompt stays unanswered', async () => {
    const { context, app } = await signedIn();
    expect(await app.text('role')).toContain('License manager');
    await context.close();
  });

  it('renders every page with no axe violation, in the light and the dark theme', async () => {
    const { context, app } = await signedIn();
    const licenseId = await app.firstLicenseId();
    const pages = everyPage(licenseId);
    const backgrounds = new Set<string>();
    for (const theme of ['light', 'dark']) {
      await app.choose('theme-picker', theme);
      for (const [name, path, ready] of pages) {
        await app.open(path);
        await app.page.waitForSelector(`[data-testid="${ready}"]`);
        await new Promise((done) => setTimeout(done, 300)); // the refresh from the server lands
        expect(await app.page.evaluate(() => document.documentElement.dataset.theme), name).toBe(theme);
        expect(await axeViolations(app.page), `${name}, ${theme}`).toEqual([]);
        backgrounds.add(await app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
      }
    }
    expect(backgrounds.size, 'one page colour per theme').toBe(2);

    // Signed out: the sign-in page, in each theme too.
    await app.page.locator(byRole('button', 'Sign out')).click();
    await app.page.waitForSelector(byRole('heading', 'Sign in'));
    for (const theme of ['dark', 'light']) {
      await app.choose('theme-picker', theme);
      expect(await axeViolations(app.page), `sign-in, ${theme}`).toEqual([]);
    }
    await context.close();
  });

  it('reloads the License page offline from its service worker, and sends a reset queued offline once', async () => {
    const { context, app } = await signedIn();
    const licenseId = await app.firstLicenseId();
    await app.open(`/licenses/${licenseId}/devices`);
    await app.page.waitForSelector('tr[data-device="dev-desktop"]');
    await app.open(`/licenses/${licenseId}`);
    await app.page.waitForSelector('[data-testid="license-facts"]');
    await app.serviceWorkerInControl();

    // Offline twice over: the tab's network is cut and the server is gone.
    const { port, databasePath } = server;
    await server.stop();
    const restart = async () => {
      server = await startPortalServer({ staticDir, databasePath, env: { PORT: String(port) } });
    };
    try {
      await app.page.setOfflineMode(true);
      await app.page.reload();
      await app.page.waitForSelector('[data-testid="license-facts"]');
      // One offline state, with the age of the data shown.
      expect(await app.text('offline-banner')).toMatch(/^Offline · data from /);

      await app.page.locator(byRole('link', 'Devices')).click();
      await app.page.locator(byRole('button', 'Reset dev-desktop')).click();
      await app.page.waitForSelector('dialog[open] [data-testid="reset-preview"]');
      await app.page.locator(`dialog[open] ${byRole('button', 'Reset device')}`).click();
      await app.page.waitForSelector('tr[data-device="dev-desktop"] [data-testid="pending"]');
    } finally {
      await restart();
    }

    // Back online, the app opened again sends what waited at once. (A tab that was reloaded under
    // Firefox's offline emulation gets no `online` event when the emulation ends, unlike a real
    // network coming back; the app's minute-by-minute retry would send it too, only later.)
    await app.page.setOfflineMode(false);
    await app.open('/changes');
    await poll(() => app.changeStates()).toEqual(['Done']);
    const after = await serverLicense(server.url);
    expect(after.license.deactivationCount).toBe(3);
    expect(after.devices.find((d) => d.hostname === 'dev-desktop')?.active).toBe(false);

    // Another start of the app sends nothing again.
    await app.page.reload();
    await app.page.waitForSelector('[data-testid="last-sync"]');
    expect((await serverLicense(server.url)).license.deactivationCount).toBe(3);
    await context.close();
  });

  it('offers the newer build when the server has one, and runs it after Reload', async () => {
    const { context, app } = await signedIn();
    await app.serviceWorkerInControl();
    publishNewerBuild(staticDir);
    await app.page.reload(); // a navigation checks for a newer service worker
    await app.page.waitForSelector(byRole('button', en.shell.update.reload), { timeout: 30_000 });
    expect(await app.page.$eval('.update-prompt', (e) => (e as HTMLElement).innerText)).toContain(
      en.shell.update.ready,
    );
    await app.page.locator(byRole('button', en.shell.update.reload)).click();
    await poll(() =>
      app.page.evaluate(() => document.querySelector('meta[name="seat-portal-build"]')?.getAttribute('content') ?? ''),
    ).toBe('newer');
    expect(await app.page.$('.update-prompt')).toBeNull();
    await context.close();
  });
});

/**
 * A newer build on the server: index.html changed, and with it its revision in the service
 * worker's precache list (so the service worker itself differs, as after any release).
 */
function publishNewerBuild(dir: string): void {
  const indexFile = join(dir, 'index.html');
  writeFileSync(
    indexFile,
    readFileSync(indexFile, 'utf8').replace('<head>', '<head><meta name="seat-portal-build" content="newer">'),
  );
  const swFile = join(dir, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const next = sw.replace(/(\{"revision":")[0-9a-f]+(","url":"index\.html"\})/, '$1newer$2');
  if (next === sw) throw new Error('index.html is not in the precache list of sw.js: did the build change?');
  writeFileSync(swFile, next);
}
