import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { LicenseEvent } from '@shared/schemas';
import ActivityView from './ActivityView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, settle, setupPortal, until } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}/activity`;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const event = (
  id: number,
  kind: string,
  detail: Record<string, unknown>,
  actor = 'dev@codeglass.example',
): LicenseEvent => ({
  id,
  licenseId: LICENSE_ID,
  at: at(1000 - id),
  actor,
  byVendor: actor === 'vendor',
  kind,
  detail,
});
/** 60 events, newest first: more than one page. */
const EVENTS = [
  event(70, 'user.reset_password', { email: 'dev@codeglass.example' }, 'manager@codeglass.example'),
  event(69, 'license.lift_deactivation_limit', { previousCount: 5 }, 'vendor'),
  event(68, 'device.reset', { hostname: 'dev-laptop', owner: 'dev@codeglass.example', deactivationCount: 3 }),
  ...Array.from({ length: 57 }, (_, i) => event(67 - i, 'device.activate', { hostname: `host-${i}`, os: 'Linux' })),
];
const lines = (w: VueWrapper) => w.findAll('[data-testid="event-text"]').map((e) => e.text());

describe('ActivityView', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('lists what happened, newest first, one readable line each, and loads more', async () => {
    const { render } = await setupPortal({ events: EVENTS });
    wrapper = await render(ActivityView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="event-list"]');
    expect(lines(wrapper).slice(0, 3)).toEqual([
      'manager@codeglass.example reset the password of dev@codeglass.example',
      'The vendor lifted the deactivation limit',
      'dev@codeglass.example reset device dev-laptop (3 of 5 deactivations used)',
    ]);
    expect(lines(wrapper)).toHaveLength(50);
    await buttonNamed(wrapper, 'Load more')?.trigger('click');
    await expect.poll(() => lines(wrapper!).length).toBe(60);
    expect(buttonNamed(wrapper, 'Load more')).toBeUndefined();
  });

  it('filters by kind, kept in the URL, and reads the cache offline', async () => {
    const { render, router, server } = await setupPortal({ events: EVENTS });
    wrapper = await render(ActivityView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="event-list"]');
    await wrapper.find('[data-testid="event-kind"]').setValue('device.reset');
    await expect.poll(() => router.currentRoute.value.query.kind).toBe('device.reset');
    await expect
      .poll(() => lines(wrapper!))
      .toEqual(['dev@codeglass.example reset device dev-laptop (3 of 5 deactivations used)']);
    wrapper.unmount();

    server.mode = 'offline';
    wrapper = await render(ActivityView, `${path}?kind=device.reset`, { id: LICENSE_ID });
    await settle();
    expect(wrapper.find('[data-testid="state-offline"]').exists()).toBe(true);
    expect(lines(wrapper)).toEqual(['dev@codeglass.example reset device dev-laptop (3 of 5 deactivations used)']);
  });
});
