import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { messageFor } from '@shared/domain';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { json, setupPortal, until } from '../testing/harness';
import DashboardView from './DashboardView.vue';
import LicensesView from './LicensesView.vue';
import LicenseView from './LicenseView.vue';
import ProfileView from './ProfileView.vue';

/** No catalog key ("shell.dashboard.title") may ever reach the page instead of its words. */
const RAW_KEY = /\b(shell|ui|app|errors|messages|vendorLinks)\.[a-z_]+(\.[a-z_]+)*\b/i;

describe('the shell pages in other languages', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows the dashboard in German: headings, role, labels and the data age', async () => {
    const { render } = await setupPortal({}, { locale: 'de' });
    wrapper = await render(DashboardView, '/');
    const page = wrapper.text();
    expect(wrapper.find('h1').text()).toBe('Übersicht');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('Lizenzverwalter');
    expect(page).toContain('Angemeldet als Morgan Manager');
    expect(page).toContain('Änderungen zuletzt gesendet');
    expect(wrapper.find('[data-testid="data-age"]').text()).toMatch(/^aktualisiert /);
    expect(page).not.toMatch(RAW_KEY);
    expect(page).not.toContain('Dashboard');
  });

  it('shows a license in French: facts, status, quantity, gauges and tabs', async () => {
    const { render } = await setupPortal({}, { locale: 'fr' });
    wrapper = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="license-facts"]');
    const facts = wrapper.find('[data-testid="license-facts"]').text();
    expect(facts).toContain('Abonnement Organisation hors ligne');
    expect(facts).toContain('Valable jusqu’au');
    expect(facts).toContain('3 abonnements');
    expect(facts).toContain('Active');
    expect(facts).toMatch(/dans \d+ jours/);
    expect(wrapper.find('[data-testid="license-gauges"]').text()).toContain('Activations3 sur 5');
    expect(wrapper.find('nav[aria-label="Sections de la licence"]').text()).toContain('Utilisateurs');
    expect(wrapper.find('[data-testid="reset-license"]').text()).toBe('Réinitialiser la licence…');
    expect(wrapper.text()).not.toMatch(RAW_KEY);
  });

  it('lists the licenses in Spanish, with a notice about more than one', async () => {
    const { render } = await setupPortal(
      { licenses: [aLicense(), aLicense({ id: 'lic-2', name: 'Second', status: 'disabled' })] },
      { locale: 'es' },
    );
    wrapper = await render(LicensesView, '/licenses');
    await until(wrapper, '[data-testid="license-table"]');
    const table = wrapper.find('[data-testid="license-table"]').text();
    expect(table).toContain('Suscripción de organización sin conexión');
    expect(table).toContain('Deshabilitada');
    expect(table).toContain('Puestos');
    expect(wrapper.find('[data-testid="contact-us"]').text()).toContain('Nunca debería ver más de una entrada');
    expect(wrapper.find('#search-heading').text()).toBe('Buscar las licencias de un usuario');
    expect(wrapper.text()).not.toMatch(RAW_KEY);
  });

  it("shows the profile in German, and a refused password in the client's German, not the server's English", async () => {
    const { render, server } = await setupPortal({}, { locale: 'de' });
    server.auth = () => json(400, { code: 'wrong_current_password', message: messageFor('wrong_current_password') });
    wrapper = await render(ProfileView, '/profile');
    expect(wrapper.find('h1').text()).toBe('Mein Profil');
    expect(wrapper.find('[data-testid="profile-role"]').text()).toBe('Lizenzverwalter');
    expect(wrapper.find('[data-testid="profile-company"]').text()).toContain('(Firmen-ID CodeGlass)');
    const form = wrapper.find('[data-testid="password-form"]');
    expect(form.text()).toContain('Mindestens 8 Zeichen.');
    const inputs = form.findAll('input');
    await inputs[0]!.setValue('not-it');
    await inputs[1]!.setValue('short');
    await inputs[2]!.setValue('short');
    await form.trigger('submit');
    expect(wrapper.find('[data-testid="password-error"]').text()).toBe(
      'newPassword: Verwenden Sie mindestens 8 Zeichen',
    );
    await inputs[1]!.setValue('a-new-secret-1');
    await inputs[2]!.setValue('a-new-secret-1');
    await form.trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper!.find('[data-testid="password-error"]').text()).toBe(
        'currentPassword: Das ist nicht Ihr aktuelles Passwort.',
      ),
    );
    expect(wrapper.text()).not.toMatch(RAW_KEY);
  });
});
