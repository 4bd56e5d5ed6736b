import { extensionEnglish } from '../i18n/english';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Component } from 'vue';
import { createPortalI18n } from '@shared/ui/i18n';
import { PreferencesKey } from '@shared/ui/preferences';
import { startPagePreferences } from '../i18n/page-preferences';

/**
 * Tests only: mounts an extension page as its entry does (language and theme read from the
 * extension's storage first), the browser's languages being `languages`.
 */
export async function openPage(page: Component, languages = ['en-US']) {
  const i18n = createPortalI18n(extensionEnglish);
  const preferences = await startPagePreferences(i18n, languages);
  const wrapper = mount(page, {
    global: { plugins: [createPinia(), i18n], provide: { [PreferencesKey as symbol]: preferences } },
  });
  await flushPromises();
  // The first frame painted: what a page starts after it (the popup's refresh) has started.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  await flushPromises();
  return wrapper;
}
