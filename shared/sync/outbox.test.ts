import { describe, expect, it } from 'vitest';
import { compactOutbox, enqueueMany, KEEP_SETTLED_MS } from './outbox';
import { readSyncMeta } from '../db';
import { dismissInitialPassword } from './dismiss-password';
import { INITIAL_PASSWORD_KEEP_MS } from './initial-password';
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

describe('initial passwords on the device', () => {
  const newHire = {
    kind: 'user.assign' as const,
    payload: { licenseId: 'lic-1', email: 'new.hire@codeglass.example', initialPassword: 'client-made-pass' },
    basis: { seatsUsed: 1 },
    licenseId: 'lic-1',
    label: 'Assign new.hire@codeglass.example',
  };

  async function doneAssign(result: Record<string, unknown>, payload = newHire.payload) {
    const db = freshDb();
    const t = clock();
    const { api } = scriptedApi(answer(() => ({ outcome: 'applied', result: { userId: 'u-9', ...result } })));
    const { engine } = engineFor(db, api, { now: t.now });
    await engine.enqueue({ ...newHire, payload });
    await engine.syncNow();
    const view = async () => {
      const [rows, outcomes, leases, sync] = await Promise.all([
        db.outbox.toArray(),
        db.outcomes.toArray(),
        db.leases.toArray(),
        readSyncMeta(db),
      ]);
      return deriveViews({ rows, outcomes, leases, sync, userId: 'u-manager', now: t.now() })[0];
    };
    return { db, t, engine, view };
  }
  const stored = async (db: ReturnType<typeof freshDb>) =>
    JSON.stringify([await db.outbox.toArray(), await db.outcomes.toArray()]);

  it("keeps a done assign's password readable for a day after it was done, then removes it from IndexedDB", async () => {
    const { db, t, engine, view } = await doneAssign({ created: true });
    await engine.compact();
    expect((await view())?.initialPassword).toBe('client-made-pass');
    t.advance(INITIAL_PASSWORD_KEEP_MS - 60_000);
    await engine.compact();
    expect(await stored(db)).toContain('client-made-pass');
    t.advance(60_000);
    expect((await view())?.initialPassword).toBeUndefined(); // hidden on time, even before compaction
    await engine.compact();
    expect(await stored(db)).not.toContain('client-made-pass');
    expect((await view())?.state).toBe('applied');
  });

  it('removes a password the server made the same way, from the stored result', async () => {
    const { db, t, engine, view } = await doneAssign({ created: true, initialPassword: 'server-made-pass' }, {
      licenseId: 'lic-1',
      email: 'new.hire@codeglass.example',
    } as typeof newHire.payload);
    await engine.compact();
    expect((await view())?.initialPassword).toBe('server-made-pass');
    t.advance(INITIAL_PASSWORD_KEEP_MS);
    await engine.compact();
    expect(await stored(db)).not.toContain('server-made-pass');
  });

  it('drops at once a password that applied to no account (the email had one)', async () => {
    const { db, engine } = await doneAssign({ created: false });
    await engine.compact();
    expect(await stored(db)).not.toContain('client-made-pass');
  });

  it('removes a dismissed password at once, folded or not, and only of a done command', async () => {
    for (const folded of [false, true]) {
      const { db, engine, view } = await doneAssign({ created: true, initialPassword: 'server-made-pass' });
      if (folded) await engine.compact();
      expect(await dismissInitialPassword(db, (await view())!.opId)).toBe(true);
      expect(await stored(db)).not.toMatch(/client-made-pass|server-made-pass/);
      expect((await view())?.initialPassword).toBeUndefined();
      await engine.compact();
      expect(await stored(db)).not.toMatch(/client-made-pass|server-made-pass/);
    }
    const db = freshDb();
    const { engine } = engineFor(db, scriptedApi(answer('applied')).api);
    const waiting = await engine.enqueue(newHire);
    expect(await dismissInitialPassword(db, waiting.opId)).toBe(false);
    expect(await stored(db)).toContain('client-made-pass');
  });
});
