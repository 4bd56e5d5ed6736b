import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOf } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';
import { de } from '@shared/i18n/catalogs/de';
import { CHROMIUM_ARGS } from '../support/chromium';
import { REPO_ROOT, api, apiLogin, startPortalServer, type PortalServer } from '../support/portal-server';
import { docsShotPath } from './support/screenshots';

/*
 * The built Chrome extension, unpacked into real Chromium, against the real portal server with
 * the demo data. Needs `npm run build:ext` first.
 */
const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');

/**
 * Catalog keys showing as text: a message the extension's bundle left out (it loads only the
 * English sections it shows) would read as its key.
 */
const KEYS = keysOf(CATALOGS.en);
async function rawKeys(page: Page): Promise<string[]> {
  const body = await page.locator('body').innerText();
  return KEYS.filter((key) => body.includes(key));
}

let server: PortalServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let profileDir: string;

/** The extension's pages, addressed by what a user sees. */
class ExtensionPages {
  constructor(private readonly id: string) {}

  async signIn(portalUrl: string, email: string, password: string): Promise<void> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${this.id}/options.html`);
    await page.getByLabel('Portal URL').fill(portalUrl);
    await page.getByLabel('Company ID').fill('CodeGlass');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').waitFor();
    await page.close();
  }

  async openPopup(): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${this.id}/popup.html`);
    return page;
  }
}

/** axe-core's violations on a page as it is now, as readable lines (empty = none). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The toolbar button's tooltip, read inside the extension's service worker. */
function badgeTitle(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` exists only inside the worker
  return worker.evaluate(() => (globalThis as any).chrome.action.getTitle({}) as Promise<string>);
}

/** The toolbar badge text, read inside the extension's service worker. */
function badgeText(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `chrome` exists only inside the worker
  return worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}) as Promise<string>);
}

function gauge(popup: Page, name: 'activations' | 'seats' | 'deactivations') {
  return popup.getByTestId(name);
}

let pages: ExtensionPages;

/** Polls generously: `npm test` runs the other Vitest projects beside this one on two cores. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No extension build: run `npm run build:ext` first.');
  server = await startPortalServer({ seed: true });
  profileDir = mkdtempSync(join(tmpdir(), 'seat-portal-ext-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    deviceScaleFactor: 2,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  pages = new ExtensionPages(extensionId);
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('extension against the real portal', () => {
  it('shows 3/5 activations, 2 of 3 seats and 2 of 5 deactivations after signing in', async () => {
    await poll(() => badgeText()).toBe('?'); // painted when the service worker starts
    await pages.signIn(server.url, 'dev@codeglass.example', 'dev-demo');
    const popup = await pages.openPopup();
    await poll(() => popup.locator('main').getAttribute('data-phase')).toBe('idle');
    expect(await rawKeys(popup)).toEqual([]);
    await poll(() => gauge(popup, 'activations').textContent()).toContain('3 of 5');
    expect(await gauge(popup, 'activations').textContent()).toContain('(2 left)');
    expect(await gauge(popup, 'seats').textContent()).toContain('2 of 3');
    expect(await gauge(popup, 'deactivations').textContent()).toContain('2 of 5');
    expect(await gauge(popup, 'deactivations').textContent()).toContain('(3 left)');
    expect(await popup.getByTestId('role').textContent()).toBe('License user');
    expect(await popup.getByTestId('expiry').textContent()).toMatch(/^expires in 36[45] days$/);
    expect(await badgeText()).toBe('3/5');
    await popup.close();
  });

  it('reflects a device reset done through the API after Refresh', async () => {
    const popup = await pages.openPopup();
    await poll(() => gauge(popup, 'activations').textContent()).toContain('3 of 5');

    const token = await apiLogin(server.url, 'dev@codeglass.example', 'dev-demo');
    const licenseId = await popup.locator('article').getAttribute('data-license');
    const devices = await api(server.url, token, 'GET', `/licenses/${licenseId}/devices`);
    const device = (devices.body.devices as { id: string; active: boolean }[]).find((d) => d.active);
    expect(device).toBeDefined();
    const sync = await api(server.url, token, 'POST', '/sync', {
      clientId: 'e2e-extension',
      commands: [{ opId: randomUUID(), seq: 1, kind: 'device.reset', payload: { deviceId: device!.id } }],
    });
    expect(sync.body.results[0].outcome).toBe('applied');

    await popup.getByTestId('refresh').click();
    await poll(() => gauge(popup, 'activations').textContent()).toContain('2 of 5');
    expect(await gauge(popup, 'deactivations').textContent()).toContain('3 of 5');
    expect(await gauge(popup, 'deactivations').textContent()).toContain('(2 left)');
    await poll(() => badgeText()).toBe('2/5');

    // The README's screenshot: as tall as the popup's content, like the real toolbar popup.
    await popup.setViewportSize({ width: 360, height: 100 });
    await popup.screenshot({ path: docsShotPath('popup.png'), fullPage: true });
    await popup.close();
  });

  it('gives the license one link, named for what it fixes, and the portal a quieter one, each opening a new tab', async () => {
    const popup = await pages.openPopup();
    const licenseId = await popup.locator('article').getAttribute('data-license');
    const links = await popup
      .locator('[data-link]')
      .evaluateAll((found) => found.map((a) => [a.getAttribute('data-link'), a.textContent?.trim()]));
    // Nothing to fix for the license user: the License page, then the portal itself.
    expect(links).toEqual([
      ['license', 'Open the License page'],
      ['portal', 'Open the portal'],
    ]);
    const expected: Record<string, string> = {
      license: `${server.url}/licenses/${licenseId}`,
      portal: `${server.url}/`,
    };
    for (const [key, url] of Object.entries(expected)) {
      const [tab] = await Promise.all([context.waitForEvent('page'), popup.locator(`[data-link="${key}"]`).click()]);
      await poll(() => tab.url()).toBe(url);
      await tab.close();
    }
    await popup.close();
  });

  it('offers the portal sign-in when signed out, and a manager the License page', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('sign-out').click();
    await options.getByRole('button', { name: 'Sign in' }).waitFor();
    await options.close();
    await poll(() => badgeText()).toBe('?');

    const popup = await pages.openPopup();
    await poll(() => popup.locator('main').getAttribute('data-phase')).toBe('signed_out');
    expect(await popup.locator('article').count()).toBe(0);
    const [signIn] = await Promise.all([context.waitForEvent('page'), popup.locator('[data-link="sign-in"]').click()]);
    await poll(() => signIn.url()).toBe(`${server.url}/login`);
    await signIn.close();
    await popup.close();

    await pages.signIn(server.url, 'manager@codeglass.example', 'manager-demo');
    const managerPopup = await pages.openPopup();
    await poll(() => managerPopup.getByTestId('role').textContent()).toBe('License manager');
    const licenseId = await managerPopup.locator('article').getAttribute('data-license');
    // Nothing to fix on the demo license (a seat free, activations and deactivations left): its License page.
    const [license] = await Promise.all([
      context.waitForEvent('page'),
      managerPopup.locator('[data-link="license"]').click(),
    ]);
    await poll(() => license.url()).toBe(`${server.url}/licenses/${licenseId}`);
    await license.close();
    await managerPopup.close();
  });

  it('keeps the cached numbers and says when they were last checked once the server is gone', async () => {
    await server.stop();
    const popup = await pages.openPopup();
    await poll(() => popup.locator('main').getAttribute('data-phase')).toBe('offline');
    expect(await gauge(popup, 'activations').textContent()).toContain('2 of 5');
    expect(await gauge(popup, 'deactivations').textContent()).toContain('3 of 5');
    expect(await popup.getByTestId('last-checked').textContent()).toMatch(
      /^numbers from the last successful check, (just now|\d+ minutes? ago)$/,
    );
    expect(await popup.getByTestId('banner').textContent()).toContain('The portal cannot be reached');
    expect(await badgeText()).toBe('2/5');
    await popup.close();
  });

  // The portal is gone from here on (previous test): the popup shows the numbers it cached.
  it('turns the options page and the popup left open German once Deutsch is chosen', async () => {
    const popup = await pages.openPopup();
    await poll(() => popup.getByTestId('role').textContent()).toBe('License manager');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Language').selectOption({ label: 'Deutsch' });
    await options.getByLabel(de.popup.options.language).waitFor();
    expect(await options.title()).toBe(de.popup.options.pageTitle);
    await options.close();

    // The popup stayed open: it follows the choice without being reopened.
    await poll(() => popup.getByTestId('role').textContent()).toBe(de.popup.roles.license_manager);
    expect(await popup.locator('html').getAttribute('lang')).toBe('de');
    expect(await gauge(popup, 'activations').textContent()).toContain(de.popup.counters.activations);
    expect(await popup.getByTestId('refresh').textContent()).toBe(de.popup.refresh);
    await poll(() => popup.getByTestId('banner').textContent()).toContain(de.errors.network_error);
    expect(await popup.getByTestId('last-checked').textContent()).toMatch(
      /^Zahlen der letzten erfolgreichen Prüfung, (gerade eben|vor \d+ Minuten?)$/,
    );
    expect(await violations(popup)).toEqual([]); // in the light theme
    expect(await rawKeys(popup)).toEqual([]);
    await popup.close();
  });

  it('opens dark in a dark system, in German, with no axe violation', async () => {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await poll(() => popup.locator('main').getAttribute('data-phase')).toBe('offline');
    expect(await popup.locator('html').getAttribute('lang')).toBe('de');
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 21, 28)');
    expect(await violations(popup)).toEqual([]);
    await popup.setViewportSize({ width: 360, height: 100 });
    await popup.screenshot({ path: docsShotPath('popup-dark-de.png'), fullPage: true });
    await popup.close();
  });

  it('speaks German in the tooltip; the options page and the signed-out popup are dark and accessible too', async () => {
    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('sign-out').click();
    await options.getByRole('button', { name: de.popup.signIn }).waitFor();
    expect(await options.locator('html').getAttribute('lang')).toBe('de');
    expect(await violations(options)).toEqual([]);
    await options.close();
    await poll(() => badgeTitle()).toBe(de.popup.badge.signed_out);

    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await poll(() => popup.locator('main').getAttribute('data-phase')).toBe('signed_out');
    expect(await popup.getByTestId('banner').textContent()).toContain(de.notices.signed_out);
    expect(await rawKeys(popup)).toEqual([]);
    expect(await violations(popup)).toEqual([]);
    await popup.close();
  });
});
