import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { appNoticeFor } from '@shared/domain';
import DevicesView from './DevicesView.vue';
import { aDevice, aLicense, LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, settle, setupPortal, until } from '../testing/harness';

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

  const rowsShown = (w: VueWrapper) => w.findAll('[data-device]').map((r) => r.attributes('data-device'));

  it('filters by hostname, user or OS as you type, keeps the filter in the URL, and opens a filtered link', async () => {
    const { render, router } = await setupPortal({
      devices: [
        aDevice(),
        aDevice({ id: 'd-2', hostname: 'morgan-mbp', os: 'macOS 15', userEmail: 'manager@codeglass.example' }),
        aDevice({ id: 'd-3', hostname: 'build-01', os: 'Ubuntu 24.04', active: false }),
      ],
    });
    wrapper = await render(DevicesView, `${path}?q=MORGAN`, { id: LICENSE_ID });
    expect(rowsShown(wrapper)).toEqual(['morgan-mbp']);
    expect(wrapper.find('[data-testid="device-count"]').text()).toBe('1 of 3 devices');
    await wrapper.find('[data-testid="device-filter"]').setValue('ubuntu');
    await settle();
    expect(rowsShown(wrapper)).toEqual(['build-01']);
    expect(router.currentRoute.value.query).toEqual({ q: 'ubuntu' });
    await wrapper.find('[data-testid="device-filter"]').setValue('');
    await wrapper.find('[data-testid="device-status"]').setValue('inactive');
    await settle();
    expect(rowsShown(wrapper)).toEqual(['build-01']);
    expect(router.currentRoute.value.query).toEqual({ status: 'inactive' });
    await wrapper.find('[data-testid="device-filter"]').setValue('laptop');
    await settle();
    expect(wrapper.find('[data-testid="no-match"]').text()).toBe('No device matches this filter.');
  });

  it('sorts by a column header, says which with aria-sort, and keeps the sort in the URL', async () => {
    const { render, router } = await setupPortal({
      devices: [aDevice({ id: 'd-1', hostname: 'b-host' }), aDevice({ id: 'd-2', hostname: 'a-host', active: false })],
    });
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(rowsShown(wrapper)).toEqual(['b-host', 'a-host']); // active first
    expect(wrapper.find('th[aria-sort="ascending"]').text()).toContain('Status');
    await buttonNamed(wrapper, /^Hostname/)!.trigger('click');
    await buttonNamed(wrapper, /^Hostname/)!.trigger('click');
    await settle();
    expect(rowsShown(wrapper)).toEqual(['b-host', 'a-host']);
    expect(wrapper.find('th[aria-sort="descending"]').text()).toContain('Hostname');
    expect(wrapper.findAll('th[aria-sort]')).toHaveLength(1);
    expect(router.currentRoute.value.query).toEqual({ sort: 'hostname', dir: 'desc' });
  });

  it('puts a bounded number of a long list`s rows in the page and tells assistive technology how many there are', async () => {
    const devices = Array.from({ length: 1000 }, (_, i) =>
      aDevice({ id: `d-${i}`, hostname: `host-${String(i).padStart(4, '0')}` }),
    );
    const { render } = await setupPortal({ devices });
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-device="host-0000"]');
    const rows = wrapper.findAll('[data-device]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(wrapper.find('[data-testid="device-table"]').attributes('aria-rowcount')).toBe('1001');
    expect(rows[0]!.attributes('aria-rowindex')).toBe('2');
    expect(wrapper.find('[data-testid="device-count"]').text()).toBe('1,000 devices');
  });

  it('refreshes with the list`s cursor and shows what changed: changed rows, removed ones gone', async () => {
    const { render, server } = await setupPortal();
    const [laptop, mbp] = server.data.devices;
    server.lists = (list, since) => {
      if (list !== 'devices') return null;
      if (since === null) return { devices: [laptop, mbp], cursor: 'c-1', full: true };
      return { devices: [{ ...mbp!, active: false }], removed: [laptop!.id], cursor: `${since}+`, full: false };
    };
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    expect(rowsShown(wrapper)).toEqual(['dev-laptop', 'morgan-mbp']);
    wrapper.unmount();
    wrapper = await render(DevicesView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-device="morgan-mbp"] .badge:not(.badge--ok)');
    expect(rowsShown(wrapper)).toEqual(['morgan-mbp']);
    expect(wrapper.find('[data-device="morgan-mbp"]').text()).toContain('Inactive');
    const asked = server.requests.filter((r) => r.includes('/devices'));
    // The whole list is asked for as NDJSON (it is shown as it arrives), a refresh by its cursor.
    expect(asked).toEqual([
      `GET /licenses/${LICENSE_ID}/devices?format=ndjson`,
      `GET /licenses/${LICENSE_ID}/devices?since=c-1`,
    ]);
    await buttonNamed(wrapper, 'Reload all')!.trigger('click');
    await settle();
    expect(server.requests.at(-1)).toBe(`GET /licenses/${LICENSE_ID}/devices?format=ndjson`);
  });
});
