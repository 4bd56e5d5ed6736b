import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { Locale } from '@shared/i18n';
import DevicesView from './DevicesView.vue';
import UsersView from './UsersView.vue';
import { aDevice, aLicense, LICENSE_ID } from '../testing/fixtures';
import { settle, setupPortal } from '../testing/harness';
import { itInEachLanguage } from '../testing/languages';

const EMAIL = 'dev@codeglass.example';
/** Dana has two active devices and an old inactive one. */
const DEVICES = [
  aDevice(),
  aDevice({ id: 'd-3', hostname: 'dana-build', os: 'Ubuntu 24.04' }),
  aDevice({ id: 'd-4', hostname: 'old-pc', active: false }),
  aDevice({ id: 'd-2', hostname: 'morgan-mbp', userId: 'u-manager', userEmail: 'manager@codeglass.example' }),
];

/** What a reader sees, by language. */
const SAID: Record<Locale, { unassign: string; count: string; offer: string; cost: string; inactive: string }> = {
  en: {
    unassign: `Unassign ${EMAIL}`,
    count: `${EMAIL} has 2 active devices on this license: dana-build, dev-laptop.`,
    offer: 'Also deactivate them in the same step',
    cost: 'Uses 2 deactivations: 2 of 5 used so far.',
    inactive: 'Deactivation waiting to be sent',
  },
  de: {
    unassign: `${EMAIL} entfernen`,
    count: `${EMAIL} hat 2 aktive Geräte in dieser Lizenz: dana-build, dev-laptop.`,
    offer: 'Im selben Schritt auch deaktivieren',
    cost: 'Verbraucht 2 Deaktivierungen: bisher 2 von 5 verbraucht.',
    inactive: 'Deaktivierung wartet auf Versand',
  },
  fr: {
    unassign: `Retirer ${EMAIL}`,
    count: `${EMAIL} a 2 appareils actifs sur cette licence : dana-build, dev-laptop.`,
    offer: 'Les désactiver aussi dans la même étape',
    cost: 'Utilise 2 désactivations : 2 sur 5 utilisées jusqu’ici.',
    inactive: 'Désactivation en attente d’envoi',
  },
  es: {
    unassign: `Desasignar a ${EMAIL}`,
    count: `${EMAIL} tiene 2 dispositivos activos en esta licencia: dana-build, dev-laptop.`,
    offer: 'Desactivarlos también en el mismo paso',
    cost: 'Usa 2 desactivaciones: 2 de 5 usadas hasta ahora.',
    inactive: 'Desactivación pendiente de envío',
  },
};

describe('the unassign confirmation with active devices', { timeout: 30_000 }, () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  itInEachLanguage(
    SAID,
    '%s: says how many active devices the user has and deactivates them in the same step, at its cost',
    async (said, { show }) => {
      (await show(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID })).unmount();
      let wrapper = await show(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
      await wrapper.find(`button[aria-label="${said.unassign}"]`).trigger('click');
      await settle();
      const offer = wrapper.find('[data-testid="unassign-devices"]');
      expect(offer.find('[data-testid="unassign-device-count"]').text()).toContain(said.count);
      expect(offer.find(`label[for="${offer.find('input').attributes('id')}"]`).text()).toBe(said.offer);
      expect(offer.find('[data-testid="deactivate-cost"]').text()).toBe(said.cost);
      await offer.find('[data-testid="deactivate-devices"]').setValue(true);
      await wrapper.find('[data-testid="confirm"]').trigger('click');
      // Three commands are queued in turn (two resets, then the unassign): wait for the last.
      for (let i = 0; i < 100 && wrapper.find(`tr[data-user="${EMAIL}"]`).exists(); i++) await settle();
      expect(wrapper.find(`tr[data-user="${EMAIL}"]`).exists(), 'the seat is shown as gone').toBe(false);
      wrapper.unmount();

      wrapper = await show(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
      for (const hostname of ['dev-laptop', 'dana-build'])
        expect(wrapper.find(`tr[data-device="${hostname}"] [data-testid="pending"]`).text()).toBe(said.inactive);
      expect(wrapper.find('tr[data-device="morgan-mbp"] [data-testid="pending"]').exists()).toBe(false);
    },
    { devices: DEVICES },
  );

  it('without the offer ticked, only the seat goes; with too few deactivations left, says so instead', async () => {
    const { render } = await setupPortal({ devices: DEVICES });
    wrapper = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    wrapper.unmount();
    wrapper = await render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await wrapper.find(`button[aria-label="Unassign ${EMAIL}"]`).trigger('click');
    await settle();
    await wrapper.find('[data-testid="confirm"]').trigger('click');
    await settle();
    wrapper.unmount();
    wrapper = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    expect(wrapper.findAll('[data-testid="pending"]')).toHaveLength(0);
    wrapper.unmount();

    const tight = await setupPortal({
      devices: DEVICES,
      licenses: [aLicense({ deactivationCount: 4, deactivations: { used: 4, max: 5 } })],
    });
    wrapper = await tight.render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    wrapper.unmount();
    wrapper = await tight.render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await wrapper.find(`button[aria-label="Unassign ${EMAIL}"]`).trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="deactivate-devices"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="deactivate-not-enough"]').text()).toBe(
      'Not enough deactivations left to deactivate them all (1 left): reset them one by one on the Devices tab.',
    );
  });
});
