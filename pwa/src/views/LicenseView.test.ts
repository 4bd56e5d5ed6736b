import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import LicenseView from './LicenseView.vue';
import { aUser, LICENSE_ID } from '../testing/fixtures';
import { settle, setupPortal, until } from '../testing/harness';

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
    wrapper = await render(LicenseView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="reset-license"]');
    await wrapper.find('[data-testid="reset-license"]').trigger('click');
    await settle();
    const preview = wrapper.find('[data-testid="reset-preview"]').text();
    expect(preview).toContain('Deactivates 2 devices and removes 1 user.');
    expect(preview).toContain('Uses 2 of your 3 remaining deactivations.');
  });

  it('hides Users and Reset license from a license user', async () => {
    const { render } = await setupPortal({ user: aUser({ id: 'u-dev', email: 'dev@codeglass.example', role: 'license_user' }) });
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
});
