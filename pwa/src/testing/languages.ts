import { it, onTestFinished } from 'vitest';
import type { Component } from 'vue';
import type { Locale } from '@shared/i18n';
import { setupPortal } from './harness';

type Portal = Awaited<ReturnType<typeof setupPortal>>;

/** A portal in one language; `show` renders a page like `render`, and unmounts it when the test ends. */
export type PortalIn = Portal & { show: Portal['render'] };

/**
 * One test per language of `said` (what the pages should say in it, written out by hand, so a
 * wrong catalog entry fails): each runs on a portal in that language whose server holds `data`.
 */
export function itInEachLanguage<S>(
  said: Record<Locale, S>,
  title: string,
  test: (said: S, portal: PortalIn) => Promise<void>,
  data: Parameters<typeof setupPortal>[0] = {},
): void {
  it.each(Object.keys(said) as Locale[])(title, async (locale) => {
    const portal = await setupPortal(data, { locale });
    const show = async (view: Component, path: string, props?: Record<string, unknown>) => {
      const page = await portal.render(view, path, props);
      onTestFinished(() => {
        if (!page.vm.$.isUnmounted) page.unmount();
      });
      return page;
    };
    await test(said[locale], { ...portal, show });
  });
}
