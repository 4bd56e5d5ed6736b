import { describe, expect, it } from 'vitest';
import { ApiErrorSchema, LicenseResponseSchema } from '@shared/schemas';
import { api } from '../support/portal-server';
import { commands, demoCompanyLicense, useDemoWorld, devicesOf, parsed, sync, syncOne } from './fixtures';

const world = useDemoWorld('file');

const post = (body: unknown, init: { raw?: string } = {}) =>
  fetch(`${world.server.url}/api/v1/sync`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${world.manager}`, 'Content-Type': 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });

describe('exactly once', () => {
  it('answers a replayed opId with the stored result and changes nothing', async () => {
    const laptop = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'dev-laptop',
    )!;
    const command = commands.resetDevice(laptop.id);
    const first = await syncOne(world.server.url, world.dev, command);
    expect(first).toMatchObject({ outcome: 'applied', result: { deactivationCount: 3 } });
    const count = async () =>
      parsed(
        LicenseResponseSchema,
        (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}`)).body,
      ).license.deactivationCount;
    expect(await count()).toBe(3);
    // The same command again (a lost response, a second tab); a second use in one batch is refused.
    expect(await syncOne(world.server.url, world.dev, command)).toEqual(first);
    expect(await sync(world.server.url, world.dev, [command, command])).toMatchObject([
      first,
      { opId: command.opId, outcome: 'rejected', code: 'op_id_reused' },
    ]);
    expect(await count()).toBe(3);
  });

  it('knows an opId in capitals as the same opId (UUIDs ignore case): the stored answer, under the opId as sent', async () => {
    const license = await demoCompanyLicense(world.server, { name: 'Case of the opId' });
    const command = commands.assign(license, 'case@codeglass.example');
    const first = await syncOne(world.server.url, world.manager, command);
    expect(first.outcome).toBe('applied');
    const shouted = { ...command, opId: command.opId.toUpperCase() };
    const again = await syncOne(world.server.url, world.manager, shouted);
    // (A password the server made is returned once, never stored.)
    const { initialPassword: _once, ...result } = first.result!;
    expect(again).toEqual({ ...first, opId: shouted.opId, result });
    // And a different command under it is refused, as for the opId in lower case.
    const other = { ...commands.assign(license, 'other-case@codeglass.example'), opId: shouted.opId };
    expect(await syncOne(world.server.url, world.manager, other)).toMatchObject({
      outcome: 'rejected',
      code: 'op_id_reused',
    });
  });

  it('answers one result per command, in the order sent', async () => {
    const cmds = [
      commands.assign(world.licenseId, 'dev@codeglass.example'),
      commands.resetDevice('missing'),
      commands.resetLicense(world.licenseId, { activeDevices: 0, assignedUsers: 0 }),
    ];
    const results = await sync(world.server.url, world.manager, cmds);
    expect(results.map((r) => [r.opId, r.outcome])).toEqual([
      [cmds[0]!.opId, 'already_done'],
      [cmds[1]!.opId, 'rejected'],
      [cmds[2]!.opId, 'conflict'],
    ]);
  });

  it('applies a batch of 1,000 commands in one request', { timeout: 120_000 }, async () => {
    const big = await demoCompanyLicense(world.server, { name: 'Big batch', quantity: 2000 });
    const cmds = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? commands.assign(big, 'dev@codeglass.example') : commands.unassign(big, 'nobody-at-all'),
    );
    const started = performance.now();
    const results = await sync(world.server.url, world.manager, cmds);
    const ms = performance.now() - started;
    expect(results).toHaveLength(1000);
    expect(results.map((r) => r.opId)).toEqual(cmds.map((c) => c.opId));
    expect(results[0]!.outcome).toBe('applied');
    expect(results.slice(1).every((r) => r.outcome === 'already_done')).toBe(true);
    // Measured: ~0.6 s on SQLite; PostgreSQL pays a commit round trip per command (~17 s on a busy 2-core box).
    expect(ms).toBeLessThan(process.env.TEST_POSTGRES_URL ? 60_000 : 10_000);
    // A replay of the whole batch changes nothing and answers the same.
    expect(await sync(world.server.url, world.manager, cmds)).toEqual(results);
  });

  it('holds the later commands of a license behind a refused one in the same request', async () => {
    const me = parsed(
      LicenseResponseSchema,
      (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}`)).body,
    ).license;
    const desktop = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'dev-desktop' && d.active,
    )!;
    const managerId = (await api(world.server.url, world.manager, 'GET', '/me')).body.user.id as string;
    const refused = commands.unassign(world.licenseId, managerId);
    const later = commands.resetDevice(desktop.id);
    const results = await sync(world.server.url, world.manager, [refused, later]);
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['rejected', 'cannot_unassign_manager'],
      ['rejected', 'held_by_earlier_change'],
    ]);
    expect(
      (await devicesOf(world.server.url, world.dev, world.licenseId)).find((d) => d.id === desktop.id)!.active,
    ).toBe(true);
    // Held is not an answer to keep: sent again on its own, the same opId is decided afresh.
    expect(await syncOne(world.server.url, world.manager, later)).toMatchObject({
      outcome: 'applied',
      result: { deactivationCount: me.deactivationCount + 1 },
    });
  });
});

describe('bad input gets a 4xx naming the field, never a 5xx', () => {
  it('malformed JSON', async () => {
    const res = await post(null, { raw: '{"clientId": "a", "commands": [' });
    expect(res.status).toBe(400);
    expect(parsed(ApiErrorSchema, await res.json())).toMatchObject({ code: 'invalid_request', field: 'body' });
  });

  it('wrong types, with the dotted path of the field', async () => {
    const res = await post({
      clientId: 'a',
      commands: [commands.resetDevice('d1'), { ...commands.resetDevice('d2'), seq: 'first' }],
    });
    expect(res.status).toBe(400);
    const body = parsed(ApiErrorSchema, await res.json());
    expect(body).toMatchObject({ code: 'invalid_request', field: 'commands.1.seq' });
    expect(body.message).toMatch(/^commands\.1\.seq: /);
  });

  it('an unknown command kind', async () => {
    const cmds = [0, 1, 2].map((i) => commands.resetDevice(`d${i}`));
    const res = await post({
      clientId: 'a',
      commands: [...cmds, { ...commands.resetDevice('x'), kind: 'device.explode' }],
    });
    expect(res.status).toBe(400);
    const body = parsed(ApiErrorSchema, await res.json());
    expect(body.field).toBe('commands.3.kind');
  });

  it('a missing payload field, a bad opId, more than 1,000 commands', async () => {
    const noId = await post({ clientId: 'a', commands: [{ ...commands.resetDevice('x'), payload: {} }] });
    expect(parsed(ApiErrorSchema, await noId.json()).field).toBe('commands.0.payload.deviceId');
    const badOp = await post({ clientId: 'a', commands: [{ ...commands.resetDevice('x'), opId: 'not-a-uuid' }] });
    expect(parsed(ApiErrorSchema, await badOp.json()).field).toBe('commands.0.opId');
    const tooMany = await post({
      clientId: 'a',
      commands: Array.from({ length: 1001 }, () => commands.resetDevice('x')),
    });
    expect(tooMany.status).toBe(400);
    expect(parsed(ApiErrorSchema, await tooMany.json()).field).toBe('commands');
  });

  it('an empty body, a JSON array, a JSON string', async () => {
    for (const raw of ['', '[]', '"hello"', 'null']) {
      const res = await post(null, { raw });
      expect(res.status, raw).toBe(400);
      expect((await res.json()).code).toBe('invalid_request');
    }
  });

  it('a body over 2 MB is 413 payload_too_large', async () => {
    const res = await post(null, { raw: JSON.stringify({ clientId: 'a', padding: 'x'.repeat(2 * 1024 * 1024 + 10) }) });
    expect(res.status).toBe(413);
    expect(parsed(ApiErrorSchema, await res.json()).code).toBe('payload_too_large');
  });

  it('bad activation and sign-in bodies', async () => {
    const act = await api(world.server.url, world.dev, 'POST', '/activations', {
      licenseId: world.licenseId,
      hardwareId: '',
      hostname: 'h',
      os: 'o',
    });
    expect(act.status).toBe(400);
    expect(act.body.field).toBe('hardwareId');
    const login = await api(world.server.url, null, 'POST', '/auth/login', { companyId: 42 });
    expect(login.status).toBe(400);
    expect(login.body.field).toBe('companyId');
    const query = await api(world.server.url, world.manager, 'GET', `/licenses?email=${'x'.repeat(300)}`);
    expect(query.status).toBe(400);
    expect(query.body.field).toBe('email');
  });
});
