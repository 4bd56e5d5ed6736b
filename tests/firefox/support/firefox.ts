import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../support/portal-server';

/** Firefox ESR (Debian's `firefox-esr`), driven headless over WebDriver BiDi. */
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The Firefox build's add-on id (wxt.config.ts) and the moz-extension UUID the tests give it. */
const EXTENSION_ID = 'seat-portal@codeglass.example';
const EXTENSION_UUID = '5eb7c0de-2f1a-4c3e-9d5b-8a0f6e4c2b17';
export const EXTENSION_DIR = `${REPO_ROOT}/.output/firefox-mv3`;

export interface FirefoxOptions {
  /** Extra preferences (about:config) for this profile. */
  prefs?: Record<string, string | number | boolean>;
  /** Open the add-on's own pages (see openExtensionPage). */
  extensionPages?: boolean;
}

/** A fresh Firefox profile, headless; closed with `browser.close()`. */
export function launchFirefox(options: FirefoxOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it WebDriver refuses to navigate a tab to a moz-extension:// page ("not allowed in
    // this context"), and a popup or options page can then only be reached through a mechanism
    // the store build lacks (a test-only page, a second driver). With it the tests open the
    // unpacked store build's own popup.html and options.html, as a toolbar click or the add-ons
    // manager does. It is Firefox's own switch for privileged automation and changes nothing a
    // web page or the add-on can do.
    args: options.extensionPages ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      ...options.prefs,
    },
  });
}

/**
 * Opens one of the add-on's pages (`popup.html`, `options.html`) in a new tab. Firefox sends
 * WebDriver no load events for extension documents (they are skipped until it can debug add-ons,
 * Mozilla bug 1755014), so the navigation is not awaited: the page's own state is.
 */
export async function openExtensionPage(
  browser: Browser,
  path: string,
  viewport = { width: 900, height: 700 },
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  page.goto(url).catch(() => undefined); // settles only with the tab's close, see above
  // Mounted: both pages render into a <main>.
  await poll(() => page.evaluate(() => document.querySelector('main') !== null && location.href).catch(() => '')).toBe(
    url,
  );
  return page;
}

/** Polls generously: `npm test` runs the Chromium suite beside this one on two cores. */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

/** axe-core's violations on the page as it is now, as readable lines (empty: none). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe is the script injected just above
    const { violations } = await (globalThis as any).axe.run(document);
    return (violations as Array<{ id: string; nodes: Array<{ target: string[] }> }>).map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The element a label, button or link name points at, found as assistive technology finds it. */
export function byRole(role: string, name: string): string {
  return `::-p-aria([name="${name}"][role="${role}"])`;
}
