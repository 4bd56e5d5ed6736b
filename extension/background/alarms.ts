import { browser } from 'wxt/browser';

export const REFRESH_ALARM = 'status-refresh';

/**
 * Makes sure the periodic refresh alarm exists with the wanted period. Alarms can vanish (browser
 * update, profile restore), so this runs on every background start; an existing alarm is kept so
 * its schedule does not slip on each wake-up.
 */
export async function ensureRefreshAlarm(periodInMinutes: number): Promise<'created' | 'kept'> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return 'kept';
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  return 'created';
}
