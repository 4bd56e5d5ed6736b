import { describe, expect, it } from 'vitest';
import { defineStore } from 'pinia';
import { DEVICE_ROWS } from '../stores/devices';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { usePerLicenseCache } from './per-license';
import { aDevice, fakePortal } from '../stores/testing/fake-portal';

// The primitive, on the devices' source (active first, then by hostname).
const useRows = defineStore('per-license-test', () =>
  usePerLicenseCache(DEVICE_ROWS, { session: useSessionStore(), outbox: useOutboxStore() }),
);

describe('usePerLicenseCache', () => {
  it('loads each license on its own: rows, fetchedAt, status and error per license', async () => {
    const { server } = fakePortal();
    server.devices = [
      aDevice({ id: 'd-2', hostname: 'b-host' }),
      aDevice({ id: 'd-1', hostname: 'a-host' }),
      aDevice({ id: 'd-9', licenseId: 'lic-2' }),
    ];
    const rows = useRows();
    await rows.load('lic-1');
    expect(rows.rowsFor('lic-1').map((d) => d.id)).toEqual(['d-1', 'd-2']); // the source's order, not the server's
    expect(rows.statusFor('lic-1')).toBe('idle');
    expect(rows.fetchedAtFor('lic-1')).not.toBeNull();
    expect(rows.fetchedAtFor('lic-2')).toBeNull();
    expect(rows.rowsFor('lic-2')).toEqual([]);

    server.online = false;
    await rows.load('lic-2');
    expect(rows.statusFor('lic-2')).toBe('offline');
    expect(rows.errorFor('lic-2')?.code).toBe('network_error');
    expect(rows.statusFor('lic-1')).toBe('idle'); // another license's failure is not this one's
    await rows.load('lic-1');
    expect(rows.statusFor('lic-1')).toBe('offline');
    expect(rows.rowsFor('lic-1')).toHaveLength(2); // offline keeps the cache
  });

  it('shows a license`s rows with the commands its cache does not show yet', async () => {
    const { portal, signIn } = fakePortal();
    await signIn();
    const rows = useRows();
    await rows.load('lic-1');
    await portal.engine.enqueue({ kind: 'device.reset', payload: { deviceId: 'd-1' }, licenseId: 'lic-1' });
    await useOutboxStore().reload();
    expect(rows.rowsFor('lic-1')[0]).toMatchObject({ id: 'd-1', active: false });
    // The cache itself is the server's (its whole list is read once something asks for every row).
    await expect.poll(() => rows.cachedFor('lic-1')[0]).toMatchObject({ id: 'd-1', active: true });
  });
});
