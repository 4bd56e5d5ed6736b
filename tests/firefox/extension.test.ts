import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '@shared/i18n/catalogs/de';
import { en } from '@shared/i18n/catalogs/en';
import { api, apiLogin, startPortalServer, type PortalServer } from '../support/portal-server';
import { BADGE_COLORS } from '../../extension/status/badge';
import { EXTENSION_DIR, axeViolations, launchFirefox, poll } from './support/firefox';
import { ExtensionPages, textOf } from './support/extension-pages';

/*
 * The Firefox build of the add-on (`npm run build:ext`: .output/firefox-mv3), installed unpacked
 * into Firefox ESR, against the real portal server with the demo data. The tests run in order,
 * as one user's day: sign in, read, follow links, change language and theme, sign out.
 */
let server: PortalServer;
let browser: Browser;
let pages: ExtensionPages;

/** `#rrggbb` as the `rgb(r, g, b)` the badge API answers. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const phase = (page: Page) => page.$eval('main', (m) => m.getAttribute('data-phase'));
const gauge = (page: Page, name: string) => textOf(page, name);

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No extension build: run `npm run build:ext` first.');
  [server, browser] = await Promise.all([startPortalServer(), launchFirefox({ extensionPages: true })]);
  await browser.installExtension(EXTENSION_DIR);
  pages = new ExtensionPages(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Firefox add-on against the real portal', () => {
  it('signs in on the options page and shows the numbers in the popup and on the badge', async () => {
    const options = await pages.options();
    await poll(() => pages.badge(options)).toEqual({
      text: '?',
      color: rgb(BADGE_COLORS.signed_out),
      title: en.popup.badge.signed_out,
    });
    await options.close();

    await pages.signIn(server.url, 'dev@codeglass.example', 'dev-demo');
    const popup = await pages.popup();
    await poll(() => phase(popup)).toBe('idle');
    expect(await gauge(popup, 'activations')).toContain('3 of 5');
    expect(await gauge(popup, 'activations')).toContain('(2 left)');
    expect(await gauge(popup, 'seats')).toContain('2 of 3');
    expect(await gauge(popup, 'deactivations')).toContain('2 of 5');
    expect(await textOf(popup, 'role')).toBe('License user');
    expect(await textOf(popup, 'expiry')).toMatch(/^expires in 36[45] days$/);
    await poll(() => pages.badge(popup)).toEqual({
      text: '3/5',
      color: rgb(BADGE_COLORS.ok),
      title: en.popup.badge.ok,
    });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('turns the badge amber at one activation left, after Refresh', async () => {
    const popup = await pages.popup();
    await poll(() => phase(popup)).toBe('idle');
    const licenseId = await popup.$eval('article', (a) => a.getAttribute('data-license'));
    const token = await apiLogin(server.url, 'dev@codeglass.example', 'dev-demo');
    const activation = await api(server.url, token, 'POST', '/activations', {
      licenseId,
      hardwareId: 'FIREFOX-E2E-1',
      hostname: 'dev-tablet',
      os: 'Linux',
    });
    expect(activation.status).toBe(201);

    await popup.locator('[data-testid="refresh"]').click();
    await poll(() => gauge(popup, 'activations')).toContain('4 of 5');
    await poll(() => pages.badge(popup)).toEqual({
      text: '4/5',
      color: rgb(BADGE_COLORS.near),
      title: en.popup.badge.near,
    });
    await popup.close();
  });

  it('opens the page that fixes the problem in a new tab (Devices at one activation left, for a user and a manager alike), the portal below', async () => {
    const popup = await pages.popup();
    await poll(() => phase(popup)).toBe('idle');
    const licenseId = await popup.$eval('article', (a) => a.getAttribute('data-license'));
    const keys = await popup.$$eval('[data-link]', (links) => links.map((a) => a.getAttribute('data-link')));
    expect(keys).toEqual(['devices', 'portal']);
    expect(await pages.follow(popup, 'devices')).toBe(`${server.url}/licenses/${licenseId}/devices`);
    expect(await pages.follow(popup, 'portal')).toBe(`${server.url}/`);
    await popup.close();

    const options = await pages.options();
    await options.locator('[data-testid="sign-out"]').click();
    await options.waitForSelector('form');
    await options.close();
    await pages.signIn(server.url, 'manager@codeglass.example', 'manager-demo');
    const managerPopup = await pages.popup();
    await poll(() => textOf(managerPopup, 'role')).toBe('License manager');
    expect(await pages.follow(managerPopup, 'devices')).toBe(`${server.url}/licenses/${licenseId}/devices`);
    await managerPopup.close();
  });

  it('follows the language and the theme chosen on the options page, in the popup left open', async () => {
    const popup = await pages.popup();
    await poll(() => textOf(popup, 'role')).toBe('License manager');
    const lightBackground = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const options = await pages.options();
    await options.select('[data-testid="language"]', 'de');
    await options.select('[data-testid="theme"]', 'dark');
    await poll(() => options.title()).toBe(de.popup.options.pageTitle);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    await poll(() => textOf(popup, 'role')).toBe(de.popup.roles.license_manager);
    expect(await popup.$eval('html', (h) => h.lang)).toBe('de');
    expect(await textOf(popup, 'refresh')).toBe(de.popup.refresh);
    await poll(() => popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 21, 28)');
    expect(lightBackground).not.toBe('rgb(17, 21, 28)');
    expect(await axeViolations(popup)).toEqual([]);
    await poll(() => pages.badge(popup)).toEqual({
      text: '4/5',
      color: rgb(BADGE_COLORS.near),
      title: de.popup.badge.near,
    });
    await popup.close();
  });

  it('signs out: the badge asks to sign in, in German, and the popup offers the portal sign-in', async () => {
    const options = await pages.options();
    await options.locator('[data-testid="sign-out"]').click();
    await options.waitForSelector('form');
    expect(await axeViolations(options)).toEqual([]);
    await poll(() => pages.badge(options)).toEqual({
      text: '?',
      color: rgb(BADGE_COLORS.signed_out),
      title: de.popup.badge.signed_out,
    });
    await options.close();

    const popup = await pages.popup();
    await poll(() => phase(popup)).toBe('signed_out');
    expect(await popup.$$('article')).toHaveLength(0);
    expect(await textOf(popup, 'banner')).toContain(de.notices.signed_out);
    expect(await pages.follow(popup, 'sign-in')).toBe(`${server.url}/login`);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
