import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { APP_NOTICE_MESSAGES, messageFor } from '@shared/domain';
import { aLicense, aUser } from '../testing/fixtures';
import { buttonNamed, json, setOnline, settle, setupPortal, until } from '../testing/harness';
import { everythingStored } from '../testing/stored-text';
import ProfileView from './ProfileView.vue';

type Portal = Awaited<ReturnType<typeof setupPortal>>;

/** Types into the password form by its labels, as a user does, and sends it. */
async function changePassword(page: VueWrapper, values: { current?: string; next: string; repeat?: string }) {
  const field = (label: string) => {
    const id = page
      .findAll('label')
      .find((l) => l.text() === label)
      ?.attributes('for');
    return page.find(`[id="${id}"]`);
  };
  if (values.current !== undefined) await field('Current password').setValue(values.current);
  await field('New password').setValue(values.next);
  await field('Repeat the new password').setValue(values.repeat ?? values.next);
  await page.find('[data-testid="password-form"]').trigger('submit');
  await settle();
}

const posts = (server: Portal['server'], path: string) => server.requests.filter((r) => r === `POST ${path}`);

describe('ProfileView', () => {
  let page: VueWrapper | undefined;
  afterEach(() => {
    page?.unmount();
    setOnline(true);
  });

  it('shows the name, email, company and the role on each license', async () => {
    const { render } = await setupPortal({
      user: aUser({ name: 'Morgan Manager' }),
      licenses: [aLicense(), aLicense({ id: 'lic-2', name: 'CodeGlass Experimental', role: 'license_user' })],
    });
    page = await render(ProfileView, '/profile');
    await until(page, '[data-testid="profile-role"]');
    expect(page.find('h1').text()).toBe('My profile');
    expect(page.find('[data-testid="profile-name"]').text()).toBe('Morgan Manager');
    expect(page.find('[data-testid="profile-email"]').text()).toBe('manager@codeglass.example');
    expect(page.find('[data-testid="profile-company"]').text()).toBe('CodeGlass (Company ID CodeGlass)');
    expect(page.findAll('[data-testid="profile-licenses"] li').map((li) => li.text())).toEqual([
      'CodeGlass Experimental: License user',
      'CodeGlass Offline Organization: License manager',
    ]);
  });

  it('changes the password, says the other devices were signed out, and keeps this session', async () => {
    const { render, server, router } = await setupPortal();
    const sent: unknown[] = [];
    server.auth = (path, body) => (path === '/auth/password' ? (sent.push(body), null) : null);
    page = await render(ProfileView, '/profile');
    await changePassword(page, { current: 'secret-pass', next: 'a-new-secret-1' });
    expect(sent).toEqual([{ currentPassword: 'secret-pass', newPassword: 'a-new-secret-1' }]);
    expect(page.find('[data-testid="password-changed"]').text()).toBe(APP_NOTICE_MESSAGES.password_changed);
    expect(page.findAll('input[type="password"]').map((i) => (i.element as HTMLInputElement).value)).toEqual([
      '',
      '',
      '',
    ]);
    expect(router.currentRoute.value.path).toBe('/profile');
    expect(await everythingStored()).not.toContain('a-new-secret-1');
  });

  it("shows the server's reason when the current password is wrong", async () => {
    const { render, server } = await setupPortal();
    server.auth = () =>
      json(400, {
        code: 'wrong_current_password',
        message: messageFor('wrong_current_password'),
        field: 'currentPassword',
      });
    page = await render(ProfileView, '/profile');
    await changePassword(page, { current: 'not-it', next: 'a-new-secret-1' });
    expect(page.find('[role="alert"]').text()).toBe(messageFor('wrong_current_password'));
    expect(page.find('[data-testid="password-changed"]').exists()).toBe(false);
  });

  it('checks the new password as the server would, and that both are the same, before sending anything', async () => {
    const { render, server } = await setupPortal();
    page = await render(ProfileView, '/profile');
    await changePassword(page, { current: 'secret-pass', next: 'short' });
    expect(page.find('[role="alert"]').text()).toBe('newPassword: use at least 8 characters');
    await changePassword(page, { current: 'secret-pass', next: 'a-new-secret-1', repeat: 'a-new-secret-2' });
    expect(page.find('[role="alert"]').text()).toBe(messageFor('passwords_differ'));
    expect(posts(server, '/auth/password')).toEqual([]);
  });

  it('offline, says a password change needs the portal, cannot send it, and stores nothing of what was typed', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'offline';
    setOnline(false);
    page = await render(ProfileView, '/profile');
    expect(page.find('[data-testid="password-offline"]').text()).toBe(APP_NOTICE_MESSAGES.needs_connection);
    expect(buttonNamed(page, 'Change password')?.attributes('disabled')).toBeDefined();
    await changePassword(page, { current: 'typed-current-pw', next: 'typed-offline-pw' });
    expect(posts(server, '/auth/password')).toEqual([]);
    const stored = await everythingStored();
    expect(stored).toContain('manager@codeglass.example'); // the session is stored: the dump does see storage
    expect(stored).not.toContain('typed-current-pw');
    expect(stored).not.toContain('typed-offline-pw');
  });

  it('signs out the other devices after a confirmation and says so', async () => {
    const { render, server } = await setupPortal();
    page = await render(ProfileView, '/profile');
    await buttonNamed(page, 'Sign out on other devices…')?.trigger('click');
    await settle();
    expect(page.find('dialog').text()).toContain(APP_NOTICE_MESSAGES.end_other_sessions_confirm);
    expect(posts(server, '/auth/sessions/end-others')).toEqual([]);
    await page.find('dialog [data-testid="confirm"]').trigger('click');
    await settle();
    expect(posts(server, '/auth/sessions/end-others')).toHaveLength(1);
    expect(page.find('[data-testid="sessions-ended"]').text()).toBe(APP_NOTICE_MESSAGES.other_sessions_ended);
  });

  it('signs out the other devices only once confirmed, and says why not when the server refuses', async () => {
    const { render, server } = await setupPortal();
    server.auth = () => json(500, { code: 'internal_error', message: messageFor('internal_error') });
    page = await render(ProfileView, '/profile');
    await buttonNamed(page, 'Sign out on other devices…')?.trigger('click');
    await settle();
    await buttonNamed(page.find('dialog'), 'Cancel')?.trigger('click');
    await settle();
    expect(posts(server, '/auth/sessions/end-others')).toEqual([]);
    await buttonNamed(page, 'Sign out on other devices…')?.trigger('click');
    await settle();
    await page.find('dialog [data-testid="confirm"]').trigger('click');
    await settle();
    expect(page.find('[data-testid="sessions-error"]').text()).toBe(messageFor('internal_error'));
  });

  it('signs out and goes to the sign-in page', async () => {
    const { render, server, router } = await setupPortal();
    page = await render(ProfileView, '/profile');
    await page.find('[data-testid="profile-signout"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'));
    expect(posts(server, '/auth/logout')).toHaveLength(1);
  });
});
