import { describe, expect, it } from 'vitest';
import { aDevice, aLicenseUser } from '../testing/fixtures';
import { DEVICE_QUERY, filterDevices, sortDevices } from './device-list';
import { english } from '@shared/domain';
import { countMessage, listQueryToRoute, nextSort, parseListQuery } from './list-query';
import { filterUsers, sortUsers, USER_QUERY } from './user-list';

const hosts = (rows: readonly { hostname: string }[]) => rows.map((d) => d.hostname);

describe('a list`s URL query', () => {
  it('reads filter, status, sort and direction from the URL, and a link`s values survive a round trip', () => {
    const query = parseListQuery({ q: 'host-12', status: 'active', sort: 'hostname', dir: 'desc' }, DEVICE_QUERY);
    expect(query).toEqual({ q: 'host-12', status: 'active', sort: 'hostname', dir: 'desc' });
    expect(listQueryToRoute(query, DEVICE_QUERY)).toEqual({
      q: 'host-12',
      status: 'active',
      sort: 'hostname',
      dir: 'desc',
    });
  });

  it('falls back to the defaults for what a URL lacks or gets wrong, and leaves defaults out of the URL', () => {
    const query = parseListQuery({ status: 'gone', sort: 'price', dir: 'sideways' }, DEVICE_QUERY);
    expect(query).toEqual({ q: '', status: 'all', sort: 'status', dir: 'asc' });
    expect(listQueryToRoute(query, DEVICE_QUERY)).toEqual({});
    expect(parseListQuery({ q: ['a', 'b'] }, USER_QUERY).q).toBe('a');
  });

  it('flips the direction of the sorted column, and sorts another one ascending', () => {
    expect(nextSort({ sort: 'hostname', dir: 'asc' }, 'hostname')).toEqual({ sort: 'hostname', dir: 'desc' });
    expect(nextSort({ sort: 'hostname', dir: 'desc' }, 'os')).toEqual({ sort: 'os', dir: 'asc' });
  });

  it('counts what a filter shows against the whole list', () => {
    const countText = (...args: Parameters<typeof countMessage>) => english(countMessage(...args));
    expect(countText(12, 12, 'device')).toBe('12 devices');
    expect(countText(3, 10000, 'device')).toBe('3 of 10,000 devices');
    expect(countText(1, 1, 'user')).toBe('1 user');
  });
});

describe('the devices list', () => {
  const rows = [
    aDevice({ id: 'a', hostname: 'build-02', os: 'Ubuntu 24.04', userEmail: 'ops@x.example' }),
    aDevice({ id: 'b', hostname: 'build-10', os: 'Windows 11', userEmail: 'dana@x.example', active: false }),
    aDevice({ id: 'c', hostname: 'Mac-Dana', os: 'macOS 15', userEmail: 'dana@x.example' }),
  ];

  it('filters by hostname, user or OS in any case, and by status', () => {
    expect(hosts(filterDevices(rows, { q: 'BUILD', status: 'all' }))).toEqual(['build-02', 'build-10']);
    expect(hosts(filterDevices(rows, { q: 'dana@', status: 'all' }))).toEqual(['build-10', 'Mac-Dana']);
    expect(hosts(filterDevices(rows, { q: ' macos ', status: 'all' }))).toEqual(['Mac-Dana']);
    expect(hosts(filterDevices(rows, { q: 'dana', status: 'active' }))).toEqual(['Mac-Dana']);
    expect(hosts(filterDevices(rows, { q: '', status: 'inactive' }))).toEqual(['build-10']);
  });

  it('sorts by a column either way; by status, active ones first; hostnames by character code', () => {
    expect(hosts(sortDevices(rows, 'hostname', 'asc'))).toEqual(['Mac-Dana', 'build-02', 'build-10']);
    expect(hosts(sortDevices(rows, 'os', 'desc'))).toEqual(['build-10', 'build-02', 'Mac-Dana']);
    expect(hosts(sortDevices(rows, 'status', 'desc'))).toEqual(['build-10', 'Mac-Dana', 'build-02']);
    expect(sortDevices(rows, 'status', 'asc')).toBe(rows); // the store's order already
  });
});

describe('the users list', () => {
  const rows = [
    aLicenseUser({ id: 'm', email: 'morgan@x.example', firstName: 'Morgan', lastName: 'Manager', isManager: true }),
    aLicenseUser({ id: 'a', email: 'ana@x.example', firstName: 'Ana', lastName: 'Zed' }),
    aLicenseUser({ id: 'z', email: 'zoe@x.example', firstName: '', lastName: '' }),
  ];

  it('filters by email or name', () => {
    expect(filterUsers(rows, { q: 'ana zed' }).map((u) => u.id)).toEqual(['a']);
    expect(filterUsers(rows, { q: 'ZOE@' }).map((u) => u.id)).toEqual(['z']);
  });

  it('sorts by email, name or role', () => {
    expect(sortUsers(rows, 'email', 'asc').map((u) => u.id)).toEqual(['a', 'm', 'z']);
    expect(sortUsers(rows, 'name', 'asc').map((u) => u.id)).toEqual(['z', 'a', 'm']); // no name first
    expect(sortUsers(rows, 'role', 'desc').map((u) => u.id)).toEqual(['a', 'z', 'm']);
  });
});
