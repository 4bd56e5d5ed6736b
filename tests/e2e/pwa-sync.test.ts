import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runVendor, startPortalServer, type PortalServer } from '../support/portal-server';
import { goOffline, goOnline, launchChromium, waitForServiceWorker } from './support/browser';
import { PortalApp } from './support/portal-pages';
import { LICENSE_USER, openSignedIn, recordSyncedOpIds, serverLicense } from './support/portal-session';

// Assumes `npm run build:pwa` ran. Each test gets a fresh server (a fresh demo database).
describe('PWA sync against the real server', () => {
  let browser: Browser;
  let server: PortalServer | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the server message for a command it rejects (seat limit filled meanwhile through the vendor CLI) and offers Retry and Discard', async () => {
    server = await startPortalServer({ staticDir: 'dist/pwa' });
    const { context, page, app } = await openSignedIn(browser, server.url);
    const licenseId = await app.openFirstLicense();
    await app.tab('Users').click();
    await page.getByTestId('user-table').waitFor();
    await waitForServiceWorker(page);

    await goOffline(context);
    await app.assignUser('late.comer@codeglass.example', 'Lee', 'Late');

    // Meanwhile the vendor lowers the license to 2 subscriptions through the vendor CLI (same
    // SQLite file as the running server): both seats are taken, none is left for the queued assign.
    const changed = await runVendor(server.databasePath, [
      'license',
      'change',
      '--license',
      licenseId,
      '--quantity',
      '2',
    ]);
    expect(changed).toMatchObject({ id: licenseId, quantity: 2, maxLicenseUsers: 2 });
    await expect(serverLicense(server.url).then((s) => s.license.seats)).resolves.toEqual({ used: 2, max: 2 });

    await goOnline(context);
    await app.nav('Changes').click();
    await page.getByText('Refused').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('change-message').innerText()).resolves.toContain('Max license users number reached');
    await expect(page.getByRole('button', { name: /^Retry/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /^Discard/ }).count()).resolves.toBe(1);

    const after = await serverLicense(server.url);
    expect(after.license.seats).toEqual({ used: 2, max: 2 });
    expect(after.users.map((u) => u.email)).not.toContain('late.comer@codeglass.example');

    await page.getByRole('button', { name: /^Discard/ }).click();
    // Discarded: it leaves the list (the outbox answers through liveQuery, a moment later).
    await page.getByText('Refused').waitFor({ state: 'detached', timeout: 10_000 });
    await context.close();
  });

  it('sends each command once when two tabs are open', async () => {
    server = await startPortalServer({ staticDir: 'dist/pwa' });
    const { context, page: first, app: a } = await openSignedIn(browser, server.url);
    const licenseId = await a.openFirstLicense();
    await a.tab('Devices').click();
    await a.deviceRow('dev-laptop').waitFor();
    await waitForServiceWorker(first);
    const b = new PortalApp(await context.newPage(), server.url);
    await b.open(`/licenses/${licenseId}/devices`);
    await b.deviceRow('dev-desktop').waitFor();
    const sent: string[] = [];
    recordSyncedOpIds(first, sent);
    recordSyncedOpIds(b.page, sent);

    await goOffline(context);
    await a.resetDevice('dev-laptop');
    await b.resetDevice('dev-desktop');
    // Each tab sees the other's queued change (one outbox, watched live).
    await a.deviceRow('dev-desktop').getByTestId('pending').waitFor();
    await b.deviceRow('dev-laptop').getByTestId('pending').waitFor();

    await goOnline(context);
    await a.open('/changes');
    await first.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="change-state"]')].filter((el) => el.textContent?.trim() === 'Done')
          .length === 2,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await b.page.reload();
    await b.heading().waitFor();
    await b.page.waitForTimeout(1_000); // give the second tab every chance to send again

    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2);
    const after = await serverLicense(server.url);
    expect(after.license.deactivationCount).toBe(4);
    expect(after.devices.filter((d) => d.active).map((d) => d.hostname)).toEqual(['morgan-mbp']);
    await context.close();
  });

  it('shows a license user no Users tab and only their own devices to reset', async () => {
    server = await startPortalServer({ staticDir: 'dist/pwa' });
    const { context, page, app } = await openSignedIn(browser, server.url, LICENSE_USER);
    await expect(page.getByTestId('role').innerText()).resolves.toBe('License user');
    const licenseId = await app.openFirstLicense();
    await expect(app.tab('Users').count()).resolves.toBe(0);
    await expect(page.getByTestId('reset-license').count()).resolves.toBe(0);

    await app.open(`/licenses/${licenseId}/users`);
    expect(new URL(page.url()).pathname).toBe(`/licenses/${licenseId}`);

    await app.tab('Devices').click();
    await app.deviceRow('dev-laptop').waitFor();
    await expect(app.deviceRow('morgan-mbp').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Reset morgan-mbp' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Reset dev-laptop' }).count()).resolves.toBe(1);
    await context.close();
  });
});
