import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeResponseSchema, StatusResponseSchema } from '@shared/schemas';
import { api, apiLogin, runVendor, startPortalServer, type PortalServer } from '../support/portal-server';
import { DEMO, parsed } from './fixtures';

// The server and the vendor CLI as separate processes on one SQLite file, configured by the
// environment as an operator does it. Each CLI run starts Node + tsx: generous timeouts.
vi.setConfig({ testTimeout: 120_000 });

const CONTACT = 'https://vendor.example/contact';
const UPGRADE = 'https://vendor.example/store?plan=more-seats';
let server: PortalServer;

beforeAll(async () => {
  server = await startPortalServer({ env: { CONTACT_URL: CONTACT, UPGRADE_URL: UPGRADE } });
});
afterAll(() => server.stop());

/** Where the demo manager's "contact us" and "upgrade" link, as /me and /status tell it. */
async function linksSeen() {
  const token = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
  const me = parsed(MeResponseSchema, (await api(server.url, token, 'GET', '/me')).body);
  const status = parsed(StatusResponseSchema, (await api(server.url, token, 'GET', '/status')).body);
  expect(status.links).toEqual({ contact: me.company.contactUrl, upgrade: me.company.upgradeUrl });
  return status.links;
}

describe('contact and upgrade links', () => {
  it("gives every company the server's links, a company its own once the vendor sets them, and the server's again after --clear", async () => {
    expect(await linksSeen()).toEqual({ contact: CONTACT, upgrade: UPGRADE });

    const own = 'https://vendor.example/codeglass-desk';
    const set = await runVendor(server.databasePath, [
      'company',
      'links',
      '--company',
      DEMO.companyId,
      '--contact-url',
      own,
    ]);
    expect(set).toEqual({ companyId: DEMO.companyId, contactUrl: own, upgradeUrl: null });
    expect(await linksSeen()).toEqual({ contact: own, upgrade: UPGRADE });

    const cleared = await runVendor(server.databasePath, ['company', 'links', '--company', DEMO.companyId, '--clear']);
    expect(cleared).toEqual({ companyId: DEMO.companyId, contactUrl: null, upgradeUrl: null });
    expect(await linksSeen()).toEqual({ contact: CONTACT, upgrade: UPGRADE });

    const { events } = await runVendor(server.databasePath, ['audit', '--company', DEMO.companyId, '--limit', '2']);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['company.links', 'company.links']);
  });

  it('refuses a link that is not an http(s) URL, an unknown company, and a call that changes nothing', async () => {
    const links = (...args: string[]) => runVendor(server.databasePath, ['company', 'links', ...args]);
    await expect(links('--company', DEMO.companyId, '--upgrade-url', 'javascript:alert(1)')).rejects.toThrow(
      /exited 2.*--upgrade-url must be an http:\/\/ or https:\/\/ URL/s,
    );
    await expect(links('--company', 'Nobody', '--contact-url', CONTACT)).rejects.toThrow(/exited 1.*no company/s);
    await expect(links('--company', DEMO.companyId)).rejects.toThrow(/exited 2.*--contact-url, --upgrade-url/s);
    await expect(links('--company', DEMO.companyId, '--clear', '--contact-url', CONTACT)).rejects.toThrow(
      /exited 2.*--clear/s,
    );
  });

  it('does not start with a CONTACT_URL or UPGRADE_URL that is not an http(s) URL, and says which', async () => {
    await expect(startPortalServer({ env: { CONTACT_URL: 'mailto:sales@vendor.example' } })).rejects.toThrow(
      /CONTACT_URL: "mailto:sales@vendor.example" is not an http:\/\/ or https:\/\/ URL/,
    );
    await expect(startPortalServer({ env: { UPGRADE_URL: 'vendor.example/store' } })).rejects.toThrow(/UPGRADE_URL/);
  });
});
