import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { PortalDb } from '@shared/db';
import { useOutboxStore, useUsersStore } from '@shared/stores';
import { enqueue, type NewCommand } from '@shared/sync';
import ChangesView from './views/ChangesView.vue';
import DashboardView from './views/DashboardView.vue';
import DevicesView from './views/DevicesView.vue';
import UsersView from './views/UsersView.vue';
import { LICENSE_ID } from './testing/fixtures';
import { settle, setupPortal, until, type SyncReply } from './testing/harness';

/** Commands queued on this device by another account (it signed out; its outbox stays). */
async function queueAsOtherAccount(db: PortalDb) {
  const ctx = { clientId: 'client-shared', userId: 'u-other', now: new Date() };
  const assign: NewCommand = {
    kind: 'user.assign',
    payload: { licenseId: LICENSE_ID, email: 'secret.hire@codeglass.example', initialPassword: 'OtherUsersPass9' },
    basis: { seatsUsed: 2 },
    licenseId: LICENSE_ID,
    label: 'Assign secret.hire@codeglass.example',
  };
  await enqueue(db, assign, ctx);
  await enqueue(
    db,
    {
      kind: 'device.reset',
      payload: { deviceId: 'd-1' },
      basis: { deviceActive: true, deactivationCount: 2 },
      licenseId: LICENSE_ID,
      label: 'Reset device dev-laptop',
    },
    ctx,
  );
  await useOutboxStore().reload();
}

describe('another account`s queued commands on a shared device', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('the Changes view shows only a count of them: no payload, no password, no actions, no sign-in prompt', async () => {
    const { render, portal } = await setupPortal();
    await queueAsOtherAccount(await portal.database());
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="other-accounts"]');
    expect(wrapper.find('[data-testid="other-accounts"]').text()).toBe(
      '2 changes queued by another account on this device wait for it to sign in.',
    );
    expect(wrapper.text()).not.toContain('OtherUsersPass9');
    expect(wrapper.text()).not.toContain('secret.hire');
    expect(wrapper.find('[data-testid="change-list"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="blocked-auth"]').exists()).toBe(false);
    expect(useOutboxStore().pendingCount).toBe(0);
  });

  it('the Dashboard does not ask to sign in for them', async () => {
    const { render, portal } = await setupPortal();
    await queueAsOtherAccount(await portal.database());
    wrapper = await render(DashboardView, '/');
    await settle();
    expect(wrapper.text()).not.toContain('Sign in to sync');
    expect(wrapper.find('[data-testid="dashboard-pending"]').text()).toBe('0');
  });

  it('license pages do not apply them: the device stays active, the other account`s assign is not listed', async () => {
    const { render, portal } = await setupPortal();
    await queueAsOtherAccount(await portal.database());
    wrapper = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    await until(wrapper, 'button[aria-label="Reset dev-laptop"]');
    expect(wrapper.find('button[aria-label="Reset dev-laptop"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="pending"]').exists()).toBe(false);
    expect(
      useUsersStore()
        .usersFor(LICENSE_ID)
        .map((u) => u.email),
    ).not.toContain('secret.hire@codeglass.example');
  });
});

describe('an assign to an email that turns out to have an account', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('words the password as conditional when queued, and withdraws it once the server says created: false', async () => {
    const { server, render } = await setupPortal();
    const existing: SyncReply = (body) =>
      new Response(
        JSON.stringify({
          results: body.commands.map((c) => ({
            opId: c.opId,
            outcome: 'applied',
            result: { userId: 'u-77', created: false },
          })),
        }),
        {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    server.sync = () =>
      new Response(JSON.stringify({ results: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    wrapper = await render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="user-table"]');
    await wrapper.find('#assign-email').setValue('known.elsewhere@codeglass.example');
    await wrapper.find('[data-testid="assign-form"]').trigger('submit');
    await settle();
    await wrapper.find('[data-testid="confirm"]').trigger('click');
    await settle();
    const box = wrapper.find('[data-testid="initial-password"]');
    expect(box.text()).toContain('If the account of known.elsewhere@codeglass.example is new, its initial password is');
    const shown = box.find('code').text();
    server.sync = existing;
    await useOutboxStore().syncNow();
    await until(wrapper, '[data-testid="account-existed"]');
    expect(wrapper.find('[data-testid="initial-password"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="account-existed"]').text()).toContain('already had an account');
    expect(wrapper.text()).not.toContain(shown);
    expect(useOutboxStore().commands[0]).toMatchObject({ state: 'applied', accountExisted: true });
    expect(useOutboxStore().commands[0]?.initialPassword).toBeUndefined();
  });
});
