import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkAddress } from '../../server/tls/names';
import { CHROMIUM_ARGS } from '../support/chromium';
import { https1 } from '../support/https-client';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { spkiHash } from '../support/test-certificates';
import { goOffline, goOnline, waitForServiceWorker } from './support/browser';
import { PortalApp } from './support/portal-pages';
import { MANAGER } from './support/portal-session';

/*
 * The portal as a manager's laptop reaches it: at this machine's network address (not localhost,
 * which browsers treat as secure whatever the scheme), over HTTPS from the server's own CA, which
 * this Chromium trusts the way a managed laptop would after the README's one trust step (here by
 * the CA key's hash, --ignore-certificate-errors-spki-list). Needs `npm run build:pwa` first.
 */
const address = networkAddress();
if (!address) console.warn('pwa-https-network: skipped, this machine has no network address other than loopback');
let server: PortalServer;
let context: BrowserContext;
let profileDir: string;
let ca: string;

/** The demo license as the server has it, read over HTTPS with the CA trusted. */
async function serverLicense(): Promise<{ deactivationCount: number }> {
  const login = await https1(`${server.url}/api/v1/auth/login`, ca, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyId: 'CodeGlass', ...MANAGER }),
  });
  const token = JSON.parse(login.text).token as string;
  const list = await https1(`${server.url}/api/v1/licenses`, ca, { headers: { authorization: `Bearer ${token}` } });
  return JSON.parse(list.text).licenses[0];
}

describe.skipIf(!address)("the offline PWA over HTTPS at the machine's network address", () => {
  beforeAll(async () => {
    server = await startPortalServer({ staticDir: 'dist/pwa', env: { HOST: address!, SEED: '1' } });
    ca = readFileSync(join(dirname(server.databasePath), 'tls', 'ca.pem'), 'utf8');
    // A profile on disk, not an incognito context: Chromium offers no install in incognito.
    profileDir = mkdtempSync(join(tmpdir(), 'seat-portal-https-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1200, height: 850 },
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiHash(ca)}`],
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('is a secure context with a service worker, installable, readable offline, and syncs a reset queued offline', async () => {
    expect(server.url).toBe(`https://${address}:${server.port}`);
    const page = await context.newPage();
    const app = new PortalApp(page, server.url);
    await app.signIn(MANAGER.email, MANAGER.password);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, protocol: location.protocol }))).toEqual({
      secure: true,
      protocol: 'https:',
    });
    const licenseId = await app.openFirstLicense();
    await app.tab('Devices').click();
    await app.deviceRow('dev-desktop').waitFor();
    await waitForServiceWorker(page);
    // (Polled: the first install claims the page, and its controller may be swapped in just then.)
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

    // What Chromium checks before it offers to install the app (manifest, icons, service worker).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

    // Offline: the License page reloads from the service worker's cache and IndexedDB.
    await app.open(`/licenses/${licenseId}`);
    await goOffline(context);
    await page.reload();
    await page.getByTestId('license-facts').waitFor();
    // Offline indeed: the page cannot reach the server. (In a profile on disk, Chromium's emulated
    // offline state does not survive the reload in navigator.onLine, so the banner is not asked for.)
    expect(
      await page.evaluate(() =>
        fetch('/api/v1/status').then(
          () => 'reached',
          () => 'unreachable',
        ),
      ),
    ).toBe('unreachable');

    // A reset queued offline reaches the server once the network is back, exactly once.
    await app.tab('Devices').click();
    await app.resetDevice('dev-desktop');
    expect((await serverLicense()).deactivationCount).toBe(2);
    await goOnline(context);
    const again = new PortalApp(page, server.url);
    await again.open('/changes');
    await expect.poll(() => again.changeStates(), { timeout: 30_000 }).toEqual(['Done']);
    expect((await serverLicense()).deactivationCount).toBe(3);
    await page.reload();
    await again.heading().waitFor();
    expect((await serverLicense()).deactivationCount).toBe(3);
  });
});
