import { describe, expect, it } from 'vitest';
import { patchSyncMeta, readSyncMeta } from '../db';
import { deriveViews, type CommandState } from './state';
import { answer, clock, deviceReset, engineFor, freshDb, json, scriptedApi } from './testing/fixtures';
import type { PortalDb } from '../db';

async function states(db: PortalDb, now: Date, userId: string | null = 'u-manager'): Promise<CommandState[]> {
  const [rows, outcomes, leases, sync] = await Promise.all([
    db.outbox.toArray(),
    db.outcomes.toArray(),
    db.leases.toArray(),
    readSyncMeta(db),
  ]);
  return deriveViews({ rows, outcomes, leases, sync, userId, now }).map((v) => v.state);
}

describe('outbox state machine', () => {
  it('goes queued -> sending -> applied, and keeps the row until compaction folds the outcome in', async () => {
    const db = freshDb();
    const t = clock();
    const seen: CommandState[][] = [];
    const { api } = scriptedApi(async (commands) => {
      seen.push(await states(db, t.now())); // while the request is in flight
      return answer('applied')(commands);
    });
    const { engine } = engineFor(db, api, { now: t.now });
    await engine.enqueue(deviceReset('d1'));
    expect(await states(db, t.now())).toEqual(['queued']);
    await engine.syncNow();
    expect(seen).toEqual([['sending']]);
    expect(await states(db, t.now())).toEqual(['applied']);
    expect(await db.outbox.count()).toBe(1);
    await engine.compact();
    const [row] = await db.outbox.toArray();
    expect(row?.settled?.outcome).toBe('applied');
    expect(await db.outcomes.count()).toBe(0);
    expect(await states(db, t.now())).toEqual(['applied']);
  });

  it.each(['already_done', 'rejected', 'conflict'] as const)(
    'stores a %s outcome with its code and message',
    async (outcome) => {
      const db = freshDb();
      const { api } = scriptedApi(answer(outcome));
      const { engine } = engineFor(db, api);
      await engine.enqueue(deviceReset('d1'));
      await engine.syncNow();
      expect(await states(db, new Date())).toEqual([outcome]);
      if (outcome === 'rejected')
        expect((await db.outcomes.toArray())[0]?.results[0]?.code).toBe('deactivation_limit_reached');
    },
  );

  it('waits with backoff on a network error, and sends the same opId once the network is back', async () => {
    const db = freshDb();
    const t = clock();
    let online = false;
    const { api, requests } = scriptedApi((c) =>
      online ? answer('applied')(c) : Promise.reject(new TypeError('Failed to fetch')),
    );
    const { engine } = engineFor(db, api, { now: t.now, random: () => 0.5 });
    const row = await engine.enqueue(deviceReset('d1'));
    const run = await engine.syncNow();
    expect(run?.kind).toBe('backoff');
    expect(await states(db, t.now())).toEqual(['waiting']);
    const sync = await readSyncMeta(db);
    expect(sync.lastError?.code).toBe('network_error');
    expect(Date.parse(sync.nextRetryAt!) - t.now().getTime()).toBe(500); // half of the 1 s first step (full jitter)
    online = true;
    t.advance(1_000);
    expect(await states(db, t.now())).toEqual(['queued']);
    await engine.syncNow({ force: false });
    expect(await states(db, t.now())).toEqual(['applied']);
    expect(requests.map((r) => r[0]?.opId)).toEqual([row.opId, row.opId]);
  });

  it('honours Retry-After on 429 and waits on 5xx', async () => {
    const db = freshDb();
    const t = clock();
    let reply = json({ code: 'rate_limited', message: 'slow down' }, 429, { 'Retry-After': '120' });
    const { api } = scriptedApi(() => reply);
    const { engine } = engineFor(db, api, { now: t.now, random: () => 0.5 });
    await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    let sync = await readSyncMeta(db);
    expect(Date.parse(sync.nextRetryAt!) - t.now().getTime()).toBe(120_000);
    expect(await engine.syncNow({ force: false })).toBeNull(); // an automatic wake-up respects it
    expect(await states(db, t.now())).toEqual(['waiting']);
    reply = json({ code: 'internal_error', message: 'boom' }, 503);
    await engine.syncNow({ force: true });
    sync = await readSyncMeta(db);
    expect(sync.attempt).toBe(2);
    expect(sync.lastError?.status).toBe(503);
    expect(await states(db, t.now())).toEqual(['waiting']);
  });

  it('blocks on 401, keeps every command, and resumes after sign-in', async () => {
    const db = freshDb();
    let signedIn = false;
    const { api } = scriptedApi((c) =>
      signedIn ? answer('applied')(c) : json({ code: 'unauthorized', message: 'no' }, 401),
    );
    const { engine } = engineFor(db, api);
    await engine.enqueue(deviceReset('d1'));
    await engine.enqueue(deviceReset('d2'));
    const run = await engine.syncNow();
    expect(run?.kind).toBe('auth');
    expect(await states(db, new Date())).toEqual(['blocked_auth', 'blocked_auth']);
    await engine.syncNow();
    expect(await states(db, new Date())).toEqual(['blocked_auth', 'blocked_auth']);
    signedIn = true;
    await engine.resumeAfterSignIn();
    expect(await states(db, new Date())).toEqual(['applied', 'applied']);
  });

  it('leaves another user`s commands blocked until they sign in', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer('applied'));
    const { engine, signAs } = engineFor(db, api);
    await engine.enqueue(deviceReset('d1'));
    signAs('u-other');
    await engine.syncNow();
    expect(requests).toHaveLength(0);
    expect(await states(db, new Date(), 'u-other')).toEqual(['blocked_auth']);
  });

  it('returns the commands of an expired lease (a tab closed mid-send) to queued, re-sent with the same opId', async () => {
    const db = freshDb();
    const t = clock();
    const { api, requests } = scriptedApi(answer('already_done'));
    const { engine } = engineFor(db, api, { now: t.now });
    const row = await engine.enqueue(deviceReset('d1'));
    const expiresAt = new Date(t.now().getTime() + 60_000).toISOString();
    await db.leases.add({
      batchId: 'dead-tab',
      owner: 'tab-that-closed',
      opIds: [row.opId],
      takenAt: t.now().toISOString(),
      expiresAt,
    });
    expect(await states(db, t.now())).toEqual(['sending']);
    await engine.syncNow();
    expect(requests).toHaveLength(0); // leased elsewhere: not sent twice at once
    t.advance(61_000);
    expect(await states(db, t.now())).toEqual(['queued']);
    await engine.syncNow();
    expect(requests[0]?.[0]?.opId).toBe(row.opId);
    expect(await states(db, t.now())).toEqual(['already_done']);
  });

  it('retries a rejected command as queued with a new opId and its old seq', async () => {
    const db = freshDb();
    let outcome: 'rejected' | 'applied' = 'rejected';
    const { api } = scriptedApi((c) => answer(outcome)(c));
    const { engine } = engineFor(db, api);
    const row = await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    const next = await engine.retry(row.opId);
    expect(next).not.toBe(row.opId);
    const [retried] = await db.outbox.toArray();
    expect(retried).toMatchObject({ opId: next, seq: row.seq });
    expect(await states(db, new Date())).toEqual(['queued']);
    outcome = 'applied';
    await engine.syncNow();
    expect(await states(db, new Date())).toEqual(['applied']);
    expect(await engine.retry(next!)).toBeNull(); // only rejected commands are retried
  });

  it.each(['rejected', 'conflict'] as const)('discards a %s command', async (outcome) => {
    const db = freshDb();
    const { api } = scriptedApi(answer(outcome));
    const { engine } = engineFor(db, api);
    const row = await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    expect(await engine.discard(row.opId)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to discard an applied command or one a tab is sending', async () => {
    const db = freshDb();
    const { api } = scriptedApi(answer('applied'));
    const { engine } = engineFor(db, api);
    const sent = await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    expect(await engine.discard(sent.opId)).toBe(false);
    const leased = await engine.enqueue(deviceReset('d2'));
    await db.leases.add({
      batchId: 'b',
      owner: 'o',
      opIds: [leased.opId],
      takenAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await engine.discard(leased.opId)).toBe(false);
  });

  it('cancels a waiting command so it is never sent, but not one being sent or already answered', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer('applied'));
    const { engine } = engineFor(db, api);
    const waiting = await engine.enqueue(deviceReset('d1'));
    expect(await engine.cancel(waiting.opId)).toBe('cancelled');
    expect(await db.outbox.count()).toBe(0);
    await engine.syncNow();
    expect(requests).toHaveLength(0);
    const leased = await engine.enqueue(deviceReset('d2'));
    await db.leases.add({
      batchId: 'b',
      owner: 'o',
      opIds: [leased.opId],
      takenAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await engine.cancel(leased.opId)).toBe('in_flight');
    await db.leases.clear();
    await engine.syncNow();
    expect(await engine.cancel(leased.opId)).toBe('not_waiting');
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a command whose answer was lost from being discarded until a resend tells its outcome', async () => {
    const db = freshDb();
    const t = clock();
    let lose = true;
    const applied = new Set<string>();
    const { api } = scriptedApi((commands) => {
      for (const c of commands) applied.add(c.opId); // the server applies the batch...
      if (lose) throw new TypeError('connection reset'); // ...and the answer never arrives
      return answer('applied')(commands);
    });
    const { engine } = engineFor(db, api, { now: t.now });
    const row = await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    expect(applied.has(row.opId)).toBe(true);
    expect(await engine.discard(row.opId)).toBe(false);
    await engine.compact(); // compaction keeps what marks it as possibly applied
    expect(await engine.discard(row.opId)).toBe(false);
    const [rows, outcomes, leases, sync] = await Promise.all([
      db.outbox.toArray(),
      db.outcomes.toArray(),
      db.leases.toArray(),
      readSyncMeta(db),
    ]);
    expect(deriveViews({ rows, outcomes, leases, sync, userId: 'u-manager', now: t.now() })[0]).toMatchObject({
      maybeApplied: true,
    });
    lose = false;
    await engine.syncNow();
    expect(await states(db, t.now())).toEqual(['applied']);
    await engine.compact();
    expect(await db.leases.count()).toBe(0);
  });

  it('lets a command refused before it reached the server (401) be discarded', async () => {
    const db = freshDb();
    const { api } = scriptedApi(() => json({ code: 'unauthorized', message: 'signed out' }, 401));
    const { engine } = engineFor(db, api);
    const row = await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    expect(await engine.discard(row.opId)).toBe(true);
  });

  it('confirms a conflict: queued again with the new basis', async () => {
    const db = freshDb();
    let outcome: 'conflict' | 'applied' = 'conflict';
    const { api, requests } = scriptedApi((c) => answer(outcome)(c));
    const { engine } = engineFor(db, api);
    const row = await engine.enqueue({
      kind: 'license.reset',
      payload: { licenseId: 'lic-1' },
      basis: { activeDevices: 2, assignedUsers: 1 },
      licenseId: 'lic-1',
    });
    await engine.syncNow();
    expect(await states(db, new Date())).toEqual(['conflict']);
    await engine.confirm(row.opId, { activeDevices: 4, assignedUsers: 1 });
    expect(await states(db, new Date())).toEqual(['queued']);
    outcome = 'applied';
    await engine.syncNow();
    expect(requests[1]?.[0]?.basis).toEqual({ activeDevices: 4, assignedUsers: 1 });
    expect(await states(db, new Date())).toEqual(['applied']);
  });

  it('holds later commands of a license behind a rejected one, and no other license`s', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(
      answer((c) =>
        c.kind === 'device.reset' && c.payload.deviceId === 'd1'
          ? { outcome: 'rejected', code: 'forbidden' }
          : { outcome: 'applied' },
      ),
    );
    const { engine } = engineFor(db, api);
    const first = await engine.enqueue(deviceReset('d1', 'lic-1'));
    await engine.syncNow();
    await engine.enqueue(deviceReset('d2', 'lic-1'));
    await engine.enqueue(deviceReset('d3', 'lic-2'));
    await engine.syncNow();
    expect(requests[1]?.map((c) => c.kind === 'device.reset' && c.payload.deviceId)).toEqual(['d3']);
    const [rows, outcomes, leases, sync] = await Promise.all([
      db.outbox.toArray(),
      db.outcomes.toArray(),
      db.leases.toArray(),
      readSyncMeta(db),
    ]);
    const views = deriveViews({ rows, outcomes, leases, sync, userId: 'u-manager', now: new Date() });
    expect(views.map((v) => [v.state, v.heldBy ?? null])).toEqual([
      ['rejected', null],
      ['queued', first.opId],
      ['applied', null],
    ]);
    await engine.discard(first.opId);
    await engine.syncNow();
    expect(await states(db, new Date())).toEqual(['applied', 'applied']);
  });

  it('keeps a command the server held behind a refused one in the same request queued, then sends it', async () => {
    const db = freshDb();
    let refuse = true;
    const { api, requests } = scriptedApi(async (commands) =>
      json({
        results: commands.map((c, i) =>
          refuse && i === 0
            ? { opId: c.opId, outcome: 'rejected', code: 'forbidden', message: 'no' }
            : refuse
              ? { opId: c.opId, outcome: 'rejected', code: 'held_by_earlier_change', message: 'held' }
              : { opId: c.opId, outcome: 'applied' },
        ),
      }),
    );
    const { engine } = engineFor(db, api);
    const first = await engine.enqueue(deviceReset('d1', 'lic-1'));
    const second = await engine.enqueue(deviceReset('d2', 'lic-1'));
    await engine.syncNow();
    expect(requests).toHaveLength(1);
    expect(await states(db, new Date())).toEqual(['rejected', 'queued']);
    refuse = false;
    await engine.discard(first.opId);
    await engine.syncNow();
    expect(requests[1]?.map((c) => c.opId)).toEqual([second.opId]);
    expect(await states(db, new Date())).toEqual(['applied']);
  });

  it('sends again, in the next request, the commands the server left for later (too_many_commands)', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi((commands) =>
      json({
        results: commands.map((c, i) =>
          i < 2
            ? { opId: c.opId, outcome: 'applied' }
            : { opId: c.opId, outcome: 'rejected', code: 'too_many_commands', message: 'later' },
        ),
      }),
    );
    const { engine } = engineFor(db, api);
    for (const id of ['d1', 'd2', 'd3', 'd4', 'd5']) await engine.enqueue(deviceReset(id));
    await engine.syncNow();
    expect(requests.map((r) => r.length)).toEqual([5, 3, 1]);
    expect(await states(db, new Date())).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  });

  it('sends at once on start when online, though the last session left a backoff', async () => {
    const db = freshDb();
    const t = clock();
    const { api, requests } = scriptedApi(answer('applied'));
    const { engine } = engineFor(db, api, { now: t.now });
    await engine.enqueue(deviceReset('d1'));
    await patchSyncMeta(db, { attempt: 6, nextRetryAt: new Date(t.now().getTime() + 3_600_000).toISOString() });
    engine.start();
    try {
      await expect.poll(() => requests.length).toBe(1);
      await expect.poll(() => states(db, t.now())).toEqual(['applied']);
    } finally {
      engine.stop();
    }
  });

  it('sends again at once when the network comes back while a failing send is still in flight', async () => {
    const db = freshDb();
    let online = false;
    let release: () => void = () => {};
    const inFlight = new Promise<void>((r) => (release = r));
    const { api, requests } = scriptedApi(async (commands) => {
      const reachable = online; // as when the request left
      if (requests.length === 1) await inFlight; // the first request hangs, then fails
      return reachable ? answer('applied')(commands) : Promise.reject(new TypeError('Failed to fetch'));
    });
    const { engine } = engineFor(db, api, { intervalMs: 3_600_000, random: () => 1 });
    // Earlier failures: the backoff after this one would be minutes long.
    await patchSyncMeta(db, { attempt: 8 });
    await engine.enqueue(deviceReset('d1'));
    engine.start();
    try {
      await expect.poll(() => requests.length).toBe(1);
      online = true;
      globalThis.dispatchEvent(new Event('online')); // while the first request is still out
      release();
      await expect.poll(() => requests.length).toBe(2);
      await expect.poll(() => states(db, new Date())).toEqual(['applied']);
    } finally {
      engine.stop();
    }
  });

  it('does not wake itself while the browser is offline, but a user`s Send now still tries', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer('applied'));
    const { engine } = engineFor(db, api);
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      await engine.enqueue(deviceReset('d1'));
      expect(await engine.syncNow({ force: false })).toBeNull();
      expect(requests).toHaveLength(0);
      expect(await states(db, new Date())).toEqual(['queued']);
      await engine.syncNow({ force: true });
      expect(requests).toHaveLength(1);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      if (onLine) Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });

  it('backs off further on answers that settle nothing, and never calls them a sync', async () => {
    const db = freshDb();
    const t = clock();
    const { api } = scriptedApi(() => json({ results: [] }));
    const { engine } = engineFor(db, api, { now: t.now, random: () => 0.5 });
    await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    await engine.syncNow();
    const sync = await readSyncMeta(db);
    expect(sync.attempt).toBe(2);
    expect(sync.lastSyncAt ?? null).toBeNull();
    expect(await states(db, t.now())).toEqual(['waiting']);
  });

  it('sends each command once when two tabs sync at the same time (one sender)', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(async (c) => {
      await new Promise((r) => setTimeout(r, 20));
      return answer('applied')(c);
    });
    const tabA = engineFor(db, api).engine;
    const tabB = engineFor(db, api).engine;
    await tabA.enqueue(deviceReset('d1'));
    await tabB.enqueue(deviceReset('d2'));
    const [a, b] = await Promise.all([tabA.syncNow(), tabB.syncNow()]);
    expect([a?.kind ?? null, b?.kind ?? null].sort()).toEqual(['drained', null].sort());
    expect(requests.flat()).toHaveLength(2);
    expect(await states(db, new Date())).toEqual(['applied', 'applied']);
  });

  it('returns blocked commands to queued once the 401 block is lifted', async () => {
    const db = freshDb();
    const { api } = scriptedApi(() => json({ code: 'unauthorized', message: 'no' }, 401));
    const { engine } = engineFor(db, api);
    await engine.enqueue(deviceReset('d1'));
    await engine.syncNow();
    expect(await states(db, new Date())).toEqual(['blocked_auth']);
    await patchSyncMeta(db, { blockedAuth: false });
    expect(await states(db, new Date())).toEqual(['queued']);
  });
});
