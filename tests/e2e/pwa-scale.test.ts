import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Papa from 'papaparse';
import { api, apiLogin, runVendor, startPortalServer, type PortalServer } from '../support/portal-server';
import { launchChromium } from './support/browser';
import { PortalApp } from './support/portal-pages';

const DEVICES = 2000;
/** As the English page writes the count ("2,000"). */
const DEVICES_TEXT = DEVICES.toLocaleString('en');
const SCALE_MANAGER = { email: 'manager@scale.example', password: 'scale-demo', companyId: 'ScaleCo' };

/** Polls generously: the page reads and filters thousands of rows on a shared 2-core machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

// Assumes `npm run build:pwa` ran. An enterprise-sized license (`demo scale`) on the real server.
describe(`PWA at scale: the Devices page of a ${DEVICES}-device license`, () => {
  let server: PortalServer;
  let browser: Browser;
  let licenseId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer({ staticDir: 'dist/pwa' }), launchChromium()]);
    const seeded = await runVendor(server.databasePath, [
      'demo',
      'scale',
      '--devices',
      String(DEVICES),
      '--users',
      '50',
    ]);
    licenseId = seeded.license.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a manager filters by hostname, resets a device from the filtered view, and the filter survives a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 850 } });
    const page = await context.newPage();
    const app = new PortalApp(page, server.url);
    await app.signIn(SCALE_MANAGER.email, SCALE_MANAGER.password, SCALE_MANAGER.companyId);
    await app.open(`/licenses/${licenseId}/devices`);
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`${DEVICES_TEXT} devices`);
    expect(await page.locator('[data-device]').count()).toBeLessThanOrEqual(100); // only the rows in view

    await page.getByLabel('Filter devices').fill('host-0012');
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`10 of ${DEVICES_TEXT} devices`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('host-0012');
    expect(
      await page.locator('[data-device]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-device'))),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `host-0012${i}`));
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    expect(await app.resetDevice('host-00123')).toContain('Uses 1 deactivation');
    await page.getByText('Reset of host-00123 queued').waitFor();

    await page.reload();
    await page.getByTestId('device-table').waitFor();
    expect(await page.getByLabel('Filter devices').inputValue()).toBe('host-0012');
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`10 of ${DEVICES_TEXT} devices`);
    // Sent and pulled back: inactive now, on the page and on the server.
    await poll(() => app.deviceRow('host-00123').innerText()).toContain('Inactive');
    const token = await apiLogin(server.url, SCALE_MANAGER.email, SCALE_MANAGER.password, SCALE_MANAGER.companyId);
    const devices = (await api(server.url, token, 'GET', `/licenses/${licenseId}/devices`)).body.devices as Array<{
      hostname: string;
      active: boolean;
    }>;
    expect(devices.filter((d) => !d.active).map((d) => d.hostname)).toEqual(['host-00123']);
    await context.close();
  });

  it('a filter typed the moment a reload shows the first rows finds the device, and no key is lost', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 850 } });
    const page = await context.newPage();
    const app = new PortalApp(page, server.url);
    await app.signIn(SCALE_MANAGER.email, SCALE_MANAGER.password, SCALE_MANAGER.companyId);
    await app.open(`/licenses/${licenseId}/devices`);
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`${DEVICES_TEXT} devices`);

    await page.reload();
    await page.locator('[data-device]').first().waitFor();
    // Typed key by key, while the page is still reading its list.
    await page.getByLabel('Filter devices').pressSequentially('host-01234');
    expect(await page.getByLabel('Filter devices').inputValue()).toBe('host-01234');
    await app.deviceRow('host-01234').waitFor();
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`1 of ${DEVICES_TEXT} devices`);
    expect(
      await page.locator('[data-device]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-device'))),
    ).toEqual(['host-01234']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('host-01234');

    // Text inside a hostname is found too, once the whole list has been read.
    await page.getByLabel('Filter devices').fill('st-0199');
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`10 of ${DEVICES_TEXT} devices`);
    await context.close();
  });

  it('the Users page of the large license filters, sorts and exports what it shows', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 850 }, acceptDownloads: true });
    const page = await context.newPage();
    const app = new PortalApp(page, server.url);
    await app.signIn(SCALE_MANAGER.email, SCALE_MANAGER.password, SCALE_MANAGER.companyId);
    await app.open(`/licenses/${licenseId}/users`);
    await poll(() => page.getByTestId('user-count').innerText()).toMatch(/^\d+ users$/);
    const all = (await page.getByTestId('user-count').innerText()).split(' ')[0]!;

    // user4 and user40 to user49, by email from the last.
    await page.getByLabel('Filter users').fill('user4');
    await page.getByRole('button', { name: /^Email/ }).click();
    await page.getByRole('button', { name: /^Email/ }).click();
    await poll(() => page.getByTestId('user-count').innerText()).toBe(`11 of ${all} users`);
    const emails = () =>
      page
        .locator('[data-testid="user-table"] [data-user]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user')!));
    await poll(async () => (await emails())[0]).toMatch(/^user49\./);
    const shown = await emails();
    expect(shown.map((e) => e.split('.')[0])).toEqual([
      'user49',
      ...Array.from({ length: 9 }, (_, i) => `user${48 - i}`),
      'user4',
    ]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('email');

    const file = await app.download(page.getByRole('button', { name: 'Export CSV: users' }));
    expect(file.name).toMatch(/^users-.*\.csv$/);
    const rows = Papa.parse<Record<string, string>>(file.text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.email)).toEqual(shown);
    await context.close();
  });

  it('on a 390 px phone the cards stay virtual, and the last device comes into view with its Reset on screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const app = new PortalApp(page, server.url);
    await app.signIn(SCALE_MANAGER.email, SCALE_MANAGER.password, SCALE_MANAGER.companyId);
    await app.open(`/licenses/${licenseId}/devices?sort=hostname&dir=asc`);
    await poll(() => page.getByTestId('device-count').innerText()).toBe(`${DEVICES_TEXT} devices`);
    expect(await page.locator('[data-device]').count()).toBeLessThanOrEqual(100);

    // Scrolled to the end as a thumb would, until the measured cards have settled.
    const last = app.deviceRow('host-01999');
    await poll(() =>
      page.locator('.virtual-table').evaluate((box) => {
        box.scrollTop = box.scrollHeight;
        const row = box.querySelector('[data-device="host-01999"]');
        return row !== null && row.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 1;
      }),
    ).toBe(true);
    expect(await page.locator('[data-device]').count()).toBeLessThanOrEqual(100);
    const reset = last.getByRole('button', { name: 'Reset host-01999' });
    const box = (await reset.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(
      await page.locator('.virtual-table').evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth + 1),
      'no sideways scroll',
    ).toBe(true);
    await context.close();
  });
});
