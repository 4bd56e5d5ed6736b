import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { launchChromium } from './support/browser';
import { PortalApp } from './support/portal-pages';
import { openSignedIn } from './support/portal-session';
import { docsShotPath } from './support/screenshots';

const SHOTS = '/tmp/shots';

/** axe-core's violations on the page as it is now, as readable lines (empty = none). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Assumes `npm run build:pwa` ran. Every page, with the demo data, has no axe violation.
describe('PWA accessibility (axe-core) on every page', () => {
  let server: PortalServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startPortalServer({ staticDir: 'dist/pwa' }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds no violation on the sign-in page', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 850 } });
    const app = new PortalApp(await context.newPage(), server.url);
    await app.open('/login');
    await app.page.screenshot({ path: `${SHOTS}/login.png`, fullPage: true });
    expect(await violations(app.page)).toEqual([]);
    await context.close();
  });

  it('finds no violation on the dashboard, licenses, license, devices, users, activity, profile and changes pages', async () => {
    const { context, page, app } = await openSignedIn(browser, server.url);
    const pages: Array<[string, string, string]> = [];
    const licenseId = await app.openFirstLicense();
    pages.push(
      ['dashboard', '/', 'last-sync'],
      ['licenses', '/licenses', 'license-table'],
      ['license', `/licenses/${licenseId}`, 'license-gauges'],
    );
    pages.push(
      ['devices', `/licenses/${licenseId}/devices`, 'device-table'],
      ['users', `/licenses/${licenseId}/users`, 'user-table'],
      ['profile', '/profile', 'profile-licenses'],
      ['activity', `/licenses/${licenseId}/activity`, 'event-list'],
    );
    for (const [name, path, ready] of pages) {
      await app.open(path);
      await page.getByTestId(ready).waitFor();
      await page.waitForTimeout(300); // let the refresh from the server land
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      if (name === 'license') await page.screenshot({ path: docsShotPath('license-page.png'), fullPage: true });
      expect(await violations(page), name).toEqual([]);
    }

    // The confirmation dialog, and the Changes page with a queued command in it.
    await app.open(`/licenses/${licenseId}/devices`);
    await page.getByRole('button', { name: 'Reset dev-laptop' }).click();
    await page.getByRole('dialog').getByTestId('reset-preview').waitFor();
    await page.screenshot({ path: `${SHOTS}/device-reset-dialog.png` });
    expect(await violations(page), 'device reset dialog').toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Reset device' }).click();
    // Stored before we leave: opening another page right away would unload this one mid-write.
    await page.getByText('Reset of dev-laptop queued').waitFor();
    await app.open('/changes');
    await page.getByTestId('change-list').waitFor();
    await page.screenshot({ path: `${SHOTS}/changes.png`, fullPage: true });
    expect(await violations(page), 'changes').toEqual([]);
    await context.close();
  });
});
