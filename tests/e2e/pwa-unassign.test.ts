import { describe, expect, it } from 'vitest';
import { openSignedIn, serverLicense } from './support/portal-session';
import { servedPortal } from './support/served-portal';

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa.
describe('PWA: unassigning a user with active devices', () => {
  const portal = servedPortal();

  it('offers to deactivate their devices in the same step, and the server frees the seat and both activations', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    await app.openFirstLicense();
    await app.tab('Devices').click();
    await app.deviceRow('dev-desktop').waitFor();
    await app.tab('Users').click();
    await page.getByRole('button', { name: 'Unassign dev@codeglass.example' }).click();

    const dialog = page.getByRole('dialog');
    const offer = dialog.getByTestId('unassign-devices');
    expect(await offer.getByTestId('unassign-device-count').innerText()).toContain(
      'dev@codeglass.example has 2 active devices on this license: dev-desktop, dev-laptop.',
    );
    const tick = offer.getByRole('checkbox', { name: 'Also deactivate them in the same step' });
    expect(await tick.getAttribute('aria-describedby')).toBeTruthy();
    expect(await offer.getByTestId('deactivate-cost').innerText()).toBe('Uses 2 deactivations: 2 of 5 used so far.');
    await tick.check();
    await dialog.getByRole('button', { name: 'Unassign', exact: true }).click();
    await page.locator('tr[data-user="dev@codeglass.example"]').waitFor({ state: 'detached' });

    await expect
      .poll(
        async () => {
          const { license, devices, users } = await serverLicense(portal.server.url);
          return {
            deactivations: license.deactivationCount,
            active: devices.filter((d) => d.active).map((d) => d.hostname),
            dana: users.some((u) => u.email === 'dev@codeglass.example'),
          };
        },
        { timeout: 30_000 },
      )
      .toEqual({ deactivations: 4, active: ['morgan-mbp'], dana: false });
    await context.close();
  });
});
