import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { APP_NOTICE_MESSAGES, ERROR_MESSAGES, NEW_TAB_TEXT, VENDOR_LINK_TEXTS } from '@shared/domain';
import { aLicense, LICENSE_ID } from './testing/fixtures';
import { answerEach, buttonNamed, settle, setupPortal, until } from './testing/harness';
import ChangesView from './views/ChangesView.vue';
import DevicesView from './views/DevicesView.vue';
import LicenseView from './views/LicenseView.vue';
import LicensesView from './views/LicensesView.vue';
import UsersView from './views/UsersView.vue';

const CONTACT = 'https://vendor.example/contact';
const UPGRADE = 'https://vendor.example/buy';
const company = { contactUrl: CONTACT, upgradeUrl: UPGRADE };
const atDeactivationLimit = aLicense({ deactivationCount: 5, deactivations: { used: 5, max: 5 } });

/** The vendor link in `selector`, as a user finds it: its words, where it goes, that it opens a tab. */
function linkIn(page: VueWrapper, selector: string) {
  const a = page.find(`${selector} a[data-vendor-link]`);
  if (!a.exists()) return null;
  return { text: a.text(), href: a.attributes('href'), target: a.attributes('target') };
}
const contactLink = { text: `${VENDOR_LINK_TEXTS.contact} ${NEW_TAB_TEXT}`, href: CONTACT, target: '_blank' };
const upgradeLink = { text: `${VENDOR_LINK_TEXTS.upgrade} ${NEW_TAB_TEXT}`, href: UPGRADE, target: '_blank' };

describe('"contact us" and "upgrade" lead to the vendor', () => {
  let page: VueWrapper | undefined;
  afterEach(() => page?.unmount());

  it('at the deactivation limit, the Devices page links to the contact page', async () => {
    const { render } = await setupPortal({ licenses: [atDeactivationLimit], company });
    page = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    await until(page, '[data-testid="deactivation-limit"] a');
    expect(linkIn(page, '[data-testid="deactivation-limit"]')).toEqual(contactLink);
    expect(page.find('[data-testid="deactivation-limit"]').text()).toBe(
      `${ERROR_MESSAGES.deactivation_limit_reached} ${contactLink.text}`,
    );
  });

  it('at the seat limit, the Users page links to the upgrade page', async () => {
    const { render } = await setupPortal({ licenses: [aLicense({ seats: { used: 3, max: 3 } })], company });
    page = await render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await until(page, '[data-testid="seat-limit"] a');
    expect(linkIn(page, '[data-testid="seat-limit"]')).toEqual(upgradeLink);
  });

  it('the Licenses page links "more than one license" to the contact page', async () => {
    const { render } = await setupPortal({
      licenses: [aLicense(), aLicense({ id: 'lic-2', name: 'Second' })],
      company,
    });
    page = await render(LicensesView, '/licenses');
    await until(page, '[data-testid="contact-us"] a');
    expect(linkIn(page, '[data-testid="contact-us"]')).toEqual(contactLink);
  });

  it('a disabled license says so on its page, with the contact link', async () => {
    const { render } = await setupPortal({ licenses: [aLicense({ status: 'disabled' })], company });
    page = await render(LicenseView, `/licenses/${LICENSE_ID}`, { id: LICENSE_ID });
    await until(page, '[data-testid="license-disabled"] a');
    expect(page.find('[data-testid="license-disabled"]').text()).toContain(ERROR_MESSAGES.license_disabled);
    expect(linkIn(page, '[data-testid="license-disabled"]')).toEqual(contactLink);
  });

  it('a change the server refused at the limit links to the contact page on the Changes page', async () => {
    const { render, server } = await setupPortal({ company });
    const devices = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    server.sync = answerEach('rejected', 'deactivation_limit_reached', ERROR_MESSAGES.deactivation_limit_reached);
    await devices.find('button[aria-label="Reset dev-laptop"]').trigger('click');
    await settle();
    await devices.find('[data-testid="confirm"]').trigger('click');
    await settle();
    devices.unmount();
    page = await render(ChangesView, '/changes');
    await until(page, '[data-testid="change-list"]');
    await buttonNamed(page, 'Send now')?.trigger('click');
    await until(page, '[data-testid="change-message"] a');
    expect(linkIn(page, '[data-testid="change-message"]')).toEqual(contactLink);
  });

  it('with no link configured, every text stays exactly as it is, with no link', async () => {
    const { render } = await setupPortal({
      licenses: [atDeactivationLimit, aLicense({ id: 'lic-2', name: 'Second' })],
      company: { contactUrl: null, upgradeUrl: null },
    });
    page = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    await until(page, '[data-testid="deactivation-limit"]');
    expect(page.find('[data-testid="deactivation-limit"]').text()).toBe(ERROR_MESSAGES.deactivation_limit_reached);
    expect(page.find('a[data-vendor-link]').exists()).toBe(false);
    page.unmount();
    page = await render(LicensesView, '/licenses');
    await until(page, '[data-testid="contact-us"]');
    expect(page.find('[data-testid="contact-us"]').text()).toBe(APP_NOTICE_MESSAGES.more_than_one_license);
    expect(page.find('a[data-vendor-link]').exists()).toBe(false);
  });
});
