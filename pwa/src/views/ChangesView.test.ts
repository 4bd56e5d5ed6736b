import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ChangesView from './ChangesView.vue';
import DevicesView from './DevicesView.vue';
import { LICENSE_ID } from '../testing/fixtures';
import { answerEach, buttonNamed, settle, setupPortal, unauthorized, until } from '../testing/harness';

type Portal = Awaited<ReturnType<typeof setupPortal>>;

/** Queues "Reset device dev-laptop" the way a manager does it: on the Devices page, confirmed. */
async function queueDeviceReset(render: Portal['render']): Promise<void> {
  const devices = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
  await devices.find('button[aria-label="Reset dev-laptop"]').trigger('click');
  await settle();
  await devices.find('[data-testid="confirm"]').trigger('click');
  await settle();
  devices.unmount();
}

/** Opens the Changes page (unless open) and presses "Send now", as a user does to push what waits. */
async function sendNow(render: Portal['render'], open?: VueWrapper): Promise<VueWrapper> {
  const changes = open ?? (await render(ChangesView, '/changes'));
  await until(changes, '[data-testid="change-list"]');
  const send = buttonNamed(changes, 'Send now');
  expect(send?.attributes('disabled')).toBeUndefined();
  await send?.trigger('click');
  // The run ends when its answer is stored and the licenses it touched are pulled again.
  for (let i = 0; i < 250 && changes.find('[data-testid="changes-status"]').text().startsWith('Sending'); i++)
    await new Promise((r) => setTimeout(r, 20));
  await settle();
  return changes;
}

/** Waits until the first change shows `state` (the outbox is watched through liveQuery). */
async function untilState(wrapper: VueWrapper, state: string): Promise<void> {
  for (let i = 0; i < 250 && wrapper.find('[data-testid="change-state"]').text() !== state; i++)
    await new Promise((r) => setTimeout(r, 20));
}

const SERVER_REFUSAL =
  'You reached the limit on the amount of time you can deactivate a device: contact us to reset your limit. Ask us for a code and paste it on the License page.';
const SERVER_CONFLICT = 'This would now do more than when you asked for it: confirm it again or discard it.';

// Several sends per test, each stored and pulled again through Dexie: slow on a busy machine.
describe('ChangesView', { timeout: 20_000 }, () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('says so when there are no changes', async () => {
    const { render } = await setupPortal();
    wrapper = await render(ChangesView, '/changes');
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('No changes yet.');
    expect(buttonNamed(wrapper, 'Send now')?.attributes('disabled')).toBeDefined();
  });

  it('lists a change queued offline as waiting, with what it does', async () => {
    const { render, server } = await setupPortal();
    const devices = await render(DevicesView, `/licenses/${LICENSE_ID}/devices`, { id: LICENSE_ID });
    server.mode = 'offline';
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      await devices.find('button[aria-label="Reset dev-laptop"]').trigger('click');
      await settle();
      await devices.find('[data-testid="confirm"]').trigger('click');
      await settle();
      devices.unmount();
      wrapper = await render(ChangesView, '/changes');
      await until(wrapper, '[data-testid="change-list"]');
      expect(wrapper.find('[data-testid="change-list"]').text()).toContain('Reset device dev-laptop');
      expect(wrapper.find('[data-testid="change-state"]').text()).toMatch(/Waiting to be sent|Will retry/);
      // Send now cannot work offline, and says why beside it.
      const send = buttonNamed(wrapper, 'Send now');
      expect(send?.attributes('disabled')).toBeDefined();
      const reason = wrapper.find(`#${send?.attributes('aria-describedby')}`);
      expect(reason.text()).toBe('Sending needs a connection: it starts by itself when you are back online.');
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    }
  });

  it('a change the server refused shows its message with Retry and Discard', async () => {
    const { render, server } = await setupPortal();
    await queueDeviceReset(render);
    server.sync = answerEach('rejected', 'deactivation_limit_reached', SERVER_REFUSAL);
    wrapper = await sendNow(render);
    await untilState(wrapper, 'Refused');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Refused');
    expect(wrapper.find('[data-testid="change-message"]').text()).toBe(SERVER_REFUSAL);
    expect(buttonNamed(wrapper, 'Retry: Reset device dev-laptop')).toBeDefined();
    expect(buttonNamed(wrapper, 'Confirm: Reset device dev-laptop')).toBeUndefined();
    // The refusal lands before the send finishes; the status line follows a moment later.
    await expect.poll(() => wrapper!.find('[data-testid="changes-status"]').text()).toBe('Everything is sent.');

    // Retry queues it again: it waits to be sent, and the refusal is gone.
    await buttonNamed(wrapper, 'Retry: Reset device dev-laptop')?.trigger('click');
    await untilState(wrapper, 'Waiting to be sent');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Waiting to be sent');
    expect(wrapper.find('[data-testid="change-message"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="changes-status"]').text()).toBe('1 change waits.');

    // Refused again, the user gives up on it: Discard takes it off the list.
    await sendNow(render, wrapper);
    await untilState(wrapper, 'Refused');
    await buttonNamed(wrapper, 'Discard: Reset device dev-laptop')?.trigger('click');
    await until(wrapper, '[data-testid="state-empty"]');
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('No changes yet.');
  });

  it('a conflict asks the user to Confirm or Discard, and Confirm queues it again', async () => {
    const { render, server } = await setupPortal();
    await queueDeviceReset(render);
    server.sync = answerEach('conflict', 'conflict', SERVER_CONFLICT);
    wrapper = await sendNow(render);
    await untilState(wrapper, 'Needs your confirmation');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Needs your confirmation');
    expect(wrapper.find('[data-testid="change-message"]').text()).toBe(SERVER_CONFLICT);
    expect(buttonNamed(wrapper, 'Discard: Reset device dev-laptop')).toBeDefined();
    expect(buttonNamed(wrapper, 'Retry: Reset device dev-laptop')).toBeUndefined();

    await buttonNamed(wrapper, 'Confirm: Reset device dev-laptop')?.trigger('click');
    await untilState(wrapper, 'Waiting to be sent');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Waiting to be sent');
    expect(buttonNamed(wrapper, /^(Confirm|Discard):/)).toBeUndefined();
  });

  it('when the session ended, keeps the change and asks to sign in again', async () => {
    const { render, server } = await setupPortal();
    await queueDeviceReset(render);
    server.sync = unauthorized;
    wrapper = await sendNow(render);
    await untilState(wrapper, 'Sign in to send');
    expect(wrapper.find('[data-testid="change-state"]').text()).toBe('Sign in to send');
    expect(wrapper.find('[data-testid="change-list"]').text()).toContain('Reset device dev-laptop');
    const signIn = wrapper.find('[data-testid="blocked-auth"] a');
    expect(signIn.text()).toBe('Sign in to sync 1 change');
    expect(signIn.attributes('href')).toBe('/login');
    expect(wrapper.find('[data-testid="changes-status"]').text()).toBe('1 change waits.');
  });
});
