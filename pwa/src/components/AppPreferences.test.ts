import { en } from '@shared/i18n';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey, startPreferences } from '@shared/ui/preferences';
import DashboardView from '../views/DashboardView.vue';
import { useSessionStore } from '@shared/stores';
import SignInView from '../views/SignInView.vue';
import { settle, setupPortal } from '../testing/harness';
import AppHeader from './AppHeader.vue';
import AppPreferences from './AppPreferences.vue';

/** The header above a page, as the app shows them. */
const HeaderAndPage = defineComponent(() => () => [h(AppHeader), h(DashboardView)]);

function memoryStorage() {
  const memory = new Map<string, string>();
  return {
    memory,
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
  };
}

describe('the language and theme pickers', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => {
    wrapper?.unmount();
    delete document.documentElement.dataset.theme;
  });

  it('switch the whole page to the picked language without remounting it, and set <html lang>', async () => {
    const { render } = await setupPortal();
    wrapper = await render(HeaderAndPage, '/');
    const heading = wrapper.find('h1').element;
    expect(heading.textContent).toBe('Dashboard');
    const picker = wrapper.find<HTMLSelectElement>('[data-testid="language-picker"]');
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['English', 'Español', 'Français', 'Deutsch']);
    expect(wrapper.find(`label[for="${picker.attributes('id')}"]`).text()).toBe('Language');

    await picker.setValue('de');
    await vi.waitFor(() => expect(wrapper!.find('h1').text()).toBe('Übersicht'));
    expect(wrapper.find('h1').element).toBe(heading);
    expect(document.documentElement.lang).toBe('de');
    expect(wrapper.find('nav').attributes('aria-label')).toBe('Hauptnavigation');
    expect(wrapper.find('nav').text()).toContain('Lizenzen');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('Lizenzverwalter');
    expect(wrapper.find(`label[for="${picker.attributes('id')}"]`).text()).toBe('Sprache');

    await picker.setValue('en');
    await vi.waitFor(() => expect(wrapper!.find('h1').text()).toBe('Dashboard'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('set data-theme on <html> from the theme picker and remember the choice on the device', async () => {
    const storage = memoryStorage();
    const i18n = createPortalI18n(en);
    const preferences = await startPreferences(i18n, storage, ['en']);
    wrapper = mount(AppPreferences, {
      global: { plugins: [i18n, { install: (app) => app.provide(PreferencesKey, preferences) }] },
    });
    const picker = wrapper.find('[data-testid="theme-picker"]');
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['System', 'Light', 'Dark']);
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await picker.setValue('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await picker.setValue('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    wrapper.unmount();
    wrapper = undefined;

    delete document.documentElement.dataset.theme;
    const again = await startPreferences(createPortalI18n(en), storage, ['en']);
    expect(again.theme.value).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    again.setTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('are in the header once signed in, and on the sign-in page for a signed-out reader', async () => {
    const { render } = await setupPortal({}, { locale: 'fr' });
    wrapper = await render(AppHeader, '/');
    expect(wrapper.find('[data-testid="theme-picker"] option[value="dark"]').text()).toBe('Sombre');
    await useSessionStore().signOut();
    await settle();
    expect(wrapper.find('[data-testid="language-picker"]').exists()).toBe(false);
    wrapper.unmount();
    wrapper = await render(SignInView, '/login');
    expect(wrapper.find('h1').text()).toBe('Connexion');
    expect(wrapper.find('[data-testid="language-picker"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="theme-picker"]').exists()).toBe(true);
  });
});
