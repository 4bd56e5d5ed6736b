import { describe, expect, it } from 'vitest';
import { APP_NOTICE_MESSAGES } from '@shared/domain';
import { api, apiLogin } from '../support/portal-server';
import { LICENSE_USER, openSignedIn } from './support/portal-session';
import { servedPortal } from './support/served-portal';

// Assumes `npm run build:pwa` ran. Its own server: the demo user's password changes here.
describe('My profile in the PWA against the real server', () => {
  const portal = servedPortal();

  it('a user opens the profile, changes the password, signs out and signs in with the new one', async () => {
    const elsewhere = await apiLogin(portal.server.url, LICENSE_USER.email, LICENSE_USER.password);
    const { context, page, app } = await openSignedIn(portal.browser, portal.server.url, LICENSE_USER);

    await page.getByRole('link', { name: /^My profile:/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByTestId('profile-role').first().waitFor();
    expect(await page.getByTestId('profile-email').innerText()).toBe(LICENSE_USER.email);
    expect(await page.getByTestId('profile-role').allInnerTexts()).toEqual(['License user']);

    const form = page.getByTestId('password-form');
    await form.getByLabel('Current password').fill(LICENSE_USER.password);
    await form.getByLabel('New password', { exact: true }).fill('dana-chose-this-1');
    await form.getByLabel('Repeat the new password').fill('dana-chose-this-1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(APP_NOTICE_MESSAGES.password_changed).waitFor();
    // This session stays; the one signed in elsewhere ended.
    expect((await api(portal.server.url, elsewhere, 'GET', '/licenses')).status).toBe(401);

    await page.getByTestId('profile-signout').click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(LICENSE_USER.email);
    await page.getByLabel('Password', { exact: true }).fill(LICENSE_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signin-error').waitFor();

    await app.signIn(LICENSE_USER.email, 'dana-chose-this-1');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Dashboard');
    await context.close();
  });
});
