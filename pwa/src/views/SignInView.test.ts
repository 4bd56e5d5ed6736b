import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { createApp } from 'vue';
import { createPortalDb } from '@shared/db';
import { portalPlugin } from '@shared/composables';
import { createPortalRouter } from '../router';
import { messageFor } from '@shared/domain';
import { i18nForTests } from '@shared/ui/testing/i18n';
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

function portalFetching(answer: (() => Promise<Response>) | typeof globalThis.fetch) {
  const fetch = answer as typeof globalThis.fetch;
  const wiring = portalPlugin({ baseURL: 'http://portal.test', fetch, db: createPortalDb(`signin-${Math.random()}`) });
  createApp({}).use(wiring); // the router's guards read the stores before any page is mounted
  return { wiring, router: createPortalRouter(createMemoryHistory()) };
}

describe('SignInView', () => {
  it('has labelled Company ID, email and password fields', async () => {
    const { wiring, router } = portalAnswering(401, {});
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router, await i18nForTests()] } });
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
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router, await i18nForTests()] } });
    await fillAndSubmit(wrapper, 'wrong');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="signin-error"]').text()).toBe('Company ID, email or password is wrong.');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('while signing in, says so and cannot be sent twice', async () => {
    const { wiring, router } = portalFetching(() => new Promise<Response>(() => undefined));
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router, await i18nForTests()] } });
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
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router, await i18nForTests()] } });
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

  it('at a first sign-in, asks for a new password twice (not the one just typed) and goes on once it is changed', async () => {
    const user = { id: 'u-new', email: 'someone@codeglass.example', name: 'New Hire', role: 'license_user' };
    const sent: unknown[] = [];
    let mustChange = true;
    const reply = (status: number, body?: unknown) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
      if (path.endsWith('/auth/login'))
        return reply(200, { token: 'token-'.padEnd(32, 'x'), user: { ...user, mustChangePassword: mustChange } });
      if (path.endsWith('/me'))
        return reply(200, {
          user: { ...user, mustChangePassword: mustChange },
          company: { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass' },
        });
      if (path.endsWith('/auth/password')) {
        sent.push(JSON.parse(String(init?.body)));
        mustChange = false;
        return reply(204);
      }
      return reply(200, path.endsWith('/sync') ? { results: [] } : { licenses: [] });
    };
    const { wiring, router } = portalFetching(fetch);
    await router.push('/login');
    const wrapper = mount(SignInView, { global: { plugins: [wiring, router, await i18nForTests()] } });
    await fillAndSubmit(wrapper, 'given-initial-pw');
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Choose a new password'));
    await vi.waitFor(() =>
      expect(wrapper.findAll('label').map((l) => l.text())).toEqual(['New password', 'Repeat the new password']),
    );
    const [next, repeat] = wrapper.findAll('input[type="password"]');
    await next!.setValue('my-own-secret');
    await repeat!.setValue('my-own-secreT');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe(messageFor('passwords_differ')));
    await repeat!.setValue('my-own-secret');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'));
    expect(sent).toEqual([{ currentPassword: 'given-initial-pw', newPassword: 'my-own-secret' }]);
    wrapper.unmount();
  });
});
