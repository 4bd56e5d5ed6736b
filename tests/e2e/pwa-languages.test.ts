import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { keysOf, lookup, type Locale } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';
import { openSignedIn } from './support/portal-session';
import { docsShotPath } from './support/screenshots';
import { servedPortal } from './support/served-portal';
import { everyPage } from '../support/portal-routes';

const ENGLISH = CATALOGS.en;
const KEYS = keysOf(ENGLISH);

/**
 * The English messages that read differently in `locale` and fill nothing in: a whole line of a
 * page equal to one of them is English left untranslated.
 */
function englishOnly(locale: Locale): Set<string> {
  if (locale === 'en') return new Set();
  const translations = new Set(KEYS.map((key) => lookup(CATALOGS[locale], key)));
  return new Set(
    KEYS.map((key) => lookup(ENGLISH, key)!).filter(
      // French "Active" is a word of both languages: only what no message of the language says.
      (english) => !translations.has(english) && !/[{|]/.test(english),
    ),
  );
}

/** What is wrong with the page as a reader of `locale` sees it (empty: nothing). */
async function problems(page: Page, locale: Locale): Promise<string[]> {
  const found: string[] = [];
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== locale) found.push(`<html lang="${lang}">`);
  const body = await page.locator('body').innerText();
  found.push(...KEYS.filter((key) => body.includes(key)).map((key) => `raw key ${key}`));
  found.push(...(body.match(/\{\s*\w+\s*\}/g) ?? []).map((p) => `unfilled ${p}`));
  const english = englishOnly(locale);
  const lines = body.split('\n').map((line) => line.trim());
  found.push(...lines.filter((line) => english.has(line)).map((line) => `English: "${line}"`));
  // At 1200 px every table fits its box: no column or row button out of sight behind a scrollbar.
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? Infinity) + 1)
      .map((table) => table.querySelector('caption')?.textContent?.trim() ?? 'a table'),
  );
  found.push(...cut.map((caption) => `wider than its box: ${caption}`));
  const axe = await new AxeBuilder({ page }).analyze();
  found.push(...axe.violations.map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  return found;
}

/** Each language in one of the two themes, so every page is checked in both themes and every language. */
const RUNS: Array<{ locale: Locale; colorScheme: 'light' | 'dark' }> = [
  { locale: 'de', colorScheme: 'dark' },
  { locale: 'fr', colorScheme: 'light' },
  { locale: 'es', colorScheme: 'dark' },
  { locale: 'en', colorScheme: 'dark' },
];

// Assumes `npm run build:pwa` ran. The demo data, a manager, every page in each language.
describe('PWA in four languages and two themes', () => {
  const portal = servedPortal();

  it('switches every text of the open page to the chosen language without a reload', async () => {
    const { context, page } = await openSignedIn(portal.browser, portal.server.url);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const english = await page.locator('main h1').innerText();
    await page.getByTestId('language-picker').selectOption('de');
    await page.waitForFunction((l) => document.documentElement.lang === l, 'de');
    expect(await page.locator('main h1').innerText()).not.toBe(english);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await problems(page, 'de')).toEqual([]);
    await page.getByTestId('language-picker').selectOption('en');
    await page.waitForFunction((l) => document.documentElement.lang === l, 'en');
    expect(await page.locator('main h1').innerText()).toBe(english);
    await context.close();
  });

  for (const { locale, colorScheme } of RUNS) {
    it(`shows every page in ${locale}, ${colorScheme} theme: translated, no raw key, lang set, no axe violation`, async () => {
      const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
      await page.emulateMedia({ colorScheme });
      await page.getByTestId('language-picker').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await app.open('/licenses');
      await page.getByTestId('license-table').getByRole('link').first().click();
      await page.getByTestId('license-facts').waitFor();
      const licenseId = new URL(page.url()).pathname.split('/')[2] ?? '';
      const pages = everyPage(licenseId);
      for (const [name, path, ready] of pages) {
        await app.open(path);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForTimeout(300); // the refresh from the server lands
        if (locale === 'de' && name === 'license')
          await page.screenshot({ path: docsShotPath('license-page-de-dark.png'), fullPage: true });
        if (locale === 'fr' && name === 'devices')
          await page.screenshot({ path: docsShotPath('devices-fr.png'), fullPage: true });
        expect(await problems(page, locale), `${name} in ${locale}, ${colorScheme}`).toEqual([]);
      }

      // A confirmation dialog, opened and left without queueing anything.
      await app.open(`/licenses/${licenseId}/devices`);
      await page.locator('tr[data-device="dev-laptop"]').getByRole('button').first().click();
      await page.getByRole('dialog').getByTestId('reset-preview').waitFor();
      expect(await problems(page, locale), `reset dialog in ${locale}`).toEqual([]);
      await page.keyboard.press('Escape');

      // Signed out, the sign-in page speaks the language remembered on the device.
      const signedOut = await portal.browser.newContext({ colorScheme });
      await signedOut.addInitScript((l) => localStorage.setItem('seat-portal.locale', l), locale);
      const login = await signedOut.newPage();
      await login.goto(`${portal.server.url}/login`);
      await login.locator('main h1').waitFor();
      expect(await problems(login, locale), `sign-in in ${locale}`).toEqual([]);
      await signedOut.close();
      await context.close();
    });
  }
});
