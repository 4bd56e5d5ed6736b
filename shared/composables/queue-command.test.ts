import { describe, expect, it, vi } from 'vitest';
import { defineStore } from 'pinia';
import { errorText } from '../domain';
import { useDevicesStore } from '../stores/devices';
import { useLicensesStore } from '../stores/licenses';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { useQueueCommand } from './queue-command';
import { fakePortal } from '../stores/testing/fake-portal';
import { previewOf } from '../commands';

const useQueue = defineStore('queue-command-test', () => ({
  queueCommand: useQueueCommand({ session: useSessionStore(), outbox: useOutboxStore() }),
}));
const reset = { kind: 'device.reset', payload: { deviceId: 'd-1' }, licenseId: 'lic-1' } as const;

describe('queueCommand', () => {
  it('refuses when nobody is signed in, before asking the preview, and queues nothing', async () => {
    const { portal } = fakePortal();
    const preview = vi.fn(() => previewOf({ ok: true, kind: 'apply', warnings: [] } as const));
    expect(await useQueue().queueCommand(preview, () => reset)).toEqual({
      ok: false,
      code: 'unauthorized',
      message: errorText('unauthorized'),
    });
    expect(preview).not.toHaveBeenCalled();
    expect(await (await portal.database()).outbox.count()).toBe(0);
  });

  it('a refusing preview blocks the enqueue and says why, in the messages module`s words', async () => {
    const { portal, signIn } = fakePortal();
    await signIn();
    const build = vi.fn(() => reset);
    const result = await useQueue().queueCommand(
      () => previewOf({ ok: false, code: 'deactivation_limit_reached' } as const),
      build,
    );
    expect(result).toEqual({
      ok: false,
      code: 'deactivation_limit_reached',
      message: errorText('deactivation_limit_reached'),
    });
    expect(build).not.toHaveBeenCalled();
    expect(await (await portal.database()).outbox.count()).toBe(0);
  });

  it('queues an allowed command, built from its preview, and the list shows it pending at once', async () => {
    const { signIn } = fakePortal();
    await signIn();
    await useLicensesStore().load();
    const devices = useDevicesStore();
    await devices.load('lic-1');
    const preview = devices.previewReset('d-1');
    const build = vi.fn(() => ({ ...reset, basis: { deviceActive: true, deactivationCount: 0 } }));
    const result = await useQueue().queueCommand(() => preview, build);
    expect(result).toMatchObject({ ok: true });
    expect(build).toHaveBeenCalledWith(preview);
    const outbox = useOutboxStore();
    expect(outbox.pendingFor('lic-1').map((c) => [c.opId, c.kind, c.state])).toEqual([
      [result.ok && result.opId, 'device.reset', 'queued'],
    ]);
    expect(devices.pendingDeviceIds('lic-1')).toEqual(new Set(['d-1']));
    expect(devices.devicesFor('lic-1')[0]).toMatchObject({ id: 'd-1', active: false });
    expect(useLicensesStore().byId('lic-1')?.deactivations.used).toBe(1);
  });
});
