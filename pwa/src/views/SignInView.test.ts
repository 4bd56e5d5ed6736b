import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { createApp } from 'vue';
import { createPortalDb } from '@shared/db';
import { portalPlugin } from '@shared/stores';
import { createPortalRouter } from '../router';
import { messageFor } from '@shared/domain';
import SignInView from './SignInView.vue';

async function fillAndSubmit(wrapper: ReturnType<typeof mount>, password = 'secret-pass') {
  await wrapper.find('#company-id').setValue('CodeGlass');
  await wrapper.find('#email').setValue('someone@codeglass.example');
  await wrapper.find('#password').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

function portalAnswering(status: number, body: unknown) {
  return portalFetching(
    async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

function portalFetching(answer: () => Promise<Response>) {
  const fetch = answer as typeof globalThis.fetch;
  const wiring = portalPlugin({ baseURL: 'http://portal.test', fetch, db: createPortalDb(`signin-${Math.random()}`) });
  createApp({}).use(wiring); // the router's guards read the stores before any page is mounted
  return { wiring, router: createPortalRouter(createMemoryHistory()) };
}

describe('SignInView', () => {
  it('has labelled Company ID, email and password fields', async () => {
    const { wiring, router } = portalAnswering(401, {});
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router] } });
    for (const label of ['Company ID', 'Email', 'Password']) expect(wrapper.find('form').text()).toContain(label);
    expect(wrapper.find('label[for="company-id"]').exists() && wrapper.find('#company-id').exists()).toBe(true);
    wrapper.unmount();
  });

  it('shows the messages-module text when the credentials are wrong', async () => {
    const { wiring, router } = portalAnswering(401, {
      code: 'invalid_credentials',
      message: 'Company ID, email or password is wrong.',
    });
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router] } });
    await fillAndSubmit(wrapper, 'wrong');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="signin-error"]').text()).toBe('Company ID, email or password is wrong.');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('while signing in, says so and cannot be sent twice', async () => {
    const { wiring, router } = portalFetching(() => new Promise<Response>(() => undefined));
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router] } });
    await fillAndSubmit(wrapper);
    const button = wrapper.find('button[type="submit"]');
    expect(button.text()).toBe('Signing in…');
    expect(button.attributes('disabled')).toBeDefined();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offline (the server cannot be reached), shows the messages-module text and lets the user try again', async () => {
    const { wiring, router } = portalFetching(() => Promise.reject(new TypeError('Failed to fetch')));
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router] } });
    await fillAndSubmit(wrapper);
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.find('[role="alert"]').text()).toBe(messageFor('network_error'));
    expect(wrapper.find('[role="alert"]').text()).toContain('The portal cannot be reached');
    const button = wrapper.find('button[type="submit"]');
    expect(button.text()).toBe('Sign in');
    expect(button.attributes('disabled')).toBeUndefined();
    expect(router.currentRoute.value.path).toBe('/login');
    wrapper.unmount();
  });
});
