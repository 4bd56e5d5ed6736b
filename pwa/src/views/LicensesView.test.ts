import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import LicensesView from './LicensesView.vue';
import { aLicense } from '../testing/fixtures';
import { settle, setupPortal } from '../testing/harness';

describe('LicensesView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('lists the licenses with type, status, activations and seats', async () => {
    const { render } = await setupPortal();
    wrapper = await render(LicensesView, '/licenses');
    const row = wrapper.find('[data-testid="license-table"] tbody tr').text();
    expect(row).toContain('CodeGlass Offline Organization');
    expect(row).toContain('Active');
    expect(row).toContain('3 of 5');
    expect(row).toContain('2 of 3');
    expect(wrapper.find('[data-testid="contact-us"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('updated just now');
  });

  it('shows the seed portal contact-us notice when there is more than one entry', async () => {
    const { render } = await setupPortal({ licenses: [aLicense(), aLicense({ id: 'lic-2', name: 'Second' })] });
    wrapper = await render(LicensesView, '/licenses');
    expect(wrapper.find('[data-testid="contact-us"]').text()).toContain('You should never see more than one entry');
  });

  it('says it is loading while the first answer is on its way', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'loading';
    wrapper = await render(LicensesView, '/licenses');
    expect(wrapper.find('[data-testid="state-loading"]').text()).toBe('Loading…');
  });

  it('offline, keeps showing the cached licenses and says so', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(LicensesView, '/licenses');
    wrapper.unmount();
    server.mode = 'offline';
    wrapper = await render(LicensesView, '/licenses');
    await settle();
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="license-table"]').text()).toContain('CodeGlass Offline Organization');
  });

  it('offline, the search and the license file upload are disabled and say they need the portal', async () => {
    const { render } = await setupPortal();
    wrapper = await render(LicensesView, '/licenses');
    const search = () => wrapper!.find('.licenses-search button[type="submit"]');
    const upload = () => wrapper!.find('[data-testid="license-file-upload"]');
    expect(search().attributes('disabled')).toBeUndefined();
    expect(upload().attributes('disabled')).toBeUndefined();
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    window.dispatchEvent(new Event('offline'));
    try {
      await settle();
      for (const button of [search(), upload()]) {
        expect(button.attributes('disabled')).toBeDefined();
        const reason = wrapper.find(`#${button.attributes('aria-describedby')}`);
        expect(reason.text()).toBe('Needs a connection to the portal');
      }
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
      window.dispatchEvent(new Event('online'));
    }
  });

  it('offline with nothing cached, says to connect once instead of a blank page', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'offline';
    wrapper = await render(LicensesView, '/licenses');
    expect(wrapper.find('[data-testid="state-empty"]').text()).toContain('connect once');
  });

  it('shows the error message with a retry on a server error', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'error';
    wrapper = await render(LicensesView, '/licenses');
    expect(wrapper.find('[data-testid="state-error"]').text()).toContain('Something went wrong on the server');
    server.mode = 'data';
    await wrapper.find('[data-testid="state-error"] button').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="license-table"]').exists()).toBe(true);
  });

  it('says so when the user has no license', async () => {
    const { render } = await setupPortal({ licenses: [] });
    wrapper = await render(LicensesView, '/licenses');
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('You have no license yet.');
  });
});
