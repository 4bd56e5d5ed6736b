import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import LicenseView from './LicenseView.vue';
import { appNoticeFor } from '@shared/domain';
import { aLicense, aUser, LICENSE_ID } from '../testing/fixtures';
import { setupPortal, until } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}`;

describe('LicenseView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows the details, the three gauges and the Devices and Users tabs for a manager', async () => {
    const { render } = await setupPortal();
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="license-facts"]');
    expect(wrapper.find('[data-testid="license-facts"]').text()).toContain('Offline organization subscription');
    expect(wrapper.findAll('[role="meter"]')).toHaveLength(3);
    expect(wrapper.find('nav[aria-label="License sections"]').text()).toContain('Users');
  });

  it('says what a license reset will do and what it costs before confirming', async () => {
    const { render } = await setupPortal();
    const page = await render(LicenseView, path, { id: LICENSE_ID });
    wrapper = page;
    await until(page, '[data-testid="reset-license"]');
    await page.find('[data-testid="reset-license"]').trigger('click');
    // The preview counts what the cache holds: it fills in once those reads are done.
    await expect
      .poll(() => page.find('[data-testid="reset-preview"]').text(), { timeout: 10_000 })
      .toContain('Deactivates 2 devices and removes 1 user.');
    expect(page.find('[data-testid="reset-preview"]').text()).toContain('Uses 2 of your 3 remaining deactivations.');
  });

  it('hides Users and Reset license from a license user', async () => {
    // The role comes with each license: this one the user only holds a seat of.
    const { render } = await setupPortal({
      user: aUser({ id: 'u-dev', email: 'dev@codeglass.example', role: 'license_user' }),
      licenses: [aLicense({ role: 'license_user' })],
    });
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="license-facts"]');
    expect(wrapper.find('nav[aria-label="License sections"]').text()).not.toContain('Users');
    expect(wrapper.find('[data-testid="reset-license"]').exists()).toBe(false);
  });

  it('error with nothing cached shows the message, not a blank page', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'error';
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-error"]').text()).toContain('Something went wrong on the server');
  });

  it('says it is loading while the first answer is on its way', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'loading';
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-loading"]').text()).toBe('Loading…');
    expect(wrapper.find('h1').text()).toBe('License');
    expect(wrapper.find('[data-testid="data-age"]').text()).toBe('not loaded yet');
    expect(wrapper.find('[data-testid="reset-license"]').exists()).toBe(false);
  });

  it('offline, keeps showing the cached license, its gauges and Reset license, and says so', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="license-facts"]');
    wrapper.unmount();
    server.mode = 'offline';
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="state-offline"]');
    expect(wrapper.find('[data-testid="state-offline"]').text()).toBe(appNoticeFor('offline_showing_cache'));
    expect(wrapper.find('h1').text()).toBe('CodeGlass Offline Organization');
    expect(wrapper.find('[data-testid="license-facts"]').text()).toContain('3 subscriptions');
    expect(wrapper.findAll('[role="meter"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="data-age"]').text()).toMatch(/^updated /);
    expect(wrapper.find('[data-testid="reset-license"]').exists()).toBe(true);
  });

  it('offline with nothing cached, says to connect once instead of a blank page', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'offline';
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe(appNoticeFor('offline_nothing_cached'));
  });
});
