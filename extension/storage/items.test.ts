import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { statusResponse } from '../testing/factories';
import {
  localeItem,
  readLocale,
  readSession,
  readSettings,
  readStatusCache,
  sessionItem,
  settingsItem,
  statusCacheItem,
  themeItem,
} from './items';
import { DEFAULT_SETTINGS, EMPTY_CACHE } from './schemas';

/** Writes a value the way a v1 build left it: no version metadata (v1 is implied). */
async function writeV1(key: string, value: unknown) {
  await fakeBrowser.storage.local.set({ [key]: value });
}

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the local portal before anything is stored', async () => {
    expect(await readSettings()).toEqual({ portalUrl: 'http://localhost:8787', refreshMinutes: 15 });
    expect(await readSession()).toBeNull();
    expect(await readStatusCache()).toEqual(EMPTY_CACHE);
  });

  it('migrates v1 settings: normalizes the portal URL and adds the refresh period', async () => {
    await writeV1('settings', { portalUrl: ' https://portal.example.com/ ' });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ portalUrl: 'https://portal.example.com', refreshMinutes: 15 });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('migrates v1 settings with an unusable URL to the default portal', async () => {
    await writeV1('settings', { portalUrl: 'not a url' });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a v1 status cache: keeps the numbers and when they were checked', async () => {
    const response = statusResponse();
    await writeV1('statusCache', { response, checkedAt: '2026-02-01T10:00:00.000Z' });
    await statusCacheItem.migrate();
    expect(await readStatusCache()).toEqual({
      status: response,
      checkedAt: '2026-02-01T10:00:00.000Z',
      attemptedAt: '2026-02-01T10:00:00.000Z',
      lastError: null,
    });
  });

  it('drops a damaged v1 status cache instead of breaking the popup', async () => {
    await writeV1('statusCache', { response: { licenses: 'nope' }, checkedAt: 'yesterday' });
    await statusCacheItem.migrate();
    expect(await readStatusCache()).toEqual(EMPTY_CACHE);
  });

  it('reads a session that does not parse as signed out', async () => {
    await fakeBrowser.storage.local.set({ session: { token: 'short' } });
    expect(await readSession()).toBeNull();
    await sessionItem.removeValue();
  });

  it("speaks the browser's language until one is chosen, and ignores a language it does not speak", async () => {
    expect(await readLocale(['de-AT', 'en'])).toBe('de');
    expect(await readLocale(['ja', 'pt-BR'])).toBe('en');
    expect(await themeItem.getValue()).toBe('system');
    await localeItem.setValue('fr');
    expect(await readLocale(['de-AT'])).toBe('fr');
    await fakeBrowser.storage.local.set({ locale: 'klingon' });
    expect(await readLocale(['es'])).toBe('es');
  });
});
