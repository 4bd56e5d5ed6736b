import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { APP_NOTICE_MESSAGES } from '@shared/domain';
import { useLicensesStore, useUsersStore } from '@shared/stores';
import { LICENSE_ID } from './testing/fixtures';
import { buttonNamed, json, setupPortal, until } from './testing/harness';
import { everythingStored } from './testing/stored-text';
import ChangesView from './views/ChangesView.vue';

/** An assign of a new account, queued and done: the Changes page then shows its initial password. */
async function doneAssign() {
  const portal = await setupPortal();
  portal.server.sync = (body) =>
    json(200, {
      results: body.commands.map((c) => ({
        opId: c.opId,
        outcome: 'applied',
        result: { created: true, passwordExpiresAt: '2026-03-08T09:00:00.000Z' },
      })),
    });
  // This test's own stores, named: a page left from the test before may still make its stores the
  // active ones for a moment.
  await useLicensesStore(portal.pinia).load();
  await useUsersStore(portal.pinia).load(LICENSE_ID);
  const queued = await useUsersStore(portal.pinia).assign({
    licenseId: LICENSE_ID,
    email: 'new.hire@codeglass.example',
    firstName: 'Nia',
    lastName: 'Hire',
  });
  if (!queued.ok || !queued.initialPassword) throw new Error(`not queued with a password: ${JSON.stringify(queued)}`);
  const page = await portal.render(ChangesView, '/changes');
  await buttonNamed(page, 'Send now')?.trigger('click');
  await vi.waitFor(() => expect(page.find('[data-testid="change-state"]').text()).toBe('Done'), { timeout: 5000 });
  await until(page, '[data-testid="initial-password"]');
  return { page, password: queued.initialPassword };
}

describe('initial passwords on the Changes page', () => {
  let page: VueWrapper | undefined;
  afterEach(() => page?.unmount());

  it('are shown once the assign is done, with how long they stay', async () => {
    const done = await doneAssign();
    page = done.page;
    const box = page.find('[data-testid="initial-password"]');
    expect(box.find('code').text()).toBe(done.password);
    expect(box.text()).toContain(APP_NOTICE_MESSAGES.initial_password_kept);
  });

  it('say until when they work for the first sign-in, as the server answered', async () => {
    const done = await doneAssign();
    page = done.page;
    const expiry = page.find('[data-testid="password-expiry"]').text();
    expect(expiry).toMatch(/^It works for the first sign-in until .*2026.*; after that, reset it to make a new one\.$/);
    expect(expiry).toMatch(/Mar/);
  });

  it('are copied to the clipboard with one button, which says so', async () => {
    const done = await doneAssign();
    page = done.page;
    await buttonNamed(page, 'Copy password: Assign new.hire@codeglass.example')?.trigger('click');
    await vi.waitFor(() =>
      expect(page!.find('[data-testid="copied"]').text()).toBe(APP_NOTICE_MESSAGES.password_copied),
    );
    expect(await navigator.clipboard.readText()).toBe(done.password);
  });

  it('says so when the browser refuses to copy, so the user selects it instead', async () => {
    const done = await doneAssign();
    page = done.page;
    const refuse = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new DOMException('no', 'NotAllowedError'));
    await buttonNamed(page, 'Copy password: Assign new.hire@codeglass.example')?.trigger('click');
    await vi.waitFor(() =>
      expect(page!.find('[data-testid="copied"]').text()).toBe(APP_NOTICE_MESSAGES.password_copy_failed),
    );
    refuse.mockRestore();
  });

  it('leave the page and the device at once when dismissed', async () => {
    const done = await doneAssign();
    page = done.page;
    expect(await everythingStored()).toContain(done.password);
    await buttonNamed(page, 'Dismiss password: Assign new.hire@codeglass.example')?.trigger('click');
    await vi.waitFor(() => expect(page!.find('[data-testid="initial-password"]').exists()).toBe(false));
    expect(page.find('[data-testid="change-state"]').text()).toBe('Done');
    expect(await everythingStored()).not.toContain(done.password);
  });
});
