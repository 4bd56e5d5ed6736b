import { afterEach, describe, expect } from 'vitest';
import type { Locale } from '@shared/i18n';
import DevicesView from './DevicesView.vue';
import LicenseView from './LicenseView.vue';
import UsersView from './UsersView.vue';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, setOnline, settle, until } from '../testing/harness';
import { itInEachLanguage } from '../testing/languages';

const NAME = aLicense().name;

/** What a reader sees, by language. */
const SAID: Record<
  Locale,
  {
    reset: string;
    deviceEffect: string;
    offlineNote: string;
    dangerZone: string;
    typeName: string;
    newPassword: string;
  }
> = {
  en: {
    reset: 'Reset dev-laptop',
    deviceEffect:
      'Deactivates dev-laptop, the device of dev@codeglass.example: they can activate another one in its place.',
    offlineNote: 'You are offline: it waits on this device and is sent when you reconnect.',
    dangerZone: 'Danger zone',
    typeName: `To confirm, type the license name: ${NAME}`,
    newPassword: 'New initial password for dev@codeglass.example',
  },
  de: {
    reset: 'dev-laptop zurücksetzen',
    deviceEffect:
      'Deaktiviert dev-laptop, das Gerät von dev@codeglass.example: Dafür kann ein anderes aktiviert werden.',
    offlineNote: 'Sie sind offline: Es wartet auf diesem Gerät und wird gesendet, sobald die Verbindung wieder steht.',
    dangerZone: 'Gefahrenbereich',
    typeName: `Geben Sie zur Bestätigung den Namen der Lizenz ein: ${NAME}`,
    newPassword: 'Neues Anfangspasswort für dev@codeglass.example',
  },
  fr: {
    reset: 'Réinitialiser dev-laptop',
    deviceEffect: 'Désactive dev-laptop, l’appareil de dev@codeglass.example : il peut en activer un autre à sa place.',
    offlineNote: 'Vous êtes hors ligne : cela attend sur cet appareil et sera envoyé à la reconnexion.',
    dangerZone: 'Zone de danger',
    typeName: `Pour confirmer, saisissez le nom de la licence : ${NAME}`,
    newPassword: 'Nouveau mot de passe initial pour dev@codeglass.example',
  },
  es: {
    reset: 'Restablecer dev-laptop',
    deviceEffect: 'Desactiva dev-laptop, el dispositivo de dev@codeglass.example: puede activar otro en su lugar.',
    offlineNote: 'Está sin conexión: espera en este dispositivo y se envía al volver a conectarse.',
    dangerZone: 'Zona de peligro',
    typeName: `Para confirmar, escriba el nombre de la licencia: ${NAME}`,
    newPassword: 'Nueva contraseña inicial para dev@codeglass.example',
  },
};

describe('what each reset is called', { timeout: 30_000 }, () => {
  afterEach(() => setOnline(true));

  itInEachLanguage(
    SAID,
    '%s: a device Reset says it deactivates, names its user and, offline, that it is sent on reconnect',
    async (said, { show }) => {
      const wrapper = await show(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
      setOnline(false);
      await wrapper.find(`button[aria-label="${said.reset}"]`).trigger('click');
      await settle();
      const preview = wrapper.find('[data-testid="reset-preview"]');
      expect(preview.text()).toContain(said.deviceEffect);
      expect(preview.find('[data-testid="offline-note"]').text()).toBe(said.offlineNote);
    },
  );

  itInEachLanguage(
    SAID,
    '%s: Reset license sits in a danger zone and is confirmed only by typing the license name',
    async (said, { show }) => {
      const wrapper = await show(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
      await until(wrapper, '[data-testid="reset-license"]');
      const zone = wrapper.find('[data-testid="danger-zone"]');
      expect(zone.find('h2').text()).toBe(said.dangerZone);
      expect(zone.find('[data-testid="reset-license"]').classes()).toContain('btn--danger');
      await zone.find('[data-testid="reset-license"]').trigger('click');
      await until(wrapper, '[data-testid="type-license-name"]');
      const input = wrapper.find('[data-testid="type-license-name"]');
      expect(wrapper.find(`label[for="${input.attributes('id')}"]`).text()).toBe(said.typeName);
      const confirm = wrapper.find('[data-testid="confirm"]');
      expect(confirm.attributes('disabled')).toBeDefined();
      await input.setValue(NAME.slice(0, -1));
      expect(confirm.attributes('disabled')).toBeDefined();
      await input.setValue(NAME);
      expect(confirm.attributes('disabled')).toBeUndefined();
    },
  );

  itInEachLanguage(SAID, '%s: the password action says it gives a new password', async (said, { show }) => {
    const wrapper = await show(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    expect(buttonNamed(wrapper, said.newPassword)).toBeDefined();
  });
});
