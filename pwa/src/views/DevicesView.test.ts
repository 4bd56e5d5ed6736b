import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { appNoticeFor } from '@shared/domain';
import DevicesView from './DevicesView.vue';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { settle, setupPortal, until } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}/devices`;

describe('DevicesView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('lists the devices with hostname, OS, status and a Reset for each active one', async () => {
    const { render } = await setupPortal();
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    const table = wrapper.find('[data-testid="device-table"]').text();
    expect(table).toContain('dev-laptop');
    expect(table).toContain('Windows 11');
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="license-gauges"]').text()).toContain('Deactivations');
  });

  it('previews a reset, queues it on confirm and marks the device pending', async () => {
    const { render } = await setupPortal();
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await wrapper.find('button[aria-label="Reset dev-laptop"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="reset-preview"]').text()).toContain('Uses 1 deactivation: 2 of 5 used so far.');
    await wrapper.find('[data-testid="confirm"]').trigger('click');
    await settle();
    expect(wrapper.find('tr[data-device="dev-laptop"] [data-testid="pending"]').exists()).toBe(true);
  });

  it('warns before the last deactivation', async () => {
    const { render } = await setupPortal({
      licenses: [aLicense({ deactivationCount: 4, deactivations: { used: 4, max: 5 } })],
    });
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await wrapper.find('button[aria-label="Reset dev-laptop"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="reset-preview"]').text()).toContain('This uses your last deactivation');
  });

  it('at the deactivation limit shows the contact-us text instead of Reset', async () => {
    const { render } = await setupPortal({
      licenses: [aLicense({ deactivationCount: 5, deactivations: { used: 5, max: 5 } })],
    });
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="deactivation-limit"]');
    expect(wrapper.find('[data-testid="deactivation-limit"]').text()).toContain('contact us to reset your limit');
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(false);
  });

  it('loading, offline, error and empty are never a blank page', async () => {
    const { render, server } = await setupPortal();
    server.mode = 'loading';
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-loading"]').exists()).toBe(true);
    wrapper.unmount();
    server.mode = 'offline';
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(true);
    wrapper.unmount();
    server.mode = 'error';
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-error"]').text()).toContain('Something went wrong');
  });

  it('says so when no device has activated the license', async () => {
    const { render } = await setupPortal({ devices: [] });
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(wrapper.find('[data-testid="state-empty"]').text()).toContain('No device has activated this license yet.');
  });

  it('offline, keeps listing the cached devices with their Reset and says so', async () => {
    const { render, server } = await setupPortal();
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    wrapper.unmount();
    server.mode = 'offline';
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="state-offline"]');
    expect(wrapper.find('[data-testid="state-offline"]').text()).toBe(appNoticeFor('offline_showing_cache'));
    expect(wrapper.find('[data-testid="device-table"]').text()).toContain('dev-laptop');
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(true);
  });
});
