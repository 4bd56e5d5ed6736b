import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import DashboardView from './DashboardView.vue';
import { aUser } from '../testing/fixtures';
import { setupPortal } from '../testing/harness';

describe('DashboardView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows the role, the number of licenses, pending changes and the last sync', async () => {
    const { render } = await setupPortal();
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('License manager');
    expect(wrapper.find('[data-testid="license-count"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="dashboard-pending"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="last-sync"]').exists()).toBe(true);
  });

  it('says License user for a license user', async () => {
    const { render } = await setupPortal({
      user: aUser({ id: 'u-dev', email: 'dev@codeglass.example', role: 'license_user' }),
    });
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('License user');
  });

  it('offline, leaves saying so to the one offline state and still shows the cached numbers', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(DashboardView, '/');
    wrapper.unmount();
    server.mode = 'offline';
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      wrapper = await render(DashboardView, '/');
      expect(wrapper.text()).not.toMatch(/offline|updated/i);
      expect(wrapper.find('[data-testid="license-count"]').text()).toBe('1');
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    }
  });

  it('shows the error message on a server error', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'error';
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="state-error"]').text()).toContain('Something went wrong on the server');
  });

  it('while the licenses load, still says who is signed in and that nothing is loaded yet', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'loading';
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('h1').text()).toBe('Dashboard');
    expect(wrapper.text()).toContain('Signed in as Morgan Manager');
    expect(wrapper.find('[data-testid="data-age"]').text()).toBe('not loaded yet');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('License manager');
    expect(wrapper.find('[data-testid="license-count"]').text()).toBe('Loading…');
    expect(wrapper.find('[data-testid="state-error"]').exists()).toBe(false);
  });

  it('with no license and nothing pending, says 0 and 0', async () => {
    const { render } = await setupPortal({ licenses: [] });
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="license-count"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="dashboard-pending"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="dashboard-offline"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="data-age"]').text()).toMatch(/^updated /);
  });
});
