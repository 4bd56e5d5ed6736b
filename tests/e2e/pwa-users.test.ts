import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runVendor } from '../support/portal-server';
import { goOffline, goOnline, waitForServiceWorker } from './support/browser';
import { PortalApp } from './support/portal-pages';
import { LICENSE_USER, openSignedIn, serverLicense } from './support/portal-session';
import { servedPortal } from './support/served-portal';

const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

// Assumes `npm run build:pwa` ran: the real server serves dist/pwa with its service worker.
describe('PWA users: batch assign, password reset, activity, CSV export', () => {
  const portal = servedPortal();

  it('assigns a CSV file offline, syncs it, and gives every row its outcome and the new accounts their passwords', async () => {
    const before = await serverLicense(portal.server.url);
    // 5 seats: the manager and dev hold two, three are free.
    await runVendor(portal.server.databasePath, [
      'license',
      'change',
      '--license',
      before.license.id,
      '--quantity',
      '5',
    ]);
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const licenseId = await app.openFirstLicense();
    await app.tab('Users').click();
    await page.getByTestId('user-table').waitFor();
    await waitForServiceWorker(page);

    await goOffline(context);
    const counts = await app.previewBatchFile({
      name: 'new-people.csv',
      text: [
        'Email,First name,Last name',
        'ana@codeglass.example,Ana,Alves',
        'bo@codeglass.example,Bo,Berg',
        'dev@codeglass.example,Dana,Developer',
        'not an email,X,Y',
        'ANA@codeglass.example,Ana,Again',
        'cy@codeglass.example,Cy,Chen',
        'di@codeglass.example,Di,Dunn',
      ].join('\r\n'),
    });
    expect(counts).toEqual({ assign: 3, already_assigned: 1, invalid: 1, duplicate: 1, over_limit: 1 });
    await page.getByRole('button', { name: 'Queue 3 assignments' }).click();
    await page.getByTestId('batch-notice').waitFor();
    await page.locator('tr[data-user="cy@codeglass.example"]').getByTestId('pending').waitFor();
    await app.open('/changes');
    await expect(page.getByTestId('group-counts').innerText()).resolves.toBe(
      '1 already assigned, 3 waiting, 1 invalid, 1 duplicate, 1 seat limit reached',
    );

    // Back online, the app sends what waited by itself.
    await goOnline(context);
    await expect
      .poll(() => page.getByTestId('group-counts').innerText(), { timeout: 30_000 })
      .toBe('3 assigned, 1 already assigned, 1 invalid, 1 duplicate, 1 seat limit reached');
    const after = await serverLicense(portal.server.url);
    expect(after.license.seats).toEqual({ used: 5, max: 5 });

    const results = await app.download(page.getByRole('button', { name: 'Download results: new-people.csv' }));
    expect(results.name).toMatch(/^batch-results-.+\.csv$/);
    const rows = rowsOf(results.text);
    expect(rows.map((r) => [r.line, r.email, r.outcome])).toEqual([
      ['2', 'ana@codeglass.example', 'assigned'],
      ['3', 'bo@codeglass.example', 'assigned'],
      ['4', 'dev@codeglass.example', 'already assigned'],
      ['5', 'not an email', 'invalid'],
      ['6', 'ANA@codeglass.example', 'duplicate'],
      ['7', 'cy@codeglass.example', 'assigned'],
      ['8', 'di@codeglass.example', 'seat limit reached'],
    ]);
    // A created account signs in with the password from the results, and must choose its own.
    const ana = rows[0]!;
    expect(ana['account created']).toBe('yes');
    const fresh = await portal.browser.newContext();
    const anaApp = new PortalApp(await fresh.newPage(), portal.server.url);
    await anaApp.page.goto(`${portal.server.url}/login`);
    await anaApp.page.getByLabel('Company ID').fill('CodeGlass');
    await anaApp.page.getByLabel('Email').fill('ana@codeglass.example');
    await anaApp.page.getByLabel('Password', { exact: true }).fill(ana['initial password']!);
    await anaApp.page.getByRole('button', { name: 'Sign in' }).click();
    await anaApp.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await fresh.close();

    // Dismissed, the passwords leave this device: the results no longer hold them.
    await page.getByRole('button', { name: 'Dismiss passwords: new-people.csv' }).click();
    await page.getByTestId('group-passwords').waitFor({ state: 'detached' });
    const again = rowsOf((await app.download(page.getByRole('button', { name: /^Download results/ }))).text);
    expect(again.every((r) => r['initial password'] === '')).toBe(true);
    await context.close();
    expect(licenseId).toBe(before.license.id);
  });

  it('resets a user`s password: they sign in with the new initial password, must change it, and Activity says so', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const licenseId = await app.openFirstLicense();
    await app.tab('Users').click();
    await page.getByTestId('user-table').waitFor();
    const password = await app.resetPassword(LICENSE_USER.email);
    expect(password).toMatch(/^\S{14}$/);
    await page.locator(`tr[data-user="${LICENSE_USER.email}"]`).getByTestId('pending').waitFor();
    await app.open('/changes');
    await expect.poll(() => app.changeStates(), { timeout: 30_000 }).toContain('Done');

    // The old password no longer works; the new one does, and asks for a password of their own.
    const devContext = await portal.browser.newContext();
    const dev = new PortalApp(await devContext.newPage(), portal.server.url);
    await dev.page.goto(`${portal.server.url}/login`);
    await dev.page.getByLabel('Company ID').fill('CodeGlass');
    await dev.page.getByLabel('Email').fill(LICENSE_USER.email);
    await dev.page.getByLabel('Password', { exact: true }).fill(LICENSE_USER.password);
    await dev.page.getByRole('button', { name: 'Sign in' }).click();
    await dev.page.getByText('Company ID, email or password is wrong.').waitFor();
    await dev.page.getByLabel('Password', { exact: true }).fill(password);
    await dev.page.getByRole('button', { name: 'Sign in' }).click();
    await dev.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await dev.page.getByLabel('New password', { exact: true }).fill('dev-chosen-2');
    await dev.page.getByLabel('Repeat the new password').fill('dev-chosen-2');
    await dev.page.getByRole('button', { name: 'Save password' }).click();
    await dev.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await devContext.close();

    // The manager's Activity tab: the reset, newest first; filtered by kind, in the URL.
    await app.open(`/licenses/${licenseId}/activity`);
    await page.getByTestId('event-list').waitFor();
    await expect(page.getByTestId('event-text').first().innerText()).resolves.toBe(
      `manager@codeglass.example reset the password of ${LICENSE_USER.email}`,
    );
    await page.getByTestId('event-kind').selectOption('user.assign');
    await page.waitForURL(/kind=user\.assign/);
    await expect
      .poll(() => page.getByTestId('event-text').allInnerTexts())
      .toEqual([
        'manager@codeglass.example assigned cy@codeglass.example (new account)',
        'manager@codeglass.example assigned bo@codeglass.example (new account)',
        'manager@codeglass.example assigned ana@codeglass.example (new account)',
      ]);
    await context.close();
  });

  it('exports the Devices list as the filter shows it, and the file reads back', async () => {
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url);
    const licenseId = await app.openFirstLicense();
    await app.open(`/licenses/${licenseId}/devices?status=active`);
    await app.deviceRow('dev-laptop').waitFor();
    const file = await app.download(page.getByRole('button', { name: 'Export CSV: devices' }));
    // The license's name and the day (README.md: What you see).
    expect(file.name).toMatch(/^devices-codeglass-offline-organization-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = rowsOf(file.text);
    const shown = await page
      .locator('[data-testid="device-table"] [data-device]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-device')));
    expect(rows.map((r) => r.hostname).sort()).toEqual([...shown].sort());
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    const laptop = rows.find((r) => r.hostname === 'dev-laptop')!;
    expect(laptop.user).toBe(LICENSE_USER.email);
    expect(laptop['first activated']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(new Date(laptop['first activated']!).toISOString()).toBe(laptop['first activated']);
    await context.close();
  });
});
