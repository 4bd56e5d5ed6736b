import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api';
import { readCursor, storeDevices, wholeList } from '../db';
import type { Device, License } from '../schemas';
import { aDevice, aLicense } from '../stores/testing/fake-portal';
import { pullFresh } from './pull';
import { freshDb, json } from './testing/fixtures';

/** A portal answering the pull: the license list, and per list a body for the cursor it is sent. */
function portal(licenses: License[], lists: (path: string, since: string | null) => unknown) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const path = url.pathname.replace('/api/v1', '');
    asked.push(path + url.search);
    if (path === '/licenses') return json({ licenses });
    return json(lists(path, url.searchParams.get('since')));
  }) as typeof globalThis.fetch;
  return { api: createApiClient({ baseURL: 'http://portal.test', getToken: () => 'token', fetch }), asked };
}

describe('the pull after a sync', () => {
  it('asks each touched list for what changed since its cursor and applies it with the new cursor', async () => {
    const db = freshDb();
    const kept = aDevice({ id: 'd-1' });
    const gone = aDevice({ id: 'd-2', hostname: 'old-box' });
    await storeDevices(db, 'lic-1', { ...wholeList([kept, gone]), cursor: 'c-7' }, '2030-01-01T00:00:00.000Z');
    const reset: Device = { ...kept, active: false, deactivatedAt: '2030-01-02T00:00:00.000Z' };
    const { api, asked } = portal([aLicense()], (path, since) =>
      path.endsWith('/devices')
        ? { devices: [reset], removed: ['d-2'], cursor: 'c-8', full: since === null }
        : { users: [], cursor: 'u-1', full: true },
    );
    expect(await pullFresh(db, api, ['lic-1'], new Date('2030-01-02T00:00:00.000Z'))).toBeNull();
    expect(asked).toEqual(['/licenses', '/licenses/lic-1/devices?since=c-7', '/licenses/lic-1/users']);
    expect(await db.devices.toArray()).toMatchObject([{ id: 'd-1', active: false, state: 'inactive' }]);
    expect(await readCursor(db, 'devices', 'lic-1')).toBe('c-8');
    expect(await readCursor(db, 'users', 'lic-1')).toBe('u-1');
  });
});
