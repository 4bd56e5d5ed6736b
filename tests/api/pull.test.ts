import { describe, expect, it } from 'vitest';
import { DevicesResponseSchema, UsersResponseSchema } from '@shared/schemas';
import { makeManager } from '../../server/admin/operations';
import { api } from '../support/portal-server';
import { commands, useDemoWorld, parsed, syncOne } from './fixtures';

const world = useDemoWorld('file');

const since = (cursor?: string) => (cursor ? `?since=${encodeURIComponent(cursor)}` : '');
const devices = async (token: string, cursor?: string) =>
  parsed(
    DevicesResponseSchema,
    (await api(world.server.url, token, 'GET', `/licenses/${world.licenseId}/devices${since(cursor)}`)).body,
  );
const users = async (cursor?: string) =>
  parsed(
    UsersResponseSchema,
    (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}/users${since(cursor)}`)).body,
  );

describe('incremental pull of a license list', () => {
  it('answers an unchanged license with an empty delta and the same cursor', async () => {
    const full = await devices(world.manager);
    expect(full).toMatchObject({ full: true, removed: [] });
    expect(full.devices).toHaveLength(5);
    const again = await devices(world.manager, full.cursor);
    expect(again).toEqual({ devices: [], removed: [], cursor: full.cursor, full: false });
  });

  it('sends only the device a reset changed', async () => {
    const { cursor, devices: all } = await devices(world.manager);
    const laptop = all.find((d) => d.hostname === 'dev-laptop')!;
    expect((await syncOne(world.server.url, world.dev, commands.resetDevice(laptop.id))).outcome).toBe('applied');
    const delta = await devices(world.manager, cursor);
    expect(delta.full).toBe(false);
    expect(delta.devices.map((d) => [d.id, d.active])).toEqual([[laptop.id, false]]);
    expect(delta.cursor).not.toBe(cursor);
    expect((await devices(world.manager, delta.cursor)).devices).toEqual([]);
  });

  it('lists an unassigned user as removed, and a re-assigned one only as a row', async () => {
    const first = await users();
    const devUser = first.users.find((u) => u.email === 'dev@codeglass.example')!;
    expect(
      (await syncOne(world.server.url, world.manager, commands.unassign(world.licenseId, devUser.id))).outcome,
    ).toBe('applied');
    const delta = await users(first.cursor);
    expect(delta).toMatchObject({ users: [], removed: [devUser.id], full: false });
    expect(
      (await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, devUser.email))).outcome,
    ).toBe('applied');
    const back = await users(first.cursor);
    expect(back.users.map((u) => u.id)).toEqual([devUser.id]);
    expect(back.removed).toEqual([]);
  });

  it('sends the whole list for a cursor it cannot continue: malformed, or of another view', async () => {
    expect(await devices(world.manager, 'not-a-cursor')).toMatchObject({ full: true });
    const mine = await devices(world.dev);
    expect(mine.devices.every((d) => d.userEmail === 'dev@codeglass.example')).toBe(true);
    // A license user's cursor covers their own devices only: as a manager they need every device.
    await makeManager(world.server.db, world.licenseId, 'dev@codeglass.example');
    const promoted = await devices(world.dev, mine.cursor);
    expect(promoted.full).toBe(true);
    expect(promoted.devices.some((d) => d.userEmail === 'manager@codeglass.example')).toBe(true);
  });

  it('continues a cursor across the lists of one license, and sends the whole list for one from the future', async () => {
    const { cursor } = await devices(world.manager);
    const other = await api(
      world.server.url,
      world.manager,
      'GET',
      `/licenses/${world.licenseId}/users${since(cursor)}`,
    );
    // A devices cursor is a cursor of the same license and view: the users list continues from it.
    expect(parsed(UsersResponseSchema, other.body).full).toBe(false);
    const tampered = cursor!.replace(/^1\.\d+/, '1.999999');
    expect((await devices(world.manager, tampered)).full).toBe(true);
  });
});
