import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createApp } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { createPortalDb, readFirstPaint, storeLicenses, writeMeta } from '@shared/db';
import { META_KEYS, SessionMetaSchema } from '@shared/schemas';
import { portalPlugin } from '@shared/composables';
import { useSessionStore } from '@shared/stores';
import { enqueue } from '@shared/sync';
import { i18nForTests } from '@shared/ui/testing/i18n';
import { createPortalRouter } from './router';
import { aLicense, aUser } from './testing/fixtures';
import { settle } from './testing/harness';
import DashboardView from './views/DashboardView.vue';

/** A device the manager used yesterday: signed in, two licenses cached, one reset waiting to be sent. */
async function usedDevice(name: string) {
  const db = createPortalDb(name);
  const company = { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass' };
  await writeMeta(db, META_KEYS.session, SessionMetaSchema, { token: 't'.repeat(32), user: aUser(), company });
  await storeLicenses(db, [aLicense(), aLicense({ id: 'lic-2', name: 'Other' })], new Date().toISOString());
  const reset = { deviceId: 'd-1' };
  await enqueue(
    db,
    { kind: 'device.reset', payload: reset, basis: { deviceActive: true, deactivationCount: 2 }, licenseId: 'lic-1' },
    { clientId: 'c', userId: aUser().id, now: new Date() },
  );
  db.close();
}

describe('the first page, as main.ts starts the app', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('shows the cached session, licenses and pending changes before the database (Dexie) opens, offline', async () => {
    const name = `first-paint-page-${Math.random().toString(36).slice(2)}`;
    await usedDevice(name);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const wiring = portalPlugin({
      baseURL: 'http://portal.test',
      fetch: offline,
      db: createPortalDb(name),
      firstPaint: await readFirstPaint(name),
    });
    createApp({}).use(wiring);
    let opened = false;
    void wiring.portal.database().then(() => (opened = true));
    expect(await useSessionStore().resume()).toBe(true);
    const router = createPortalRouter(createMemoryHistory());
    await router.push('/');
    const language = await i18nForTests();
    wrapper = mount(DashboardView, { global: { plugins: [wiring, router, language] } });
    await settle();

    expect(opened).toBe(false); // nothing above waited for the database
    expect(wrapper.text()).toContain('Signed in as Morgan Manager at CodeGlass');
    expect(wrapper.find('[data-testid="role"]').text()).toBe('License manager');
    expect(wrapper.find('[data-testid="license-count"]').text()).toBe('2');
    expect(wrapper.find('[data-testid="dashboard-pending"]').text()).toBe('1');

    // Once the page has shown, the database opens and the stores follow it from then on.
    wiring.portal.open();
    await settle();
    expect(opened).toBe(true);
    expect(wiring.portal.firstPaint).toBeNull();
    await storeLicenses(await wiring.portal.database(), [aLicense()], new Date().toISOString());
    await settle();
    expect(wrapper.find('[data-testid="license-count"]').text()).toBe('1');
  });
});
