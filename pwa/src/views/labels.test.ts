import { describe, expect } from 'vitest';
import type { Locale } from '@shared/i18n';
import DashboardView from './DashboardView.vue';
import LicensesView from './LicensesView.vue';
import LicenseView from './LicenseView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { until } from '../testing/harness';
import { itInEachLanguage } from '../testing/languages';

/** What a reader sees, by language. */
const SAID: Record<Locale, { kind: string; quantity: string; licenses: string; pending: string; lastSent: string }> = {
  en: {
    kind: 'Offline organization subscription',
    quantity: '3 subscriptions (3 seats in all)',
    licenses: 'Licenses',
    pending: 'Pending changes',
    lastSent: 'Changes last sent',
  },
  de: {
    kind: 'Offline-Organisations-Abonnement',
    quantity: '3 Abonnements (3 Plätze insgesamt)',
    licenses: 'Lizenzen',
    pending: 'Ausstehende Änderungen',
    lastSent: 'Änderungen zuletzt gesendet',
  },
  fr: {
    kind: 'Abonnement Organisation hors ligne',
    quantity: '3 abonnements (3 places au total)',
    licenses: 'Licences',
    pending: 'Modifications en attente',
    lastSent: 'Dernier envoi des modifications',
  },
  es: {
    kind: 'Suscripción de organización sin conexión',
    quantity: '3 suscripciones (3 puestos en total)',
    licenses: 'Licencias',
    pending: 'Cambios pendientes',
    lastSent: 'Último envío de cambios',
  },
};

describe('labels that say what they mean', { timeout: 30_000 }, () => {
  itInEachLanguage(
    SAID,
    '%s: the kind is said once, the quantity says its seats, the dashboard figures are link cards',
    async (said, { show }) => {
      let wrapper = await show(LicensesView, '/licenses');
      await until(wrapper, '[data-testid="license-table"]');
      const row = wrapper.find('[data-testid="license-table"] tbody tr').text();
      expect(row).toContain(said.kind);
      expect(row.split(said.kind)[1]).not.toMatch(/^,/);
      wrapper.unmount();

      wrapper = await show(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
      await until(wrapper, '[data-testid="quantity"]');
      expect(wrapper.find('[data-testid="quantity"]').text().replace(/\s+/g, ' ')).toBe(said.quantity);
      wrapper.unmount();

      wrapper = await show(DashboardView, '/');
      const cards = wrapper.findAll('a.dashboard-card');
      expect(cards.map((a) => [a.attributes('href'), a.find('.dashboard-card__label').text()])).toEqual([
        ['/licenses', said.licenses],
        ['/changes', said.pending],
      ]);
      expect(wrapper.text()).toContain(said.lastSent);
    },
  );
});
