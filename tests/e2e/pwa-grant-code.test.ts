import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrivateKey } from '../../server/licensing/keys';
import { demoVendorKeyPath } from '../../server/licensing/trust';
import { signGrantCode } from '../../server/vendor/grant';
import { goOffline, goOnline, waitForServiceWorker } from './support/browser';
import type { PortalApp } from './support/portal-pages';
import { openSignedIn, serverLicense } from './support/portal-session';
import { servedPortal } from './support/served-portal';

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa with its service worker.
describe('PWA: a grant code from the vendor', () => {
  const portal = servedPortal();

  /** What the vendor sends: a code signed with the demo vendor key this server trusts. */
  async function vendorCode(licenseId: string, raiseBy: number): Promise<string> {
    const path = demoVendorKeyPath(`sqlite:${portal.server.databasePath}`);
    const key = parsePrivateKey(readFileSync(path, 'utf8'), path);
    return signGrantCode({ licenseId, raiseBy, expiresAt: new Date(Date.now() + 3_600_000) }, key);
  }

  /** License page: paste the code, read the preview, confirm. Returns the preview text. */
  async function pasteCode(app: PortalApp, code: string): Promise<string> {
    await app.page.getByLabel('Code from the vendor').fill(code);
    await app.page.getByRole('button', { name: 'Use code…' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByTestId('grant-preview').waitFor();
    const preview = (await dialog.getByTestId('grant-preview').innerText()).trim();
    await dialog.getByRole('button', { name: 'Use code', exact: true }).click();
    // The note confirming the queued change, with its Undo while it waits.
    await app.page.getByTestId('command-notice').getByTestId('undo').waitFor();
    return preview;
  }

  async function allChangesSettled(app: PortalApp): Promise<string[]> {
    await app.open('/changes');
    await expect
      .poll(async () => (await app.changeStates()).every((s) => s === 'Done' || s === 'Refused'), { timeout: 30_000 })
      .toBe(true);
    return app.changeStates();
  }

  it('is checked at once, queued offline, applied once online; the same code again is refused', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const licenseId = await app.openFirstLicense();
    await waitForServiceWorker(page);
    const code = await vendorCode(licenseId, 3);

    // A garbled paste is refused on the spot, before anything is queued.
    await page.getByLabel('Code from the vendor').fill(code.slice(0, 80) + 'x' + code.slice(81));
    await page.getByRole('button', { name: 'Use code…' }).click();
    await expect(page.getByTestId('grant-refusal').innerText()).resolves.toMatch(
      /not signed by the vendor|not a grant code/,
    );
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);

    await goOffline(context);
    expect(await pasteCode(app, code)).toContain('Raises the deactivation limit from 5 to 8.');
    // The page shows the raised limit at once, while the change waits to be sent.
    await expect.poll(() => page.getByTestId('license-gauges').innerText()).toMatch(/2\s*of\s*8/);
    await app.nav('Changes').click();
    await expect.poll(() => app.changeStates()).toEqual(['Waiting to be sent']);
    expect((await serverLicense(portal.server.url)).license.deactivations, 'nothing sent offline').toEqual({
      used: 2,
      max: 5,
    });

    await goOnline(context);
    await page.reload();
    expect(await allChangesSettled(app)).toEqual(['Done']);
    expect((await serverLicense(portal.server.url)).license.deactivations).toEqual({ used: 2, max: 8 });

    // The same code pasted again: queued (this device cannot know), refused by the server, applied once.
    await app.open(`/licenses/${licenseId}`);
    await pasteCode(app, code);
    const states = await allChangesSettled(app);
    expect(states.filter((s) => s === 'Refused')).toHaveLength(1);
    await expect(page.locator('main').innerText()).resolves.toContain('This grant code was already used');
    expect((await serverLicense(portal.server.url)).license.deactivations).toEqual({ used: 2, max: 8 });
    await context.close();
  });
});
