import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ERROR_MESSAGES, NEW_TAB_TEXT, NOTICE_MESSAGES, VENDOR_LINK_TEXTS } from '@shared/domain';
import { de } from '@shared/i18n/catalogs/de';
import { localeItem, sessionItem, settingsItem, statusCacheItem, themeItem } from '../../storage/items';
import type { StatusCache } from '../../storage/schemas';
import type { RefreshOutcome } from '../../status/refresh';
import { prefetchStatus } from '../../stores/status';
import { PORTAL, cache, license, session, statusResponse } from '../../testing/factories';
import { openPage } from '../../testing/open-page';
import { createPortalI18n } from '@shared/ui/i18n';
import { extensionEnglish } from '../../i18n/english';
import App from './App.vue';

/**
 * Stands in for the background: answers `status/refresh` by storing `next` and replying `outcome`,
 * through `sendResponse` as the real one does (the fake browser, like Chrome, ignores a returned promise).
 */
function background(outcome: RefreshOutcome | Promise<RefreshOutcome>, next?: StatusCache) {
  const handler = vi.fn((_message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    void (async () => {
      const reply = await outcome;
      if (next) await statusCacheItem.setValue(next);
      sendResponse(reply);
    })();
    return true;
  });
  fakeBrowser.runtime.onMessage.addListener(handler);
  return handler;
}

const open = (languages?: string[]) => openPage(App, languages);

const updated: RefreshOutcome = { kind: 'updated', checkedAt: new Date().toISOString() };
const fresh = (l = license()) => cache({ status: statusResponse([l]), checkedAt: new Date().toISOString() });

describe('popup', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    setActivePinia(createPinia());
    await sessionItem.setValue(session());
  });
  afterEach(() => vi.restoreAllMocks());

  it('says it is checking while the first refresh runs', async () => {
    background(new Promise<RefreshOutcome>(() => {}));
    const popup = await open();
    expect(popup.find('[data-testid="loading"]').text()).toBe('Checking your licenses…');
    expect(popup.find('[data-testid="refresh"]').attributes('disabled')).toBeDefined();
  });

  it('shows activations, deactivations and seats, each with what is left, in the web app order, expiry and role', async () => {
    const ask = background(updated, fresh());
    const popup = await open();
    expect(ask).toHaveBeenCalledWith({ type: 'status/refresh' }, expect.anything(), expect.any(Function));
    expect(popup.find('[data-testid="activations"]').text()).toContain('3 of 5');
    expect(popup.find('[data-testid="seats"]').text()).toContain('2 of 3(1 left)');
    expect(popup.find('[data-testid="deactivations"]').text()).toContain('2 of 5(3 left)');
    const order = popup.findAll('.card__gauges > [data-testid]').map((g) => g.attributes('data-testid'));
    expect(order).toEqual(['activations', 'deactivations', 'seats']);
    expect(popup.find('[data-testid="expiry"]').text()).toMatch(/^expires in \d+ days$/);
    expect(popup.find('[data-testid="role"]').text()).toBe('License user');
    expect(popup.find('[data-testid="last-checked"]').text()).toBe('numbers from the last successful check, just now');
    expect(popup.find('[data-testid="banner"]').exists()).toBe(false);
  });

  it('shows the cached numbers at once, before the refresh answers', async () => {
    await statusCacheItem.setValue(fresh(license({ activations: { used: 1, max: 5 } })));
    background(new Promise<RefreshOutcome>(() => {}));
    const popup = await open();
    expect(popup.find('[data-testid="activations"]').text()).toContain('1 of 5');
    expect(popup.find('[data-testid="refresh"]').text()).toBe('Checking…');
  });

  it('renders the numbers the page read before mounting in its very first render, and asks for fresh ones once painted', async () => {
    await statusCacheItem.setValue(fresh(license({ activations: { used: 2, max: 5 } })));
    const ask = background(new Promise<RefreshOutcome>(() => {}));
    await prefetchStatus();
    const popup = mount(App, { global: { plugins: [createPortalI18n(extensionEnglish)] } });
    // No promise has settled since the mount: this is what the first render put in the DOM.
    expect(popup.find('[data-testid="activations"]').text()).toContain('2 of 5');
    expect(popup.find('[data-testid="refresh"]').text()).toBe('Checking…');
    expect(popup.find('[data-testid="loading"]').exists()).toBe(false);
    await flushPromises();
    expect(ask).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    popup.unmount();
  });

  it('warns when an activation limit is near', async () => {
    background(updated, fresh(license({ activations: { used: 4, max: 5 } })));
    const popup = await open();
    expect(popup.find('article').attributes('data-health')).toBe('near');
    expect(popup.text()).toContain(NOTICE_MESSAGES.activations_nearly_used);
  });

  it('tells the user to reset a device at the activation limit', async () => {
    background(updated, fresh(license({ activations: { used: 5, max: 5 } })));
    const popup = await open();
    expect(popup.find('article').attributes('data-health')).toBe('at_limit');
    expect(popup.find('[role="alert"]').text()).toBe(ERROR_MESSAGES.activation_limit_reached);
  });

  it('keeps the cached numbers offline and says when they were last checked', async () => {
    const checkedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    await statusCacheItem.setValue(cache({ checkedAt }));
    background(
      { kind: 'offline', code: 'network_error', message: ERROR_MESSAGES.network_error },
      cache({ checkedAt, lastError: { code: 'network_error', message: ERROR_MESSAGES.network_error } }),
    );
    const popup = await open();
    expect(popup.find('main').attributes('data-phase')).toBe('offline');
    expect(popup.find('[data-testid="activations"]').text()).toContain('3 of 5');
    expect(popup.find('[data-testid="last-checked"]').text()).toBe(
      'numbers from the last successful check, 10 minutes ago',
    );
    expect(popup.find('[data-testid="banner"]').text()).toBe(ERROR_MESSAGES.network_error);
  });

  it('offers sign-in when signed out and asks the portal nothing', async () => {
    await sessionItem.removeValue();
    await settingsItem.setValue({ portalUrl: PORTAL, refreshMinutes: 15 });
    const ask = background(updated);
    const popup = await open();
    expect(ask).not.toHaveBeenCalled();
    expect(popup.find('[data-testid="banner"]').text()).toBe(NOTICE_MESSAGES.signed_out);
    expect(popup.find('[data-testid="open-options"]').exists()).toBe(true);
    expect(popup.find('article').exists()).toBe(false);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await popup.find('[data-link="sign-in"]').trigger('click');
    expect(create).toHaveBeenCalledWith({ url: `${PORTAL}/login` });
  });

  it('refreshes again on demand', async () => {
    const ask = background(updated, fresh());
    const popup = await open();
    await popup.find('[data-testid="refresh"]').trigger('click');
    await flushPromises();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('gives a license one link, named for what it fixes, and the portal a quieter one, each opened in a new tab', async () => {
    await sessionItem.setValue(session({ user: { ...session().user, role: 'license_manager' } }));
    background(updated, fresh(license({ role: 'license_manager', seats: { used: 3, max: 3 } })));
    const popup = await open();
    const links = popup.findAll('[data-link]');
    expect(links.map((a) => [a.attributes('data-link'), a.text()])).toEqual([
      ['users', 'Unassign someone on the Users page'],
      ['portal', 'Open the portal'],
    ]);
    expect(popup.find('article [data-link="portal"]').exists()).toBe(false);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await popup.find('[data-link="users"]').trigger('click');
    await popup.find('[data-link="portal"]').trigger('click');
    expect(create.mock.calls).toEqual([[{ url: `${PORTAL}/licenses/lic-1/users` }], [{ url: `${PORTAL}/` }]]);
  });

  it('links a license user without a problem to the License page', async () => {
    background(updated, fresh());
    const popup = await open();
    expect(popup.find('article [data-link]').attributes()).toMatchObject({
      'data-link': 'license',
      href: `${PORTAL}/licenses/lic-1`,
    });
    expect(popup.find('article [data-link]').text()).toBe('Open the License page');
  });

  it('links a license user out of activations to the Devices page, and to nothing else', async () => {
    background(updated, fresh(license({ activations: { used: 5, max: 5 } })));
    const popup = await open();
    expect(popup.findAll('article [data-link]').map((a) => [a.attributes('href'), a.text()])).toEqual([
      [`${PORTAL}/licenses/lic-1/devices`, 'Reset a device on the Devices page'],
    ]);
  });

  it("speaks the browser's language when none was chosen", async () => {
    background(updated, fresh());
    const popup = await open(['de-AT', 'en']);
    expect(document.documentElement.lang).toBe('de');
    expect(popup.find('[data-testid="role"]').text()).toBe('Lizenzbenutzer');
    expect(popup.find('[data-testid="last-checked"]').text()).toBe(
      'Zahlen der letzten erfolgreichen Prüfung, gerade eben',
    );
    expect(popup.find('[data-testid="refresh"]').text()).toBe(de.popup.refresh);
  });

  it('follows a language and theme chosen on the options page while it is open, without reopening', async () => {
    background(updated, fresh(license({ activations: { used: 4, max: 5 } })));
    const popup = await open();
    expect(popup.find('[data-testid="role"]').text()).toBe('License user');
    await localeItem.setValue('de');
    await themeItem.setValue('dark');
    await vi.waitFor(() => expect(popup.find('[data-testid="role"]').text()).toBe('Lizenzbenutzer'));
    expect(popup.text()).toContain(de.notices.activations_nearly_used);
    expect(popup.find('[data-testid="activations"]').text()).toContain(de.popup.counters.activations);
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  describe('"contact us" and "upgrade" notices', () => {
    const links = { contact: 'https://vendor.example/contact', upgrade: 'https://vendor.example/buy' };
    const atLimits = license({
      role: 'license_manager',
      deactivations: { used: 5, max: 5 },
      seats: { used: 3, max: 3 },
    });
    const withLinks = (over: Partial<Record<keyof typeof links, string | null>> | undefined) =>
      cache({
        status: statusResponse([atLimits], over === undefined ? {} : { links: { ...links, ...over } }),
        checkedAt: new Date().toISOString(),
      });

    it("link to the vendor's contact and upgrade pages, opened in a new tab", async () => {
      await sessionItem.setValue(session({ user: { ...session().user, role: 'license_manager' } }));
      background(updated, withLinks({}));
      const popup = await open();
      const contact = popup.find('[data-vendor-link="contact"]');
      expect(contact.text()).toBe(`${VENDOR_LINK_TEXTS.contact} ${NEW_TAB_TEXT}`);
      expect(contact.element.closest('li')?.textContent).toContain(ERROR_MESSAGES.deactivation_limit_reached);
      expect(popup.find('[data-vendor-link="upgrade"]').element.closest('li')?.textContent).toContain(
        ERROR_MESSAGES.max_license_users_reached,
      );
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      await contact.trigger('click');
      await popup.find('[data-vendor-link="upgrade"]').trigger('click');
      expect(create.mock.calls).toEqual([[{ url: links.contact }], [{ url: links.upgrade }]]);
    });

    it('keep their text exactly, with no link, when the portal has none (or is too old to say)', async () => {
      for (const cached of [withLinks({ contact: null, upgrade: null }), withLinks(undefined)]) {
        fakeBrowser.reset();
        await sessionItem.setValue(session({ user: { ...session().user, role: 'license_manager' } }));
        background(updated, cached);
        const popup = await open();
        const texts = popup.findAll('li.notice').map((li) => li.text());
        expect(texts).toContain(ERROR_MESSAGES.deactivation_limit_reached);
        expect(texts).toContain(ERROR_MESSAGES.max_license_users_reached);
        expect(popup.find('[data-vendor-link]').exists()).toBe(false);
        popup.unmount();
      }
    });
  });
});
