import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../support/chromium';
import { REPO_ROOT, startPortalServer, type PortalServer } from '../support/portal-server';
import { spkiHash } from '../support/test-certificates';

/*
 * The built Chrome extension's options page against a portal that speaks HTTPS from its own CA,
 * which this Chromium trusts (by the CA key's hash, as a managed machine trusts the CA). Needs
 * `npm run build:ext` first.
 */
const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');
let server: PortalServer;
let context: BrowserContext;
let profileDir: string;
let extensionId: string;

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No extension build: run `npm run build:ext` first.');
  server = await startPortalServer({ env: { TLS: 'on' } });
  const ca = readFileSync(join(dirname(server.databasePath), 'tls', 'ca.pem'), 'utf8');
  profileDir = mkdtempSync(join(tmpdir(), 'seat-portal-ext-https-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--ignore-certificate-errors-spki-list=${spkiHash(ca)}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

async function signIn(page: Page, portalUrl: string): Promise<void> {
  await page.getByLabel('Portal URL').fill(portalUrl);
  await page.getByLabel('Company ID').fill('CodeGlass');
  await page.getByLabel('Email').fill('dev@codeglass.example');
  await page.getByLabel('Password').fill('dev-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the options page and the portal address', () => {
  it('refuses a plain http:// portal on the network without sending anything, and signs in to the HTTPS portal', async () => {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('http')) sent.push(request.url());
    });
    await page.goto(`chrome-extension://${extensionId}/options.html`);

    await signIn(page, 'http://portal.example:8787');
    await expect
      .poll(() => page.getByTestId('error').textContent())
      .toBe(
        'Portal URL: your password would cross the network unencrypted over http://; use https://portal.example:8787 (http:// works only for localhost)',
      );
    expect(await page.getByLabel('Portal URL').getAttribute('aria-invalid')).toBe('true');
    expect(sent, 'nothing was sent to the plain-HTTP address').toEqual([]);

    await signIn(page, server.url);
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toContain(server.url);

    // The popup reads the portal over HTTPS too, with no permission beyond storage and alarms.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('activations').textContent(), { timeout: 20_000 }).toContain('3 of 5');
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.host_permissions ?? []).toEqual([]);
  });
});
