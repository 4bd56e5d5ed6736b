import { describe, expect, it } from 'vitest';
import { goOffline, goOnline, waitForServiceWorker } from './support/browser';
import { PortalApp } from './support/portal-pages';
import { openSignedIn, serverLicense } from './support/portal-session';
import { servedPortal } from './support/served-portal';

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa with its service worker.
describe('PWA offline: queue while disconnected, sync exactly once', () => {
  const portal = servedPortal();

  it('keeps a device reset and a user assignment through an offline reload and applies each once', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const licenseId = await app.openFirstLicense();
    // Visit the pages once online so the device has their data, and let the service worker take over.
    await app.tab('Devices').click();
    await app.deviceRow('dev-desktop').waitFor();
    await app.tab('Users').click();
    await page.getByTestId('user-table').waitFor();
    await waitForServiceWorker(page);

    await goOffline(context);
    await app.tab('Devices').click();
    const preview = await app.resetDevice('dev-desktop');
    expect(preview).toContain('Uses 1 deactivation');
    await app.tab('Users').click();
    const password = await app.assignUser('new.hire@codeglass.example', 'Nia', 'Hire');
    expect(password, 'an unknown email gets its initial password at once, offline').toMatch(/\S{8,}/);

    // Reload while offline: the service worker serves the app, the pages render from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Users/ }).waitFor();
    await page.locator('tr[data-user="new.hire@codeglass.example"]').getByTestId('pending').waitFor();
    await app.open(`/licenses/${licenseId}/devices`);
    await app.deviceRow('dev-desktop').getByTestId('pending').waitFor();
    await app.open('/changes');
    expect(await app.changeStates()).toEqual(['Waiting to be sent', 'Waiting to be sent']);
    await expect(page.getByTestId('offline-banner').innerText()).resolves.toContain('2 changes wait');
    // Closed mid-send, maybe: the next sender must not wait for this tab's lease to expire.
    await page.close();

    const before = await serverLicense(portal.server.url);
    expect(before.license.deactivationCount, 'nothing reached the server while offline').toBe(2);

    // Open the app again, online: the outbox sends both commands.
    await goOnline(context);
    const again = new PortalApp(await context.newPage(), portal.server.url);
    await again.open('/changes');
    await again.page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="change-state"]')].every(
            (el) => el.textContent?.trim() === 'Done',
          ),
        undefined,
        {
          timeout: 30_000,
        },
      )
      .catch(async (error: unknown) => {
        throw new Error(`changes did not apply: ${(await again.changeStates()).join(', ')}`, { cause: error });
      });

    const after = await serverLicense(portal.server.url);
    expect(after.license.deactivationCount).toBe(3);
    expect(after.license.deactivations).toEqual({ used: 3, max: 5 });
    expect(after.license.seats).toEqual({ used: 3, max: 3 });
    expect(after.devices.find((d) => d.hostname === 'dev-desktop')?.active).toBe(false);
    expect(after.users.filter((u) => u.email === 'new.hire@codeglass.example')).toHaveLength(1);

    // Nothing is left to send: the page says so and offers no manual send (once the run's pull ended).
    await expect
      .poll(() => again.page.getByTestId('changes-status').innerText(), { timeout: 15_000 })
      .toBe('Everything is sent.');
    await expect(again.page.getByRole('button', { name: 'Send now' }).isDisabled()).resolves.toBe(true);
    // Sending again (another start of the app) changes nothing: each command applied once.
    await again.page.reload();
    await again.heading().waitFor();
    const settled = await serverLicense(portal.server.url);
    expect(settled.license.deactivationCount).toBe(3);
    expect(settled.license.seats.used).toBe(3);
    await context.close();
  });
});
