import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { freshDb, json } from '../sync/testing/fixtures';
import { portalPlugin } from '../composables/portal';
import { useDevicesStore } from './devices';
import { useLicensesStore } from './licenses';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { aDevice, aLicense, MANAGER } from './testing/fake-portal';

const user = MANAGER;
const license = aLicense();
const device = aDevice();

describe('a fetch that started before a command settled', () => {
  it('does not bring an applied reset back: the overlay keeps it until a fetch that began after it', async () => {
    let releaseDevices: (() => void) | null = null;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input instanceof Request ? input.url : input)).pathname.replace('/api/v1', '');
      if (path === '/auth/login') return json({ token: 'token-'.padEnd(32, 'x'), user });
      if (path === '/me') return json({ user, company: { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass' } });
      if (path === '/licenses') return json({ licenses: [license] });
      if (path === '/sync') {
        const body = JSON.parse(String(init?.body)) as { commands: { opId: string }[] };
        return json({ results: body.commands.map((c) => ({ opId: c.opId, outcome: 'applied' })) });
      }
      if (path === '/licenses/lic-1/devices') {
        // The server read the devices BEFORE the reset was applied; the answer arrives after it.
        const stale = json({ devices: [device] });
        if (releaseDevices === null) return stale;
        await new Promise<void>((r) => (releaseDevices = r));
        return stale;
      }
      return json({ code: 'not_found', message: 'no' }, 404);
    }) as typeof globalThis.fetch;
    createApp({}).use(
      portalPlugin({
        baseURL: 'http://portal.test',
        fetch,
        db: freshDb(),
        sync: { intervalMs: 3_600_000, compactDelayMs: 3_600_000, pull: false },
      }),
    );
    await useSessionStore().signIn({ companyId: 'CodeGlass', email: user.email, password: 'secret-pass' });
    const licenses = useLicensesStore();
    const devices = useDevicesStore();
    const outbox = useOutboxStore();
    await licenses.load();
    await devices.load('lic-1');
    expect(await devices.resetDevice('d-1')).toMatchObject({ ok: true });

    releaseDevices = () => undefined; // gate the next devices fetch
    const loading = devices.load('lic-1');
    await new Promise((r) => setTimeout(r, 20)); // the request is in flight
    await new Promise((r) => setTimeout(r, 5)); // settledAt is after the request began
    await outbox.syncNow();
    expect(outbox.commands.map((c) => c.state)).toEqual(['applied']);
    (releaseDevices as () => void)();
    await loading;
    expect(devices.devicesFor('lic-1').find((d) => d.id === 'd-1')?.active).toBe(false);
  });
});
