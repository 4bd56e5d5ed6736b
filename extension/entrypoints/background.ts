import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onExtensionMessage } from '../messaging/messages';
import { localeItem, readSettings } from '../storage/items';
import { REFRESH_ALARM, ensureRefreshAlarm } from '../background/alarms';
import { paintBadge, refreshAndPaint } from '../background/refresh-and-paint';

// Wiring only: browser events -> refresh/paint. Listeners are added synchronously so that the
// event that woke the service worker is delivered to them.
export default defineBackground(() => {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAndPaint();
  });
  browser.runtime.onStartup.addListener(() => void refreshAndPaint());
  browser.runtime.onInstalled.addListener(() => void refreshAndPaint());
  onExtensionMessage({ 'status/refresh': () => refreshAndPaint() });
  // The tooltip speaks the language chosen on the options page, from the moment it is chosen.
  localeItem.watch(() => void paintBadge());

  void readSettings().then((settings) => ensureRefreshAlarm(settings.refreshMinutes));
  void paintBadge();
});
