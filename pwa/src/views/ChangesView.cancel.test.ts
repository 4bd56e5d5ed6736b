import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { Locale } from '@shared/i18n';
import ChangesView from './ChangesView.vue';
import DevicesView from './DevicesView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, setOnline, settle, setupPortal, until } from '../testing/harness';
import { itInEachLanguage } from '../testing/languages';

const devicesPath = `/licenses/${LICENSE_ID}/devices`;

/** What a reader sees, by language. */
const SAID: Record<
  Locale,
  { reset: string; cancel: string; cancelled: string; sendNow: string; sendOffline: string; active: string }
> = {
  en: {
    reset: 'Reset dev-laptop',
    cancel: 'Cancel change: Reset device dev-laptop',
    cancelled: 'Cancelled: nothing was sent.',
    sendNow: 'Send now',
    sendOffline: 'Sending needs a connection: it starts by itself when you are back online.',
    active: 'Active',
  },
  de: {
    reset: 'dev-laptop zurücksetzen',
    cancel: 'Änderung abbrechen: Gerät dev-laptop zurücksetzen',
    cancelled: 'Abgebrochen: Es wurde nichts gesendet.',
    sendNow: 'Jetzt senden',
    sendOffline: 'Senden braucht eine Verbindung: Es beginnt von selbst, sobald Sie wieder online sind.',
    active: 'Aktiv',
  },
  fr: {
    reset: 'Réinitialiser dev-laptop',
    cancel: 'Annuler la modification: Réinitialiser l’appareil dev-laptop',
    cancelled: 'Annulé : rien n’a été envoyé.',
    sendNow: 'Envoyer maintenant',
    sendOffline: 'L’envoi nécessite une connexion : il démarre tout seul dès votre retour en ligne.',
    active: 'Actif',
  },
  es: {
    reset: 'Restablecer dev-laptop',
    cancel: 'Cancelar cambio: Restablecer el dispositivo dev-laptop',
    cancelled: 'Cancelado: no se envió nada.',
    sendNow: 'Enviar ahora',
    sendOffline: 'Enviar necesita conexión: empieza solo en cuanto vuelva a tener conexión.',
    active: 'Activo',
  },
};

describe('cancelling a waiting change on the Changes page', { timeout: 30_000 }, () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => {
    wrapper?.unmount();
    setOnline(true);
  });

  itInEachLanguage(
    SAID,
    '%s: a reset queued offline is cancelled: the device is active again, the gauge back, nothing sent',
    async (said, { show, server }) => {
      const devices = await show(DevicesView, devicesPath, { id: LICENSE_ID });
      server.mode = 'offline';
      setOnline(false);
      await devices.find(`button[aria-label="${said.reset}"]`).trigger('click');
      await settle();
      await devices.find('[data-testid="confirm"]').trigger('click');
      await settle();
      devices.unmount();

      let wrapper = await show(ChangesView, '/changes');
      await until(wrapper, '[data-testid="change-list"]');
      const send = buttonNamed(wrapper, said.sendNow);
      expect(send?.attributes('disabled')).toBeDefined();
      expect(wrapper.find(`#${send?.attributes('aria-describedby')}`).text()).toBe(said.sendOffline);
      await buttonNamed(wrapper, said.cancel)?.trigger('click');
      await settle();
      expect(wrapper.find('[data-testid="cancel-outcome"]').text()).toBe(said.cancelled);
      expect(wrapper.find('[data-testid="change-list"]').exists()).toBe(false);
      wrapper.unmount();

      wrapper = await show(DevicesView, devicesPath, { id: LICENSE_ID });
      expect(wrapper.find('tr[data-device="dev-laptop"] .badge').text()).toBe(said.active);
      expect(wrapper.findAll('[data-testid="counter-value"]')[0]?.text()).toMatch(/^3\b/);
      expect(wrapper.find('[data-testid="counter-pending"]').exists()).toBe(false);

      // Back online, nothing is sent: the change is gone from the outbox.
      server.mode = 'data';
      setOnline(true);
      await settle();
      expect(server.requests.filter((r) => r.startsWith('POST /sync'))).toEqual([]);
    },
  );

  it('a change being sent says it can no longer be cancelled, and has no Cancel', async () => {
    const { render, server, portal } = await setupPortal();
    const devices = await render(DevicesView, devicesPath, { id: LICENSE_ID });
    server.mode = 'offline'; // the portal does not answer: the change stays in the outbox
    await devices.find('button[aria-label="Reset dev-laptop"]').trigger('click');
    await settle();
    await devices.find('[data-testid="confirm"]').trigger('click');
    await settle();
    devices.unmount();
    // Another tab is sending it: its lease names the change, as the sender writes it while the request is out.
    const db = await portal.database();
    const [row] = await db.outbox.toArray();
    await db.leases.add({
      batchId: 'b-test',
      owner: 'other-tab',
      opIds: [row!.opId],
      takenAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="in-flight"]');
    expect(wrapper.find('[data-testid="in-flight"]').text()).toBe('Being sent: it can no longer be cancelled.');
    expect(buttonNamed(wrapper, /^Cancel change/)).toBeUndefined();
  });
});
