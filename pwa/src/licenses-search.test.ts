import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { messageFor } from '@shared/domain';
import { useLicensesStore } from '@shared/stores';
import LicensesView from './views/LicensesView.vue';
import { settle, setupPortal, until } from './testing/harness';

describe('Licenses: find a user`s licenses', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it.each([
    ['offline', messageFor('network_error')],
    ['error', 'Something went wrong on the server'],
  ] as const)('a search that failed (%s) says so, and leaves the list`s own status alone', async (mode, text) => {
    const { server, render } = await setupPortal();
    wrapper = await render(LicensesView, '/licenses');
    await until(wrapper, '#search-email');
    server.mode = mode;
    await wrapper.find('#search-email').setValue('dev@codeglass.example');
    await wrapper.find('form[role="search"]').trigger('submit');
    await settle();
    await until(wrapper, '[data-testid="search-error"]');
    expect(wrapper.find('[data-testid="search-error"]').text()).toContain(text);
    expect(wrapper.text()).not.toContain('No license of yours is held by');
    const licenses = useLicensesStore();
    expect(licenses.searchStatus).toBe(mode);
    expect(licenses.status).toBe('idle');
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(false);
  });
});
