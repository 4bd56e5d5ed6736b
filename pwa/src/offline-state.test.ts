import { afterEach, describe, expect } from 'vitest';
import { useOnline } from '@vueuse/core';
import { defineComponent, h } from 'vue';
import type { Locale } from '@shared/i18n';
import { useOutboxStore } from '@shared/stores';
import AppOfflineBanner from './components/AppOfflineBanner.vue';
import DevicesView from './views/DevicesView.vue';
import { LICENSE_ID } from './testing/fixtures';
import { setOnline, settle, until } from './testing/harness';
import { itInEachLanguage } from './testing/languages';

/** The Devices page inside the app's shell, as App.vue puts the offline state above every page. */
const DevicesInShell = defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    const online = useOnline();
    const outbox = useOutboxStore();
    return () =>
      h('div', [h(AppOfflineBanner, { online: online.value, pending: outbox.pendingCount }), h(DevicesView, props)]);
  },
});

/** What a reader sees, by language. */
const SAID: Record<
  Locale,
  {
    offline: string;
    dataFrom: RegExp;
    nothingWaiting: string;
    oneWaiting: string;
    needsNetwork: string;
    reset: string;
    queued: string;
    badge: string;
    gaugePending: string;
    active: string;
    cancelled: string;
  }
> = {
  en: {
    offline: 'Offline',
    dataFrom: /data from \d\d:\d\d [AP]M UTC/,
    nothingWaiting: 'changes you make are sent when you are back online',
    oneWaiting: '1 change waiting',
    needsNetwork: 'Needs a connection to the portal',
    reset: 'Reset dev-laptop',
    queued: 'Reset of dev-laptop waits on this device: it is sent when you are back online.',
    badge: 'Deactivation waiting to be sent',
    gaugePending: '1 waiting to be sent',
    active: 'Active',
    cancelled: 'Cancelled: nothing was sent.',
  },
  de: {
    offline: 'Offline',
    dataFrom: /Daten von \d\d:\d\d UTC/,
    nothingWaiting: 'Ihre Änderungen werden gesendet, sobald Sie wieder online sind',
    oneWaiting: '1 Änderung wartet',
    needsNetwork: 'Braucht eine Verbindung zum Portal',
    reset: 'dev-laptop zurücksetzen',
    queued: 'Zurücksetzen von dev-laptop wartet auf diesem Gerät: wird gesendet, sobald Sie wieder online sind.',
    badge: 'Deaktivierung wartet auf Versand',
    gaugePending: '1 wartet auf Versand',
    active: 'Aktiv',
    cancelled: 'Abgebrochen: Es wurde nichts gesendet.',
  },
  fr: {
    offline: 'Hors ligne',
    dataFrom: /données de \d\d:\d\d UTC/,
    nothingWaiting: 'vos modifications sont envoyées dès votre retour en ligne',
    oneWaiting: '1 modification en attente',
    needsNetwork: 'Nécessite une connexion au portail',
    reset: 'Réinitialiser dev-laptop',
    queued: 'Réinitialisation de dev-laptop attend sur cet appareil : envoi dès votre retour en ligne.',
    badge: 'Désactivation en attente d’envoi',
    gaugePending: '1 en attente d’envoi',
    active: 'Actif',
    cancelled: 'Annulé : rien n’a été envoyé.',
  },
  es: {
    offline: 'Sin conexión',
    dataFrom: /datos de las \d\d:\d\d UTC/,
    nothingWaiting: 'sus cambios se envían en cuanto vuelva a tener conexión',
    oneWaiting: '1 cambio en espera',
    needsNetwork: 'Necesita conexión con el portal',
    reset: 'Restablecer dev-laptop',
    queued: 'Restablecimiento de dev-laptop espera en este dispositivo: se envía en cuanto vuelva a tener conexión.',
    badge: 'Desactivación pendiente de envío',
    gaugePending: '1 pendiente de envío',
    active: 'Activo',
    cancelled: 'Cancelado: no se envió nada.',
  },
};

/** How often the page says `word` (the license's name, "CodeGlass Offline Organization", aside). */
const occurrences = (text: string, word: string) =>
  text.replaceAll('CodeGlass Offline Organization', '').split(word).length - 1;

describe('the one offline state on the Devices page', { timeout: 30_000 }, () => {
  afterEach(() => setOnline(true));

  itInEachLanguage(
    SAID,
    '%s: says offline once, with the data`s time and what waits; a reset queued offline can be undone',
    async (said, { show, server }) => {
      (await show(DevicesInShell, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID })).unmount();
      server.mode = 'offline';
      setOnline(false);
      const wrapper = await show(DevicesInShell, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
      await until(wrapper, '[data-testid="device-table"]');

      const banner = wrapper.find('[data-testid="offline-banner"]');
      expect(banner.text()).toMatch(said.dataFrom);
      expect(banner.text()).toBe(
        `${said.offline} · ${banner.text().match(said.dataFrom)![0]} · ${said.nothingWaiting}`,
      );
      expect(occurrences(wrapper.text(), said.offline), 'offline is said once').toBe(1);
      expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="data-age"]').exists()).toBe(false);
      const reload = wrapper.find('[data-testid="reload-all"]');
      expect(reload.attributes('disabled')).toBeDefined();
      expect(wrapper.find(`#${reload.attributes('aria-describedby')}`).text()).toBe(said.needsNetwork);

      await wrapper.find(`button[aria-label="${said.reset}"]`).trigger('click');
      await settle();
      await wrapper.find('[data-testid="confirm"]').trigger('click');
      await settle();
      expect(wrapper.find('[data-testid="command-notice"]').text()).toContain(said.queued);
      expect(banner.text()).toContain(said.oneWaiting);
      const row = wrapper.find('tr[data-device="dev-laptop"]');
      expect(row.findAll('.badge').map((b) => b.text())).toEqual([said.badge]);
      expect(wrapper.find('[data-testid="counter-pending"]').text()).toBe(said.gaugePending);
      expect(wrapper.findAll('[data-testid="counter-value"]')[0]?.text()).toMatch(/^2\b/);
      expect(occurrences(wrapper.text(), said.offline), 'still said once').toBe(1);

      // Undo: the device is active again, the gauges are back, nothing waits.
      await wrapper.find('[data-testid="undo"]').trigger('click');
      await settle();
      expect(wrapper.find('[data-testid="command-notice"]').text()).toBe(said.cancelled);
      expect(wrapper.find('tr[data-device="dev-laptop"] .badge').text()).toBe(said.active);
      expect(wrapper.find('[data-testid="counter-pending"]').exists()).toBe(false);
      expect(wrapper.findAll('[data-testid="counter-value"]')[0]?.text()).toMatch(/^3\b/);
      expect(banner.text()).toContain(said.nothingWaiting);
      expect(server.requests.filter((r) => r.startsWith('POST /sync'))).toEqual([]);
    },
  );
});
