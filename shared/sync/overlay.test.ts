import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Device, License, LicenseUser, OutboxRow } from '../schemas';
import { overlayDevices, overlayLicense, overlayUsers } from './overlay';
import { aLicense } from '../schemas/testing/entities';

const at = '2030-01-01T00:00:00.000Z';
const license = (o: Partial<License> = {}): License =>
  aLicense({ name: 'Team', validUntil: null, createdAt: at, ...o });
const device = (id: string, active = true): Device => ({
  id,
  licenseId: 'lic-1',
  userId: 'u-dev',
  userEmail: 'dev@x.example',
  hardwareId: `hw-${id}`,
  hostname: id,
  os: 'Linux',
  firstActivatedAt: at,
  lastCheckedAt: at,
  active,
  deactivatedAt: active ? null : at,
});
const user = (id: string, isManager = false): LicenseUser => ({
  id,
  licenseId: 'lic-1',
  email: `${id}@x.example`,
  firstName: '',
  lastName: '',
  isManager,
  assignedAt: at,
});
let seq = 0;
const row = (c: Pick<OutboxRow, 'kind' | 'payload'> & { basis?: unknown }): OutboxRow =>
  ({
    ...c,
    seq: ++seq,
    opId: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    clientId: 'c',
    userId: 'u',
    licenseId: 'lic-1',
    createdAt: at,
  }) as OutboxRow;

describe('optimistic overlay', () => {
  it('shows a pending device reset as inactive and counts one deactivation, once', () => {
    const reset = row({ kind: 'device.reset', payload: { deviceId: 'd1' } });
    const twice = [reset, row({ kind: 'device.reset', payload: { deviceId: 'd1' } })];
    expect(overlayDevices([device('d1'), device('d2')], twice).map((d) => d.active)).toEqual([false, true]);
    const l = overlayLicense(license(), { devices: [device('d1'), device('d2'), device('d3')], users: [] }, twice);
    expect([l.activations.used, l.deactivationCount, l.deactivations.used]).toEqual([2, 3, 3]);
  });

  it('costs nothing for a device that is already inactive', () => {
    const l = overlayLicense(license(), { devices: [device('d1', false)], users: [] }, [
      row({ kind: 'device.reset', payload: { deviceId: 'd1' } }),
    ]);
    expect(l.deactivationCount).toBe(2);
  });

  it('adds a pending assign as a pending user and takes a seat; an unassign frees one', () => {
    const users = [user('m', true), user('a')];
    const cmds = [
      row({ kind: 'user.assign', payload: { licenseId: 'lic-1', email: 'new@x.example', firstName: 'New' } }),
      row({ kind: 'user.unassign', payload: { licenseId: 'lic-1', userId: 'a' } }),
    ];
    const shown = overlayUsers(users, 'lic-1', cmds);
    expect(shown.map((u) => u.email)).toEqual(['m@x.example', 'new@x.example']);
    expect(shown[1]?.id.startsWith('pending:')).toBe(true);
    expect(overlayLicense(license(), { devices: [], users }, cmds).seats.used).toBe(2);
  });

  it('applies a pending license reset: every device inactive, only managers keep seats', () => {
    const cmds = [
      row({ kind: 'license.reset', payload: { licenseId: 'lic-1' }, basis: { activeDevices: 3, assignedUsers: 1 } }),
    ];
    const users = [user('m', true), user('a')];
    const l = overlayLicense(license(), { devices: [device('d1'), device('d2'), device('d3')], users }, cmds);
    expect([l.activations.used, l.deactivationCount, l.seats.used]).toEqual([0, 5, 1]);
    expect(overlayUsers(users, 'lic-1', cmds).map((u) => u.id)).toEqual(['m']);
  });
});

/** The overlay as first written (each command maps the whole list): the reference the fast one must match. */
const naive = {
  devices(devices: readonly Device[], commands: readonly OutboxRow[]): Device[] {
    let out = devices.map((d) => ({ ...d }));
    for (const c of commands) {
      if (c.kind === 'device.reset')
        out = out.map((d) =>
          d.id === c.payload.deviceId && d.active ? { ...d, active: false, deactivatedAt: c.createdAt } : d,
        );
      else if (c.kind === 'license.reset')
        out = out.map((d) =>
          d.licenseId === c.payload.licenseId && d.active ? { ...d, active: false, deactivatedAt: c.createdAt } : d,
        );
    }
    return out;
  },
  users(users: readonly LicenseUser[], licenseId: string, commands: readonly OutboxRow[]): LicenseUser[] {
    let out = users.filter((u) => u.licenseId === licenseId);
    for (const c of commands) {
      if (c.kind === 'user.assign' && c.payload.licenseId === licenseId) {
        const email = c.payload.email.toLowerCase();
        if (out.some((u) => u.email.toLowerCase() === email)) continue;
        out = [...out, { ...user(`pending:${c.opId}`), email: c.payload.email, assignedAt: c.createdAt }];
      } else if (c.kind === 'user.unassign' && c.payload.licenseId === licenseId) {
        out = out.filter((u) => u.id !== c.payload.userId || u.isManager);
      } else if (c.kind === 'license.reset' && c.payload.licenseId === licenseId) {
        out = out.filter((u) => u.isManager);
      }
    }
    return out;
  },
};

describe('optimistic overlay on any list and any commands', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const commandArb = fc.oneof(
    fc.constantFrom(...ids).map((id) => ({ kind: 'device.reset' as const, payload: { deviceId: id } })),
    fc.constant({ kind: 'license.reset' as const, payload: { licenseId: 'lic-1' } }),
    fc.constantFrom(...ids, 'new').map((id) => ({
      kind: 'user.assign' as const,
      payload: { licenseId: 'lic-1', email: `${id.toUpperCase()}@x.example` },
    })),
    fc
      .constantFrom(...ids)
      .map((id) => ({ kind: 'user.unassign' as const, payload: { licenseId: 'lic-1', userId: id } })),
  );
  const rows = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });

  it('shows what applying the commands one by one shows', () => {
    fc.assert(
      fc.property(rows(4), rows(4), fc.array(commandArb, { maxLength: 12 }), (active, managers, raw) => {
        const commands = raw.map((c, i) => ({
          ...row(c),
          createdAt: `2030-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
        }));
        const devices = ids.map((id, i) => device(id, active[i]));
        const users = ids.map((id, i) => user(id, managers[i]));
        expect(overlayDevices(devices, commands)).toEqual(naive.devices(devices, commands));
        expect(overlayUsers(users, 'lic-1', commands).map((u) => u.id)).toEqual(
          naive.users(users, 'lic-1', commands).map((u) => u.id),
        );
      }),
    );
  });
});
