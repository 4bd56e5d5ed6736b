import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { dateText } from '@shared/i18n';
import type { LicenseEvent } from '@shared/schemas';
import ActivityView from './ActivityView.vue';
import ChangesView from './ChangesView.vue';
import DevicesView from './DevicesView.vue';
import LicenseView from './LicenseView.vue';
import UsersView from './UsersView.vue';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { answerEach, buttonNamed, settle, setupPortal, until } from '../testing/harness';

type Portal = Awaited<ReturnType<typeof setupPortal>>;
const devicesPath = `/licenses/${LICENSE_ID}/devices`;
const SERVER_REFUSAL =
  'You reached the limit on the amount of time you can deactivate a device: contact us to reset your limit. Ask us for a code and paste it on the License page.';

/** Confirms the reset of dev-laptop on the Devices page, whose Reset button says `resetLabel`. */
async function queueDeviceReset(render: Portal['render'], resetLabel: string): Promise<void> {
  const devices = await render(DevicesView, devicesPath, { id: LICENSE_ID });
  await devices.find(`button[aria-label="${resetLabel}"]`).trigger('click');
  await settle();
  await devices.find('[data-testid="confirm"]').trigger('click');
  await settle();
  devices.unmount();
}

/** Waits until the first change shows `state`. */
async function untilState(wrapper: VueWrapper, state: string): Promise<void> {
  for (let i = 0; i < 250 && wrapper.find('[data-testid="change-state"]').text() !== state; i++)
    await new Promise((r) => setTimeout(r, 20));
}

describe('the lists in the reader`s language', { timeout: 20_000 }, () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('Devices in German: filter, count, columns, status, dates and the Reset button', async () => {
    const { render } = await setupPortal({}, { locale: 'de' });
    wrapper = await render(DevicesView, devicesPath, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="device-table"]');
    const page = wrapper.text();
    expect(wrapper.find('[data-testid="device-count"]').text()).toBe('2 Geräte');
    expect(wrapper.find('input[type="search"]').attributes('placeholder')).toBe('Hostname, Nutzer oder Betriebssystem');
    expect(page).toContain('Geräte filtern');
    const table = wrapper.find('[data-testid="device-table"]');
    expect(table.find('caption').text()).toBe('Geräte dieser Lizenz');
    expect(table.text()).toContain('Erstmals aktiviert');
    expect(table.text()).toContain('Aktiv');
    expect(buttonNamed(wrapper, 'dev-laptop zurücksetzen')?.text()).toBe('Zurücksetzen');
    expect(buttonNamed(wrapper, 'CSV exportieren: Geräte')).toBeDefined();
    const firstActivated = wrapper.find('tr[data-device="dev-laptop"] td:nth-of-type(3)').text();
    expect(firstActivated).toMatch(/^\d{1,2}\. \S+ \d{4}$/); // "27. Nov. 2026"
    for (const english of ['Filter devices', 'Any', 'Inactive', 'Export CSV', 'Last checked'])
      expect(page).not.toContain(english);
    await wrapper.find('[data-testid="device-filter"]').setValue('dev-lap');
    await settle();
    expect(wrapper.find('[data-testid="device-count"]').text()).toBe('1 von 2 Geräte');
  });

  it('a confirmation in French: title, effect, cost, buttons, then the queued notice', async () => {
    const { render } = await setupPortal({}, { locale: 'fr' });
    wrapper = await render(DevicesView, devicesPath, { id: LICENSE_ID });
    await wrapper.find('button[aria-label="Réinitialiser dev-laptop"]').trigger('click');
    await settle();
    const dialog = wrapper.find('dialog');
    expect(dialog.find('h2').text()).toBe('Réinitialiser dev-laptop ?');
    expect(dialog.find('[data-testid="reset-preview"]').text()).toContain(
      'Désactive dev-laptop, l’appareil de dev@codeglass.example : il peut en activer un autre à sa place.',
    );
    expect(dialog.find('[data-testid="reset-preview"]').text()).toContain(
      'Utilise 1 désactivation : 2 sur 5 utilisées jusqu’ici.',
    );
    expect(dialog.find('[data-testid="confirm"]').text()).toBe('Réinitialiser l’appareil');
    expect(buttonNamed(dialog, 'Annuler')).toBeDefined();
    await dialog.find('[data-testid="confirm"]').trigger('click');
    await settle();
    expect(wrapper.find('.notice--ok').text()).toContain('Réinitialisation de dev-laptop en file d’attente');
  });

  it('Users in Spanish, with the Assign many preview', async () => {
    const { render } = await setupPortal(
      { licenses: [aLicense({ seats: { used: 2, max: 5 }, maxLicenseUsers: 5 })] },
      { locale: 'es' },
    );
    wrapper = await render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="user-table"]');
    expect(wrapper.find('[data-testid="user-count"]').text()).toBe('2 usuarios');
    const table = wrapper.find('[data-testid="user-table"]').text();
    expect(table).toContain('Administrador de licencia');
    expect(table).toContain('Usuario de licencia');
    expect(buttonNamed(wrapper, 'Desasignar a dev@codeglass.example')?.text()).toBe('Desasignar');
    expect(buttonNamed(wrapper, 'Nueva contraseña inicial para dev@codeglass.example')).toBeDefined();
    expect(wrapper.find('[data-testid="assign-form"]').text()).toContain('Asignar usuario de licencia');
    const batch = wrapper.find('[data-testid="batch-assign"]');
    expect(batch.text()).toContain('Asignar varios');
    expect(batch.find('code').text()).toBe('correo, nombre, apellidos');

    await batch
      .find('[data-testid="batch-text"]')
      .setValue(
        [
          'ana@codeglass.example',
          'dev@codeglass.example',
          'not-an-email',
          'ANA@codeglass.example',
          'cy@x.example',
        ].join('\n'),
      );
    await until(wrapper, '[data-testid="batch-preview"]');
    const preview = wrapper.find('[data-testid="batch-preview"]').text();
    expect(preview).toContain('Se asignarán');
    expect(preview).toContain('Ya asignados');
    const why = wrapper.findAll('[data-testid="batch-attention"] tbody tr').map((tr) => tr.text());
    expect(why).toEqual([
      expect.stringContaining('Ya tiene un puesto: no cambia nada.'),
      expect.stringContaining('Esto no es una dirección de correo.'),
      expect.stringContaining('El mismo correo que la línea 1'),
    ]);
    expect(buttonNamed(wrapper, 'Poner en cola 2 asignaciones')).toBeDefined();
    for (const english of ['Assign many', 'Emails', 'Queue', 'Will be assigned', 'Why'])
      expect(wrapper.text()).not.toContain(english);
  });

  it('Changes in German: a queued command, the client`s words for the server`s refusal', async () => {
    const { render, server } = await setupPortal({}, { locale: 'de' });
    await queueDeviceReset(render, 'dev-laptop zurücksetzen');
    server.sync = answerEach('rejected', 'deactivation_limit_reached', SERVER_REFUSAL);
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="change-list"]');
    expect(wrapper.find('.change__label').text()).toBe('Gerät dev-laptop zurücksetzen');
    await buttonNamed(wrapper, 'Jetzt senden')?.trigger('click');
    await untilState(wrapper, 'Abgelehnt');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Abgelehnt');
    const message = wrapper.find('[data-testid="change-message"]').text();
    expect(message).toContain('Sie haben die Höchstzahl an Gerätedeaktivierungen erreicht');
    expect(message).not.toContain('You reached the limit');
    expect(buttonNamed(wrapper, 'Erneut versuchen: Gerät dev-laptop zurücksetzen')).toBeDefined();
    expect(buttonNamed(wrapper, 'Verwerfen: Gerät dev-laptop zurücksetzen')).toBeDefined();
    expect(wrapper.find('h1').text()).toBe('Änderungen');
    expect(wrapper.find('.change__time').text()).toMatch(/^Eingereiht .+, beantwortet .+/);
  });

  it('a queued license reset is named in the reader`s language too', async () => {
    const { render } = await setupPortal({}, { locale: 'de' });
    const license = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(license, '[data-testid="reset-license"]');
    await license.find('[data-testid="reset-license"]').trigger('click');
    await settle();
    await license.find('[data-testid="type-license-name"]').setValue(aLicense().name);
    await license.find('[data-testid="confirm"]').trigger('click');
    await settle();
    license.unmount();
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '.change__label');
    expect(wrapper.find('.change__label').text()).toBe(`Lizenz ${aLicense().name} zurücksetzen`);
  });

  it('switching the language re-renders a queued command without remounting the page', async () => {
    const { render, language } = await setupPortal();
    await queueDeviceReset(render, 'Reset dev-laptop');
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="change-list"]');
    const label = () => wrapper!.find('.change__label');
    expect(label().text()).toBe('Reset device dev-laptop');
    const element = label().element;
    await language.preferences.setLocale('fr');
    await settle();
    expect(label().text()).toBe('Réinitialiser l’appareil dev-laptop');
    expect(label().element).toBe(element);
    expect(wrapper.find('h1').text()).toBe('Modifications');
    await language.preferences.setLocale('en');
    await settle();
    expect(label().text()).toBe('Reset device dev-laptop');
  });

  it('Activity in French: each line, the kinds, the count and the dates', async () => {
    const at = '2026-11-20T14:05:00.000Z';
    const events: LicenseEvent[] = [
      {
        id: 2,
        licenseId: LICENSE_ID,
        at,
        actor: 'dev@codeglass.example',
        byVendor: false,
        kind: 'device.reset',
        detail: { hostname: 'dev-laptop', owner: 'dev@codeglass.example', deactivationCount: 3 },
      },
      {
        id: 1,
        licenseId: LICENSE_ID,
        at,
        actor: 'vendor',
        byVendor: true,
        kind: 'license.change',
        detail: { quantity: 5, maxActivations: null },
      },
    ];
    const { render } = await setupPortal({ events }, { locale: 'fr' });
    wrapper = await render(ActivityView, `/licenses/${LICENSE_ID}/activity`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="event-list"]');
    const lines = wrapper.findAll('[data-testid="event-text"]').map((e) => e.text());
    expect(lines[0]).toBe(
      'dev@codeglass.example a réinitialisé l’appareil dev-laptop (3 désactivations utilisées sur 5)',
    );
    expect(lines[1]).toMatch(/^Le fournisseur a modifié la licence/);
    expect(wrapper.find('[data-testid="event-count"]').text()).toBe('2 événements');
    expect(wrapper.find('[data-testid="event-kind"]').text()).toContain('Réinitialisations d’appareils');
    expect(wrapper.find('time.event__at').text()).toBe(`${dateText(at, 'fr')}, 14:05 UTC`);
    await wrapper.find('[data-testid="event-filter"]').setValue('réinitialisé');
    await settle();
    expect(wrapper.findAll('[data-testid="event-text"]')).toHaveLength(1);
    expect(wrapper.text()).not.toContain('Load more');
  });
});
