import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { useLicensesStore } from '@shared/stores';
import DevicesView from './views/DevicesView.vue';
import LicenseView from './views/LicenseView.vue';
import { aLicense, aUser, LICENSE_ID } from './testing/fixtures';
import { settle, setupPortal, until } from './testing/harness';

/** The role that counts is the one the license carries, not the user's role on some other license. */
describe('the role of THIS license decides', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('a manager elsewhere but a plain user of this license: no Users tab, no Reset license, no users route, own devices only', async () => {
    const { render, router } = await setupPortal({
      user: aUser({ role: 'license_manager' }),
      licenses: [aLicense({ role: 'license_user' })],
    });
    wrapper = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="license-facts"]');
    expect(wrapper.find('nav.tabs').text()).not.toContain('Users');
    expect(wrapper.find('[data-testid="reset-license"]').exists()).toBe(false);
    await useLicensesStore().load();
    await router.push(`/licenses/${LICENSE_ID}/users`);
    expect(router.currentRoute.value.path).toBe(`/licenses/${LICENSE_ID}`);
    wrapper.unmount();
    wrapper = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    await until(wrapper, 'button[aria-label="Reset morgan-mbp"]');
    expect(wrapper.find('button[aria-label="Reset morgan-mbp"]').exists()).toBe(true); // their own device
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(false); // someone else's
  });

  it('a plain user elsewhere but manager of this license: Users tab, Reset license, the users route, every device', async () => {
    const { render, router } = await setupPortal({
      user: aUser({ role: 'license_user' }),
      licenses: [aLicense({ role: 'license_manager' })],
    });
    wrapper = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="reset-license"]');
    expect(wrapper.find('nav.tabs').text()).toContain('Users');
    expect(wrapper.find('[data-testid="reset-license"]').exists()).toBe(true);
    await router.push(`/licenses/${LICENSE_ID}/users`);
    expect(router.currentRoute.value.path).toBe(`/licenses/${LICENSE_ID}/users`);
    wrapper.unmount();
    wrapper = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    await until(wrapper, 'button[aria-label="Reset dev-laptop"]');
    await settle();
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(true);
    expect(wrapper.find('button[aria-label="Reset morgan-mbp"]').exists()).toBe(true);
  });
});
