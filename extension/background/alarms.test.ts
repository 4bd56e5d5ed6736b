import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../entrypoints/background';
import { settingsItem } from '../storage/items';
import { REFRESH_ALARM, ensureRefreshAlarm } from './alarms';

describe('refresh alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the alarm when it is missing', async () => {
    expect(await ensureRefreshAlarm(15)).toBe('created');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ name: REFRESH_ALARM, periodInMinutes: 15 });
  });

  it('keeps an existing alarm so its schedule does not slip on every wake-up', async () => {
    await ensureRefreshAlarm(15);
    const before = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(await ensureRefreshAlarm(15)).toBe('kept');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toEqual(before);
  });

  it('re-creates the alarm when the wanted period changed', async () => {
    await ensureRefreshAlarm(15);
    expect(await ensureRefreshAlarm(5)).toBe('created');
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(5);
  });

  it('re-creates a lost alarm on every background start, with the configured period', async () => {
    await settingsItem.setValue({ portalUrl: 'http://localhost:8787', refreshMinutes: 30 });
    await fakeBrowser.alarms.clear(REFRESH_ALARM);
    background.main();
    await expect.poll(() => fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 30 });
  });

  it('repaints the badge when the alarm fires', async () => {
    background.main();
    await fakeBrowser.action.setBadgeText({ text: 'old' });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REFRESH_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    // Signed out: the refresh needs no network and paints the signed-out badge.
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('?');
  });
});
