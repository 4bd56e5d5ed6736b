import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { Locale } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';
import { useDevicesStore } from '@shared/stores';
import AppHeader from '../components/AppHeader.vue';
import { rememberThisMachine } from '../composables/useThisMachine';
import { aDevice, aLicense, aUser, LICENSE_ID } from '../testing/fixtures';
import { setupPortal, until } from '../testing/harness';
import ChangesView from './ChangesView.vue';
import DashboardView from './DashboardView.vue';
import LicenseView from './LicenseView.vue';
import LicensesView from './LicensesView.vue';

/** The demo's license user: two devices of their own; the server lists them only theirs. */
const DEV = aUser({ id: 'u-dev', email: 'dev@codeglass.example', name: 'Dana Dev', role: 'license_user' });
const licenseUser = () => ({
  user: DEV,
  licenses: [aLicense({ role: 'license_user' })],
  devices: [
    aDevice({ id: 'd-1', hostname: 'dev-laptop', hardwareId: 'HW-LAPTOP' }),
    aDevice({ id: 'd-3', hostname: 'dev-desktop', hardwareId: 'HW-DESKTOP', os: 'Ubuntu 24.04' }),
  ],
});

describe('a license user’s dashboard', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('says nothing about this machine until the product names one', async () => {
    const { render } = await setupPortal(licenseUser());
    wrapper = await render(DashboardView, '/');
    await until(wrapper, '[data-device="dev-desktop"]');
    expect(wrapper.find('[data-testid="this-machine"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="machine-not-yours"]').exists()).toBe(false);
  });

  it.each<[Locale, { yours: string; machine: string; company: string; devicesOf: string }]>([
    ['en', { yours: 'Your devices', machine: 'This machine', company: 'Company figures', devicesOf: 'Devices of' }],
    [
      'de',
      { yours: 'Ihre Geräte', machine: 'Dieser Rechner', company: 'Zahlen des Unternehmens', devicesOf: 'Geräte von' },
    ],
    [
      'fr',
      {
        yours: 'Vos appareils',
        machine: 'Cette machine',
        company: 'Chiffres de l’entreprise',
        devicesOf: 'Appareils de',
      },
    ],
    [
      'es',
      {
        yours: 'Sus dispositivos',
        machine: 'Este equipo',
        company: 'Cifras de la empresa',
        devicesOf: 'Dispositivos de',
      },
    ],
  ])(
    'in %s, opens on the user’s own devices with this machine marked, then the company’s figures',
    async (locale, words) => {
      rememberThisMachine('HW-DESKTOP');
      const { render } = await setupPortal(licenseUser(), { locale });
      wrapper = await render(DashboardView, '/');
      await until(wrapper, '[data-device="dev-desktop"]');
      await until(wrapper, '[data-testid="company-figures"]');
      const sections = wrapper.findAll('section[aria-labelledby] h2').map((h) => h.text());
      expect(sections).toEqual([words.yours, words.company]);
      // Their own devices only: the manager's laptop is none of theirs.
      const own = wrapper.get('[data-testid="your-devices"]');
      expect(own.findAll('[data-device]').map((d) => d.attributes('data-device'))).toEqual([
        'dev-desktop',
        'dev-laptop',
      ]);
      expect(own.get('[data-device="dev-desktop"] [data-testid="this-machine"]').text()).toBe(words.machine);
      expect(own.findAll('[data-testid="this-machine"]')).toHaveLength(1);
      expect(own.get('[data-testid="devices-of"]').text()).toBe(`${words.devicesOf} CodeGlass Offline Organization`);
      const company = wrapper.get('[data-testid="company-figures"]');
      expect(company.text()).toContain(CATALOGS[locale].shell.dashboard.companyFiguresIntro);
      expect(company.text()).toContain(CATALOGS[locale].shell.license.counters.activations);
    },
  );

  it('says so when the machine the product named is none of the user’s devices', async () => {
    rememberThisMachine('HW-SOMEONE-ELSE');
    const { render } = await setupPortal(licenseUser());
    wrapper = await render(DashboardView, '/');
    await until(wrapper, '[data-testid="machine-not-yours"]');
    expect(wrapper.find('[data-testid="this-machine"]').exists()).toBe(false);
  });

  it('shows no Changes card, link or Send now while nothing of theirs is queued', async () => {
    const { render } = await setupPortal(licenseUser());
    wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="dashboard-pending"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="last-sync"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="role"]').text()).toBe('License user');
    const header = await render(AppHeader, '/');
    expect(header.find('[data-testid="nav-changes"]').exists()).toBe(false);
    header.unmount();
    const changes = await render(ChangesView, '/changes');
    expect(changes.find('[data-testid="send-now"]').exists()).toBe(false);
    expect(changes.text()).toContain('Everything is sent.');
    changes.unmount();
  });

  it('shows them once a reset of their own device waits, with the device marked as waiting', async () => {
    const { render, server } = await setupPortal(licenseUser());
    wrapper = await render(DashboardView, '/');
    await until(wrapper, '[data-device="dev-laptop"]');
    server.mode = 'offline'; // it waits: nothing can send it
    const devices = useDevicesStore();
    expect((await devices.resetDevice('d-1')).ok).toBe(true);
    await until(wrapper, '[data-testid="dashboard-pending"]');
    expect(wrapper.get('[data-testid="dashboard-pending"]').text()).toBe('1');
    expect(wrapper.get('[data-device="dev-laptop"] [data-testid="pending"]').text()).toBe(
      'Deactivation waiting to be sent',
    );
    const header = await render(AppHeader, '/');
    expect(header.get('[data-testid="nav-changes"]').text()).toContain('Changes');
    header.unmount();
    const changes = await render(ChangesView, '/changes');
    expect(changes.find('[data-testid="send-now"]').exists()).toBe(true);
    changes.unmount();
  });

  it('labels the counters on the License and Licenses pages as the company’s, in every language', async () => {
    for (const locale of ['en', 'de', 'fr', 'es'] as const) {
      const { render } = await setupPortal(licenseUser(), { locale });
      const page = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
      await until(page, '[data-testid="license-gauges"]');
      expect(page.get('[data-testid="company-figures-label"]').text()).toBe(
        CATALOGS[locale].shell.license.companyFigures,
      );
      page.unmount();
      const list = await render(LicensesView, '/licenses');
      await until(list, '[data-testid="license-table"]');
      expect(list.get('[data-testid="company-figures-label"]').text()).toBe(
        CATALOGS[locale].shell.licenses.companyFigures,
      );
      list.unmount();
    }
  });
});

describe('a license manager’s dashboard', () => {
  it('is the figures, as before: no own devices, no company label, Changes always there', async () => {
    const { render } = await setupPortal();
    const wrapper = await render(DashboardView, '/');
    expect(wrapper.find('[data-testid="your-devices"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="company-figures"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="dashboard-pending"]').text()).toBe('0');
    const header = await render(AppHeader, '/');
    expect(header.find('[data-testid="nav-changes"]').exists()).toBe(true);
    const license = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(license, '[data-testid="license-gauges"]');
    expect(license.find('[data-testid="company-figures-label"]').exists()).toBe(false);
    const list = await render(LicensesView, '/licenses');
    await until(list, '[data-testid="license-table"]');
    expect(list.find('[data-testid="company-figures-label"]').exists()).toBe(false);
    for (const w of [wrapper, header, license, list]) w.unmount();
  });
});
