import { describe, expect, it } from 'vitest';
import { EventsResponseSchema } from '@shared/schemas';
import { liftLimit } from '../../server/admin/operations';
import { api } from '../support/portal-server';
import { commands, useDemoWorld, devicesOf, otherCompany, parsed, syncOne } from './fixtures';

const world = useDemoWorld('test');

const events = async (token: string, query = '') => {
  const res = await api(world.server.url, token, 'GET', `/licenses/${world.licenseId}/events${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return parsed(EventsResponseSchema, res.body);
};

describe('GET /licenses/:id/events', () => {
  it('lists what happened to the license, newest first: who, when, what', async () => {
    const laptop = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'dev-laptop',
    )!;
    await syncOne(world.server.url, world.dev, commands.resetDevice(laptop.id));
    await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, 'new.person@codeglass.example'));
    await liftLimit(world.server.db, world.licenseId);
    const page = await events(world.manager);
    expect(page.events.slice(0, 3).map((e) => [e.kind, e.actor, e.byVendor])).toEqual([
      ['license.lift_deactivation_limit', 'vendor', true],
      ['user.assign', 'manager@codeglass.example', false],
      ['device.reset', 'dev@codeglass.example', false],
    ]);
    expect(page.events[2]!.detail).toMatchObject({ hostname: 'dev-laptop' });
    expect(page.events.at(-1)!.kind).toBe('license.create');
  });

  it('shows a license user only their own actions', async () => {
    const laptop = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'dev-laptop',
    )!;
    await syncOne(world.server.url, world.dev, commands.resetDevice(laptop.id));
    await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, 'new.person@codeglass.example'));
    const page = await events(world.dev);
    expect(page.events.map((e) => e.kind)).toEqual(['device.reset']);
  });

  it('pages with before and limit, and filters by kind', async () => {
    await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, 'p1@codeglass.example'));
    const laptop = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'dev-laptop',
    )!;
    await syncOne(world.server.url, world.dev, commands.resetDevice(laptop.id));
    const first = await events(world.manager, '?limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toBe(first.events[1]!.id);
    const second = await events(world.manager, `?limit=2&before=${first.nextBefore}`);
    expect(second.events[0]!.id).toBeLessThan(first.events[1]!.id);
    const assigns = await events(world.manager, '?kind=user.assign');
    expect(assigns.events.map((e) => e.detail.email)).toEqual(['p1@codeglass.example']);
    expect(assigns.nextBefore).toBeNull();
  });

  it('refuses bad paging with the field named, and hides other companies` licenses', async () => {
    const bad = await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}/events?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_request', field: 'limit' });
    const kind = await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}/events?kind=party`);
    expect(kind.body).toMatchObject({ code: 'invalid_request', field: 'kind' });
    const rival = await otherCompany(world.server);
    expect((await api(world.server.url, rival.token, 'GET', `/licenses/${world.licenseId}/events`)).status).toBe(404);
  });
});
