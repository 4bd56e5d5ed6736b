import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ChangesView from './ChangesView.vue';
import DevicesView from './DevicesView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { settle, setupPortal, until } from '../testing/harness';

describe('ChangesView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('says so when there are no changes', async () => {
    const { render } = await setupPortal();
    wrapper = await render(ChangesView, '/changes');
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('No changes yet.');
  });

  it('lists a change queued offline as waiting, with what it does', async () => {
    const { render, server } = await setupPortal();
    const devices = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    server.mode = 'offline';
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      await devices.find('button[aria-label="Reset dev-laptop"]').trigger('click');
      await settle();
      await devices.find('[data-testid="confirm"]').trigger('click');
      await settle();
      devices.unmount();
      wrapper = await render(ChangesView, '/changes');
      await until(wrapper, '[data-testid="change-list"]');
      expect(wrapper.find('[data-testid="change-list"]').text()).toContain('Reset device dev-laptop');
      expect(wrapper.find('[data-testid="change-state"]').text()).toMatch(/Waiting to be sent|Will retry/);
      expect(wrapper.find('[data-testid="changes-status"]').text()).toContain('1 change waits until you are back online');
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    }
  });
});
