import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, apiLogin } from '../../support/portal-server';
import { PortalApp } from './portal-pages';

export const MANAGER = { email: 'manager@codeglass.example', password: 'manager-demo' };
export const LICENSE_USER = { email: 'dev@codeglass.example', password: 'dev-demo' };

/** A browser context (one profile: one IndexedDB, one service worker) with a signed-in app. */
export async function openSignedIn(
  browser: Browser,
  baseURL: string,
  who = MANAGER,
): Promise<{ context: BrowserContext; page: Page; app: PortalApp }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 850 } });
  const page = await context.newPage();
  const app = new PortalApp(page, baseURL);
  await app.signIn(who.email, who.password);
  return { context, page, app };
}

/** The server's view of the demo license, read through its API as the manager. */
export async function serverLicense(url: string) {
  const token = await apiLogin(url, MANAGER.email, MANAGER.password);
  const licenses = await api(url, token, 'GET', '/licenses');
  const license = licenses.body.licenses[0];
  const devices = await api(url, token, 'GET', `/licenses/${license.id}/devices`);
  const users = await api(url, token, 'GET', `/licenses/${license.id}/users`);
  return {
    token,
    license: license as {
      id: string;
      deactivationCount: number;
      seats: { used: number; max: number };
      deactivations: { used: number; max: number };
    },
    devices: devices.body.devices as Array<{ id: string; hostname: string; active: boolean }>,
    users: users.body.users as Array<{ id: string; email: string }>,
  };
}

/**
 * Collects every opId a page delivered to the server in POST /api/v1/sync (attempts that failed
 * offline never reached it), to prove each command goes out once.
 */
export function recordSyncedOpIds(page: Page, into: string[]): void {
  page.on('requestfinished', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/sync')) return;
    const body = request.postDataJSON() as { commands?: Array<{ opId: string }> } | null;
    for (const command of body?.commands ?? []) into.push(command.opId);
  });
}
