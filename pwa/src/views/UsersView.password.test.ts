import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ChangesView from './ChangesView.vue';
import UsersView from './UsersView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, settle, setupPortal, until, type SyncBody } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}/users`;

describe('Users: Reset password', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('previews the reset, queues it offline with a new initial password shown once, and marks the row pending', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="user-table"]');
    // A manager keeps their own password: no button for them.
    expect(buttonNamed(wrapper, 'New initial password for manager@codeglass.example')).toBeUndefined();
    server.mode = 'offline';
    await buttonNamed(wrapper, 'New initial password for dev@codeglass.example')?.trigger('click');
    await settle();
    const preview = wrapper.find('[data-testid="reset-password-preview"]').text();
    expect(preview).toContain('new initial password, shown to you once');
    expect(preview).toContain('signed out everywhere');
    await wrapper.find('[data-testid="confirm"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="initial-password"]').text()).toContain(
      'The new initial password of dev@codeglass.example is:',
    );
    const password = wrapper.find('[data-testid="initial-password"] code').text();
    expect(password).toMatch(/^\S{14}$/);
    expect(wrapper.find('tr[data-user="dev@codeglass.example"] [data-testid="pending"]').exists()).toBe(true);
    expect(buttonNamed(wrapper, 'New initial password for dev@codeglass.example')).toBeUndefined();
    wrapper.unmount();

    // The Changes page describes it, and sends the password made when it was queued.
    const sent: SyncBody[] = [];
    server.mode = 'data';
    server.sync = (body) => {
      sent.push(body);
      return null;
    };
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="change-list"]');
    expect(wrapper.find('[data-testid="change-list"]').text()).toContain(
      'New initial password for dev@codeglass.example',
    );
    expect(wrapper.find('[data-testid="change-list"] code').text()).toBe(password);
    await buttonNamed(wrapper, 'Send now')?.trigger('click');
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.commands[0]).toMatchObject({
      kind: 'user.reset_password',
      payload: { licenseId: LICENSE_ID, userId: 'u-dev', initialPassword: password },
    });
  });
});
