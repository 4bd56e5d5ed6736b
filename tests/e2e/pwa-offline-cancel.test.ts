import { describe, expect, it } from 'vitest';
import { api } from '../support/portal-server';
import { goOffline, goOnline } from './support/browser';
import { openSignedIn, recordSyncedOpIds, serverLicense } from './support/portal-session';
import { servedPortal } from './support/served-portal';

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa.
describe('PWA offline: one offline state, and a waiting change taken back', () => {
  const portal = servedPortal();

  it('says offline once on the Devices page; a reset cancelled from Changes never reaches the server', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const sent: string[] = [];
    recordSyncedOpIds(page, sent);
    const licenseId = await app.openFirstLicense();
    await app.tab('Devices').click();
    await app.deviceRow('dev-desktop').waitFor();
    const licenseName = (await page.locator('main h1 .page-sub').innerText()).replace(/^\s*·\s*/, '');
    const gauges = () => page.getByTestId('license-gauges').getByTestId('counter-value').allInnerTexts();
    const before = await gauges();
    const eventsBefore = await serverEvents(portal.server.url, licenseId);

    await goOffline(context);
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/^Offline · data from \d\d:\d\d [AP]M UTC · /);
    // Said once: the banner, and nothing else on the page (the license's own name aside).
    const said = (await page.locator('body').innerText()).replaceAll(licenseName, '');
    expect(said.match(/offline/gi), said).toHaveLength(1);
    expect(await page.getByTestId('reload-all').isDisabled()).toBe(true);

    await app.resetDevice('dev-desktop');
    expect(await banner.innerText()).toContain('1 change waiting');
    expect(await app.deviceRow('dev-desktop').locator('.badge').allInnerTexts()).toEqual([
      'Deactivation waiting to be sent',
    ]);
    expect(await gauges()).not.toEqual(before);

    await app.nav('Changes').click();
    await page.getByRole('button', { name: /^Cancel change\s*: Reset device dev-desktop$/ }).click();
    await expect.poll(() => page.getByTestId('cancel-outcome').innerText()).toBe('Cancelled: nothing was sent.');
    expect(await page.getByTestId('change-list').count()).toBe(0);

    // The cache shows the device active again and the gauges as they were, still offline.
    await page.goBack();
    await app.deviceRow('dev-desktop').waitFor();
    expect(await app.deviceRow('dev-desktop').locator('.badge').allInnerTexts()).toEqual(['Active']);
    await expect.poll(gauges).toEqual(before);
    expect(await banner.innerText()).toContain('changes you make are sent when you are back online');

    // Back online: a full reload of the list is answered, and the server has seen nothing.
    await goOnline(context);
    await banner.waitFor({ state: 'detached' });
    const reloaded = page.waitForResponse((r) => r.url().includes(`/licenses/${licenseId}/devices`));
    await page.getByTestId('reload-all').click();
    await reloaded;
    const after = await serverLicense(portal.server.url);
    expect(after.devices.find((d) => d.hostname === 'dev-desktop')?.active).toBe(true);
    expect(after.license.deactivationCount).toBe(2);
    expect(await serverEvents(portal.server.url, licenseId)).toEqual(eventsBefore);
    expect(sent).toEqual([]);
    expect(await app.deviceRow('dev-desktop').locator('.badge').allInnerTexts()).toEqual(['Active']);
    await context.close();
  });
});

/** The license's activity as the server keeps it (newest first). */
async function serverEvents(url: string, licenseId: string): Promise<unknown[]> {
  const { token } = await serverLicense(url);
  const res = await api(url, token, 'GET', `/licenses/${licenseId}/events`);
  return res.body.events as unknown[];
}
