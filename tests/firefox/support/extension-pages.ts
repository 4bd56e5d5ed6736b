import type { Browser, Page } from 'puppeteer-core';
import { byRole, openExtensionPage, poll } from './firefox';

/** The Firefox add-on's own pages and its toolbar button, as a user meets them. */
export class ExtensionPages {
  constructor(private readonly browser: Browser) {}

  options(): Promise<Page> {
    return openExtensionPage(this.browser, 'options.html');
  }

  /** The toolbar popup's page, in a tab of the popup's width. */
  popup(): Promise<Page> {
    return openExtensionPage(this.browser, 'popup.html', { width: 360, height: 600 });
  }

  /** Signs in on the options page and closes it. */
  async signIn(portalUrl: string, email: string, password: string): Promise<void> {
    const page = await this.options();
    await page.locator(byRole('textbox', 'Portal URL')).fill(portalUrl);
    await page.locator(byRole('textbox', 'Company ID')).fill('CodeGlass');
    await page.locator(byRole('textbox', 'Email')).fill(email);
    await page.locator('input[type="password"]').fill(password);
    await page.locator(byRole('button', 'Sign in')).click();
    await page.waitForSelector('[data-testid="signed-in"]', { timeout: 20_000 });
    await page.close();
  }

  /**
   * The toolbar button as the background painted it: badge text, badge colour (`rgb(...)`) and
   * tooltip, read through the add-on's own `action` API from one of its pages.
   */
  async badge(page: Page): Promise<{ text: string; color: string; title: string }> {
    return page.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `browser` exists only in the add-on's pages
      const action = (globalThis as any).browser.action;
      const [text, [r, g, b], title] = (await Promise.all([
        action.getBadgeText({}),
        action.getBadgeBackgroundColor({}),
        action.getTitle({}),
      ])) as [string, number[], string];
      return { text, color: `rgb(${r}, ${g}, ${b})`, title };
    });
  }

  /** Clicks a portal link in the popup; resolves the URL of the tab it opened. */
  async follow(popup: Page, key: string): Promise<string> {
    const opened = this.browser.waitForTarget((t) => t.type() === 'page' && t.url().startsWith('http'), {
      timeout: 20_000,
    });
    await popup.locator(`[data-link="${key}"]`).click();
    const target = await opened;
    const tab = await target.page();
    const url = target.url();
    await tab?.close();
    return url;
  }
}

/** The text of the first element with this test id on an add-on page, once there. */
export async function textOf(page: Page, testId: string): Promise<string> {
  await poll(() => page.$(`[data-testid="${testId}"]`).then((e) => e !== null)).toBe(true);
  return page.$eval(`[data-testid="${testId}"]`, (e) => (e as HTMLElement).innerText.trim());
}
