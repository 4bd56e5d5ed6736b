import { describe, expect, it } from 'vitest';
import { compactOutbox, enqueueMany, KEEP_SETTLED_MS } from './outbox';
import { readSyncMeta } from '../db';
import { deriveViews } from './state';
import { answer, clock, deviceReset, engineFor, freshDb, scriptedApi } from './testing/fixtures';

describe('compactOutbox', () => {
  it('forgets old successes but keeps refused and conflicting commands however old', async () => {
    const db = freshDb();
    const t = clock();
    const outcomes = { d1: 'applied', d2: 'already_done', d3: 'rejected', d4: 'conflict' } as const;
    const { api } = scriptedApi(
      answer((c) => {
        const outcome = outcomes[(c.payload as { deviceId: keyof typeof outcomes }).deviceId];
        return { outcome, ...(outcome === 'rejected' ? { code: 'deactivation_limit_reached', message: 'limit' } : {}) };
      }),
    );
    const { engine } = engineFor(db, api, { now: t.now });
    const commands = (['d1', 'd2', 'd3', 'd4'] as const).map((d, i) => deviceReset(d, `lic-${i}`));
    await enqueueMany(db, commands, { clientId: 'c', userId: 'u-manager', now: t.now() });
    await engine.syncNow();
    t.advance(KEEP_SETTLED_MS + 60_000);
    const { pruned } = await compactOutbox(db, t.now());
    expect(pruned).toBe(2);
    const left = await db.outbox.toArray();
    expect(left.map((r) => r.settled?.outcome)).toEqual(['rejected', 'conflict']);
  });

  it('keeps what a command did after folding it in: an assign to an existing account stays "account existed"', async () => {
    const db = freshDb();
    const { api } = scriptedApi(answer(() => ({ outcome: 'applied', result: { userId: 'u-9', created: false } })));
    const { engine } = engineFor(db, api);
    await engine.enqueue({
      kind: 'user.assign',
      payload: { licenseId: 'lic-1', email: 'known@codeglass.example', initialPassword: 'client-made-pass' },
      basis: { seatsUsed: 1 },
      licenseId: 'lic-1',
      label: 'Assign known@codeglass.example',
    });
    await engine.syncNow();
    await engine.compact();
    const [rows, outcomes, leases, sync] = await Promise.all([
      db.outbox.toArray(),
      db.outcomes.toArray(),
      db.leases.toArray(),
      readSyncMeta(db),
    ]);
    expect(outcomes).toHaveLength(0);
    const [view] = deriveViews({ rows, outcomes, leases, sync, userId: 'u-manager', now: new Date() });
    expect(view?.accountExisted).toBe(true);
    expect(view?.initialPassword).toBeUndefined();
  });
});
