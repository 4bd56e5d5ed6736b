import { describe, expect, it } from 'vitest';
import { readSyncMeta, type PortalDb } from '../db';
import type { Command } from '../schemas';
import { enqueueMany, type NewCommand } from './outbox';
import { deriveViews, type CommandView } from './state';
import { answer, deviceReset, engineFor, freshDb, json, scriptedApi } from './testing/fixtures';

async function views(db: PortalDb, userId = 'u-manager'): Promise<CommandView[]> {
  const [rows, outcomes, leases, sync] = await Promise.all([
    db.outbox.toArray(),
    db.outcomes.toArray(),
    db.leases.toArray(),
    readSyncMeta(db),
  ]);
  return deriveViews({ rows, outcomes, leases, sync, userId, now: new Date() });
}

const assign = (i: number, licenseId = 'lic-1'): NewCommand => ({
  kind: 'user.assign',
  payload: { licenseId, email: `user${i}@codeglass.example`, initialPassword: 'Initial-Pass-1234' },
  basis: { seatsUsed: 0 },
  licenseId,
});

describe('sender: a refusal that waiting will not change', () => {
  it.each([
    [400, 'invalid_request'],
    [403, 'not_license_manager'],
    [404, 'not_found'],
    [413, 'payload_too_large'],
  ])(
    'settles the batch rejected on %i %s (one outcome row), and the rest of the outbox still goes',
    async (status, code) => {
      const db = freshDb();
      let calls = 0;
      const { api, requests } = scriptedApi((c) =>
        calls++ === 0 ? json({ code, message: `server says ${code}` }, status) : answer('applied')(c),
      );
      const { engine } = engineFor(db, api, { batchSize: 2 });
      await enqueueMany(db, [deviceReset('d1', 'lic-1'), deviceReset('d2', 'lic-1'), deviceReset('d3', 'lic-2')], {
        clientId: 'c',
        userId: 'u-manager',
        now: new Date(),
      });
      const run = await engine.syncNow();
      expect(run?.kind).toBe('drained');
      expect(requests.map((r) => r.length)).toEqual([2, 1]);
      const v = await views(db);
      expect(v.map((c) => [c.state, c.code ?? null])).toEqual([
        ['rejected', code],
        ['rejected', code],
        ['applied', null],
      ]);
      expect(v[0]?.message).toBe(`server says ${code}`);
      expect(await db.outcomes.count()).toBe(2); // one row per batch, not per command
      const sync = await readSyncMeta(db);
      expect(sync).toMatchObject({ nextRetryAt: null, blockedAuth: false });
      // The user can retry it: it is queued again and sent.
      await engine.retry(v[0]!.opId);
      await engine.syncNow();
      expect((await views(db))[0]?.state).toBe('applied');
    },
  );

  it('blocks on 403 password_change_required until the user is back, without settling anything', async () => {
    const db = freshDb();
    let changed = false;
    const { api } = scriptedApi((c) =>
      changed ? answer('applied')(c) : json({ code: 'password_change_required', message: 'change it' }, 403),
    );
    const { engine } = engineFor(db, api);
    await engine.enqueue(deviceReset('d1'));
    expect((await engine.syncNow())?.kind).toBe('auth');
    expect((await views(db)).map((c) => c.state)).toEqual(['blocked_auth']);
    expect(await db.outcomes.count()).toBe(0);
    changed = true;
    await engine.resumeAfterSignIn();
    expect((await views(db)).map((c) => c.state)).toEqual(['applied']);
  });

  it('still waits with backoff on 5xx and on the network, never settling the commands', async () => {
    const db = freshDb();
    const { api } = scriptedApi(() => json({ code: 'internal_error', message: 'boom' }, 500));
    const { engine } = engineFor(db, api);
    await engine.enqueue(deviceReset('d1'));
    expect((await engine.syncNow())?.kind).toBe('backoff');
    expect(await db.outcomes.count()).toBe(0);
  });
});

describe('sender: batch sizes', () => {
  async function batchSizes(commands: NewCommand[]): Promise<number[]> {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer('applied'));
    const { engine } = engineFor(db, api);
    await enqueueMany(db, commands, { clientId: 'c', userId: 'u-manager', now: new Date() });
    await engine.syncNow();
    return requests.map((r: Command[]) => r.length);
  }

  it('sends 1,500 plain commands in 2 batches, the first as large as the server takes', async () => {
    expect(await batchSizes(Array.from({ length: 1500 }, (_, i) => deviceReset(`d${i}`)))).toEqual([1000, 500]);
  });

  it('caps a batch at 100 user.assign (each new account costs the server a password hash)', async () => {
    const mixed = [
      ...Array.from({ length: 250 }, (_, i) => assign(i)),
      ...Array.from({ length: 10 }, (_, i) => deviceReset(`d${i}`)),
    ];
    expect(await batchSizes(mixed)).toEqual([100, 100, 60]);
  });

  it('counts password resets against the same cap', async () => {
    const resets: NewCommand[] = Array.from({ length: 150 }, (_, i) => ({
      kind: 'user.reset_password',
      payload: { licenseId: 'lic-1', userId: `u-${i}`, initialPassword: 'Initial-Pass-1234' },
      basis: { seatsUsed: 3 },
      licenseId: 'lic-1',
    }));
    expect(await batchSizes([...Array.from({ length: 50 }, (_, i) => assign(i)), ...resets])).toEqual([100, 100]);
  });
});

describe('sender: commands the server left for later (too many new passwords at once)', () => {
  it('keeps them queued, sends them again after a backoff, and ends with every one applied', async () => {
    const db = freshDb();
    // The server takes 3 new passwords per request: the rest wait, not stored, until a later one.
    const budget = 3;
    const { api, requests } = scriptedApi((commands) =>
      json({
        results: commands.map((c, i) =>
          i < budget
            ? { opId: c.opId, outcome: 'applied' }
            : { opId: c.opId, outcome: 'rejected', code: 'too_many_new_passwords', message: 'later' },
        ),
      }),
    );
    const { engine } = engineFor(db, api);
    await enqueueMany(
      db,
      Array.from({ length: 7 }, (_, i) => assign(i)),
      { clientId: 'c', userId: 'u-manager', now: new Date() },
    );
    for (let run = 0; run < 10 && (await views(db)).some((c) => c.state !== 'applied'); run++)
      await engine.syncNow({ force: true });
    expect((await views(db)).map((c) => c.state)).toEqual(Array(7).fill('applied'));
    expect(requests.length).toBeGreaterThan(2);
  });

  it('backs off with the server`s reason when a whole batch was left for later', async () => {
    const db = freshDb();
    const { api } = scriptedApi((commands) =>
      json({
        results: commands.map((c) => ({
          opId: c.opId,
          outcome: 'rejected',
          code: 'too_many_new_passwords',
          message: 'later',
        })),
      }),
    );
    const { engine } = engineFor(db, api);
    await engine.enqueue(assign(1));
    const run = await engine.syncNow();
    expect(run?.kind).toBe('backoff');
    expect((await readSyncMeta(db)).lastError).toMatchObject({ code: 'too_many_new_passwords' });
    expect((await views(db)).map((c) => c.state)).not.toContain('rejected');
    expect(await db.outcomes.count()).toBe(0);
  });
});
