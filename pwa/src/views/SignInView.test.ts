import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { createApiClient } from '../../../shared/api';
import { createPortalDb } from '../../../shared/db';
import { currentToken, installPortal } from '../../../shared/stores';
import { createPortalRouter } from '../router';
import SignInView from './SignInView.vue';

function portalAnswering(status: number, body: unknown) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const fetch = (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof globalThis.fetch;
  installPortal({ api: createApiClient({ baseURL: 'http://portal.test', getToken: currentToken, fetch }), db: createPortalDb(`signin-${Math.random()}`) });
  return { pinia, router: createPortalRouter(createMemoryHistory()) };
}

describe('SignInView', () => {
  it('has labelled Company ID, email and password fields', async () => {
    const { pinia, router } = portalAnswering(401, {});
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [pinia, router] } });
    for (const label of ['Company ID', 'Email', 'Password']) expect(wrapper.find('form').text()).toContain(label);
    expect(wrapper.find('label[for="company-id"]').exists() && wrapper.find('#company-id').exists()).toBe(true);
    wrapper.unmount();
  });

  it('shows the messages-module text when the credentials are wrong', async () => {
    const { pinia, router } = portalAnswering(401, { code: 'invalid_credentials', message: 'Company ID, email or password is wrong.' });
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [pinia, router] } });
    await wrapper.find('#company-id').setValue('CodeGlass');
    await wrapper.find('#email').setValue('someone@codeglass.example');
    await wrapper.find('#password').setValue('wrong');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="signin-error"]').text()).toBe('Company ID, email or password is wrong.');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
