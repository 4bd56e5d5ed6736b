import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { appNoticeFor, english } from '@shared/domain';
import UsersView from './UsersView.vue';
import { storeDevices, wholeList } from '@shared/db';
import { useUsersStore } from '@shared/stores';
import { aDevice, aLicense, aLicenseUser, LICENSE_ID } from '../testing/fixtures';
import { settle, setupPortal, until } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}/users`;

describe('UsersView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('lists the assigned users; managers keep their seat (no Unassign)', async () => {
    const { render } = await setupPortal();
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="user-table"]').text()).toContain('dev@codeglass.example');
    expect(wrapper.find('button[aria-label="Unassign dev@codeglass.example"]').exists()).toBe(true);
    expect(wrapper.find('button[aria-label="Unassign manager@codeglass.example"]').exists()).toBe(false);
  });

  it('assigns an unknown email after a preview and shows its initial password once', async () => {
    const { render } = await setupPortal();
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="user-table"]');
    await wrapper.find('#assign-email').setValue('new.hire@codeglass.example');
    await wrapper.find('#assign-first').setValue('Nia');
    await wrapper.find('[data-testid="assign-form"]').trigger('submit');
    await settle();
    const preview = wrapper.find('[data-testid="assign-preview"]').text();
    expect(preview).toContain('3 of 3 seats used after it');
    expect(preview).toContain('This uses the last free seat');
    await wrapper.find('[data-testid="confirm"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="initial-password"] code').text()).toMatch(/\S{8,}/);
    expect(wrapper.find('tr[data-user="new.hire@codeglass.example"] [data-testid="pending"]').exists()).toBe(true);
  });

  it('at the seat limit shows "Max license users number reached" with the upgrade hint', async () => {
    const { render } = await setupPortal({ licenses: [aLicense({ seats: { used: 3, max: 3 } })] });
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="seat-limit"]');
    expect(wrapper.find('[data-testid="seat-limit"]').text()).toContain('Max license users number reached: upgrade');
    expect(wrapper.find('#assign-email').attributes('disabled')).toBeDefined();
  });

  it('offline and error states keep the page readable', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'offline';
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(true);
    wrapper.unmount();
    server.mode = 'error';
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-error"]').exists()).toBe(true);
  });

  it('says it is loading while the first answer is on its way', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'loading';
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-loading"]').text()).toBe('Loading…');
    expect(wrapper.find('[data-testid="user-table"]').exists()).toBe(false);
  });

  it('says so when nobody holds a seat, and still offers to assign one', async () => {
    const { render } = await setupPortal({ users: [], licenses: [aLicense({ seats: { used: 0, max: 3 } })] });
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('Nobody holds a seat of this license yet.');
    expect(wrapper.find('[data-testid="user-table"]').exists()).toBe(false);
    expect(wrapper.find('#assign-email').attributes('disabled')).toBeUndefined();
  });

  it('offline, keeps listing the cached users and says so', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    wrapper.unmount();
    server.mode = 'offline';
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="state-offline"]');
    expect(wrapper.find('[data-testid="state-offline"]').text()).toBe(appNoticeFor('offline_showing_cache'));
    expect(wrapper.find('[data-testid="user-table"]').text()).toContain('dev@codeglass.example');
  });

  it('filters by email or name, sorts by a column, and keeps both in the URL', async () => {
    const { render, router, server } = await setupPortal();
    server.data.users.push(
      aLicenseUser({ id: 'u-ana', email: 'ana@codeglass.example', firstName: 'Ana', lastName: 'Zed' }),
    );
    wrapper = await render(UsersView, `${path}?q=zed`, { id: LICENSE_ID });
    const emails = () => wrapper!.findAll('[data-user]').map((r) => r.attributes('data-user'));
    expect(emails()).toEqual(['ana@codeglass.example']);
    expect(wrapper.find('[data-testid="user-count"]').text()).toBe('1 of 3 users');
    await wrapper.find('[data-testid="user-filter"]').setValue('');
    await wrapper
      .findAll('th button')
      .find((b) => b.text().startsWith('Email'))!
      .trigger('click');
    await settle();
    expect(emails()).toEqual(['ana@codeglass.example', 'dev@codeglass.example', 'manager@codeglass.example']);
    expect(router.currentRoute.value.query).toEqual({ sort: 'email' });
  });

  it('knows the owner of a cached device of the license has an account, with the Devices page not open', async () => {
    const { render, portal } = await setupPortal();
    const owned = aDevice({
      id: 'd-9',
      hostname: 'old-box',
      userId: 'u-old',
      userEmail: 'old.timer@codeglass.example',
    });
    await storeDevices(await portal.database(), LICENSE_ID, wholeList([owned]), new Date().toISOString()); // an earlier visit
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    const users = useUsersStore();
    expect(await users.isKnownEmail('Old.Timer@codeglass.example')).toBe(true);
    expect(await users.isKnownEmail('stranger@codeglass.example')).toBe(false);
    const effects = async (email: string) =>
      (await users.previewAssign(LICENSE_ID, email)).effects.map((t) => english(t)).join(' ');
    expect(await effects('old.timer@codeglass.example')).not.toContain('one is created');
    expect(await effects('stranger@codeglass.example')).toContain('one is created');
  });
});
