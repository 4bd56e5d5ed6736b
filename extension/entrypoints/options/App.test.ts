import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { de } from '@shared/i18n/catalogs/de';
import { localeItem, sessionItem, themeItem } from '../../storage/items';
import { PORTAL, session } from '../../testing/factories';
import { openPage } from '../../testing/open-page';
import App from './App.vue';

const open = (languages?: string[]) => openPage(App, languages);

describe('options page', () => {
  beforeEach(() => fakeBrowser.reset());

  it("offers each language in its own name, starting from the browser's", async () => {
    const options = await open(['fr-CA']);
    const language = options.find<HTMLSelectElement>('[data-testid="language"]');
    expect(language.findAll('option').map((o) => o.text())).toEqual(['English', 'Español', 'Français', 'Deutsch']);
    expect(language.element.value).toBe('fr');
    expect(options.find('label').text()).toContain('Langue');
  });

  it('stores the chosen language and shows the page in it at once', async () => {
    await sessionItem.setValue(session());
    const options = await open();
    expect(options.find('[data-testid="signed-in"]').text()).toContain(
      `Signed in as dev@codeglass.example at ${PORTAL}.`,
    );
    await options.find('[data-testid="language"]').setValue('de');
    await flushPromises();
    expect(await localeItem.getValue()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe(de.popup.options.pageTitle);
    expect(options.find('[data-testid="signed-in"] strong').text()).toBe('dev@codeglass.example');
    expect(options.find('[data-testid="signed-in"]').text()).toContain(
      `Angemeldet als dev@codeglass.example bei ${PORTAL}.`,
    );
    expect(options.find('[data-testid="sign-out"]').text()).toBe(de.popup.options.signOut);
  });

  it('stores the chosen theme and applies it to the page', async () => {
    const options = await open();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    const theme = options.find<HTMLSelectElement>('[data-testid="theme"]');
    expect(theme.findAll('option').map((o) => o.text())).toEqual(['System', 'Light', 'Dark']);
    await theme.setValue('dark');
    await flushPromises();
    expect(await themeItem.getValue()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await theme.setValue('system');
    await flushPromises();
    expect(await themeItem.getValue()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('opens in the language and theme stored before', async () => {
    await localeItem.setValue('es');
    await themeItem.setValue('light');
    const options = await open(['de']);
    expect(options.find('h1 + p').text()).toBe(
      'Inicie sesión en su portal de licencias para ver sus puestos, activaciones y desactivaciones en la barra de herramientas.',
    );
    expect(options.find('button[type="submit"]').text()).toBe('Iniciar sesión');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
