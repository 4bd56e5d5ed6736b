import type { Page } from 'puppeteer-core';
import { byRole, poll } from './firefox';

/** The PWA in a Firefox tab, spoken to in what a user does (the Chromium tests' PortalApp, on puppeteer). */
export class PortalTab {
  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {}

  /** Opens a route and waits for its heading. */
  async open(path: string): Promise<void> {
    await this.page.goto(this.baseURL + path);
    await this.page.waitForSelector('main h1');
  }

  /** Sign in on /login and wait for the dashboard. */
  async signIn(email: string, password: string): Promise<void> {
    await this.open('/login');
    await this.page.locator(byRole('textbox', 'Company ID')).fill('CodeGlass');
    await this.page.locator(byRole('textbox', 'Email')).fill(email);
    await this.page.locator('input[type="password"]').fill(password); // a password field has no ARIA role
    await this.page.locator(byRole('button', 'Sign in')).click();
    await this.page.waitForSelector(byRole('heading', 'Dashboard'), { timeout: 20_000 });
  }

  /** The demo license's id, from the Licenses page. */
  async firstLicenseId(): Promise<string> {
    await this.open('/licenses');
    const href = await this.page.waitForSelector('[data-testid="license-table"] a');
    return ((await href!.evaluate((a) => a.getAttribute('href'))) ?? '').split('/')[2] ?? '';
  }

  /** Picks a language or theme in the header, as the select's change event does for a user. */
  async choose(picker: 'language-picker' | 'theme-picker', value: string): Promise<void> {
    await this.page.select(`[data-testid="${picker}"]`, value);
  }

  /** The text of the first element with this test id, once there. */
  async text(testId: string): Promise<string> {
    const element = await this.page.waitForSelector(`[data-testid="${testId}"]`);
    return (await element!.evaluate((e) => (e as HTMLElement).innerText)).trim();
  }

  /** Every state line on the Changes page. */
  changeStates(): Promise<string[]> {
    return this.page.$$eval('[data-testid="change-state"]', (els) => els.map((e) => e.textContent?.trim() ?? ''));
  }

  /** Until a service worker controls the page and holds the app's shell, so a reload works offline. */
  async serviceWorkerInControl(): Promise<void> {
    await poll(() =>
      this.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration?.active || !navigator.serviceWorker.controller) return false;
        for (const name of await caches.keys())
          if (await (await caches.open(name)).match('/index.html', { ignoreSearch: true })) return true;
        return false;
      }),
    ).toBe(true);
  }
}
