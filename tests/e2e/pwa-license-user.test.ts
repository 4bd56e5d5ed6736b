import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { PortalApp } from './support/portal-pages';
import { LICENSE_USER } from './support/portal-session';
import { servedPortal } from './support/served-portal';
import { docsShotPath } from './support/screenshots';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa with the demo data.
describe('PWA: a license user’s own screens', () => {
  const portal = servedPortal();

  it('opens on their devices with the machine the product named marked, company figures labelled, no Changes while nothing waits', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 1280, height: 850 } });
    const page = await context.newPage();
    const app = new PortalApp(page, portal.server.url);
    // The product opens the portal naming its machine (the demo's dev-desktop); signed out, it asks for a sign-in first.
    await page.goto(`${portal.server.url}/?device=HW-DEV-DESKTOP-02`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await app.signIn(LICENSE_USER.email, LICENSE_USER.password);
    expect(new URL(page.url()).search).toBe('');

    const own = page.getByTestId('your-devices');
    await own.locator('[data-device="dev-desktop"]').waitFor();
    await page.getByTestId('company-figures').waitFor(); // each part's code arrives on its own
    expect(await page.locator('main h2').allInnerTexts()).toEqual(['Your devices', 'Company figures']);
    // Theirs only (the manager's devices are none of theirs), the one they are on marked.
    expect(
      await own.locator('[data-device]').evaluateAll((li) => li.map((d) => d.getAttribute('data-device'))),
    ).toEqual(['dev-desktop', 'dev-laptop', 'old-laptop']);
    expect(await own.getByTestId('this-machine').count()).toBe(1);
    expect(await own.locator('[data-device="dev-desktop"]').getByTestId('this-machine').innerText()).toBe(
      'This machine',
    );
    expect(await page.getByTestId('company-figures').getByTestId('license-gauges').innerText()).toContain('3 of 5');
    // Nothing of theirs waits: no Changes in the menu, no Pending changes card.
    expect(await app.nav('Changes').count()).toBe(0);
    expect(await page.getByTestId('dashboard-pending').count()).toBe(0);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.screenshot({ path: docsShotPath('dashboard-license-user.png'), fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/dashboard-license-user-390-${colorScheme}.png`, fullPage: true });
      expect(
        (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id),
        colorScheme,
      ).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 850 });

    // Their Licenses and License pages say whose figures the counters are.
    await app.nav('Licenses').click();
    await page.getByTestId('license-table').waitFor();
    expect(await page.getByTestId('company-figures-label').innerText()).toBe(
      'Activations and seats are company figures: they count every user of the license, not only you.',
    );
    await page.getByTestId('license-table').getByRole('link').first().click();
    await page.getByTestId('license-facts').waitFor();
    expect(await page.getByTestId('license-gauges').getByTestId('company-figures-label').innerText()).toBe(
      'Company figures: the devices and seats of every user of this license',
    );
    await context.close();
  });

  it('a reset of their own device, once sent, leaves the device inactive and no Changes behind', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 1280, height: 850 } });
    const page = await context.newPage();
    const app = new PortalApp(page, portal.server.url);
    await app.signIn(LICENSE_USER.email, LICENSE_USER.password);
    await page.getByTestId('devices-of').click();
    await app.deviceRow('dev-laptop').waitFor();
    await app.resetDevice('dev-laptop');
    await app.nav('Dashboard').click();
    const laptop = page.getByTestId('your-devices').locator('[data-device="dev-laptop"]');
    await expect.poll(() => laptop.getByTestId('device-status').innerText()).toBe('Inactive');
    await expect.poll(() => app.nav('Changes').count()).toBe(0);
    await context.close();
  });
});
