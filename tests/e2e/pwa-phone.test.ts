import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES, type Locale } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';
import { PortalApp } from './support/portal-pages';
import { MANAGER } from './support/portal-session';
import { servedPortal } from './support/served-portal';
import { everyPage } from '../support/portal-routes';

/** Chromium's phone viewport (an iPhone 12-14's CSS pixels). */
const PHONE = { width: 390, height: 844 };

/**
 * What a phone's reader cannot reach on the page as it is (empty: nothing): a table wider than its
 * box (a sideways scroll), the page itself wider than the screen, and any button or link of the
 * main content, table rows' included, reaching past the screen's edges.
 */
async function outOfReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const box of document.querySelectorAll<HTMLElement>('.table-wrap'))
      if (box.scrollWidth > box.clientWidth + 1)
        found.push(`"${box.querySelector('caption')?.textContent?.trim() ?? 'a table'}" scrolls sideways`);
    const actions = document.querySelectorAll<HTMLElement>('main button, main a, main select, main input');
    for (const action of actions) {
      const rect = action.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue; // not shown (a hidden column, a folded part)
      const name = action.getAttribute('aria-label') || action.textContent?.trim() || action.tagName;
      if (rect.left < -1 || rect.right > width + 1) found.push(`"${name}" out of view (${rect.left}..${rect.right})`);
    }
    return found;
  });
}

/** Every row of the table with this test id shows its action buttons whole, on the screen. */
async function rowActions(page: Page, testId: string): Promise<{ rows: number; buttons: string[] }> {
  return page.getByTestId(testId).evaluate((table) => {
    const width = document.documentElement.clientWidth;
    const buttons: string[] = [];
    const rows = [...table.querySelectorAll('tbody tr:not([aria-hidden])')];
    for (const row of rows)
      for (const button of row.querySelectorAll('button')) {
        const rect = button.getBoundingClientRect();
        const shown = rect.width > 0 && rect.left >= 0 && rect.right <= width;
        buttons.push(`${button.getAttribute('aria-label')}${shown ? '' : ' (out of view)'}`);
      }
    return { rows: rows.length, buttons };
  });
}

// Assumes `npm run build:pwa` ran. A manager on a phone, every page, in each language.
describe('PWA on a 390 px phone', () => {
  const portal = servedPortal();

  for (const locale of LOCALES) {
    it(`keeps every table and every row's buttons on screen, and folds the header (${locale})`, async () => {
      const context = await portal.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const app = new PortalApp(page, portal.server.url);
      await app.signIn(MANAGER.email, MANAGER.password);
      const licenseId = await app.openFirstLicense();

      // The header: the pickers and the account wait behind Menu, and it takes little of the screen.
      const header = page.locator('header');
      expect(await page.getByTestId('language-picker').isVisible()).toBe(false);
      expect((await header.boundingBox())!.height).toBeLessThan(PHONE.height / 6);
      await page.getByTestId('header-menu').click();
      await page.getByTestId('language-picker').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      expect(await page.getByTestId('header-menu').innerText()).toBe(menuWord(locale));

      const pages = everyPage(licenseId);
      for (const [name, path, ready] of pages) {
        await app.open(path);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForTimeout(300); // the refresh from the server lands
        expect(await outOfReach(page), `${name} in ${locale}`).toEqual([]);
        expect(await page.getByTestId('language-picker').isVisible(), `${name}: header folded again`).toBe(false);
      }

      // The rows' own buttons, each named after its row, are all there and on screen.
      await app.open(`/licenses/${licenseId}/devices`);
      await page.locator('tr[data-device="dev-desktop"]').waitFor();
      const devices = await rowActions(page, 'device-table');
      // The demo's three active devices, each with its Reset on screen.
      expect(devices.buttons.sort()).toEqual(
        ['dev-desktop', 'dev-laptop', 'morgan-mbp'].map((hostname) => resetOf(locale, hostname)).sort(),
      );
      await app.open(`/licenses/${licenseId}/users`);
      await page.locator('tr[data-user="dev@codeglass.example"]').waitFor();
      const users = await rowActions(page, 'user-table');
      const userLists = CATALOGS[locale].lists.users;
      expect(users.buttons).toEqual([
        userLists.resetPasswordOf.replace('{email}', 'dev@codeglass.example'),
        userLists.unassignOf.replace('{email}', 'dev@codeglass.example'),
      ]);
      await context.close();
    });
  }
});

function menuWord(locale: Locale): string {
  return CATALOGS[locale].shell.header.menu;
}

function resetOf(locale: Locale, hostname: string): string {
  return CATALOGS[locale].lists.devices.resetOf.replace('{hostname}', hostname);
}
