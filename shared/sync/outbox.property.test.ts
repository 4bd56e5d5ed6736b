import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSyncMeta, type PortalDb } from '../db';
import type { Command, SyncResult } from '../schemas';
import { deriveViews, type CommandView } from './state';
import { clock, engineFor, freshDb, json, scriptedApi } from './testing/fixtures';

/**
 * The outbox as a state machine under any sequence of user actions and server behaviours: the
 * invariants below must hold after every step, and once the network is good and every refusal
 * is resolved, every command ends applied exactly once. A fixed seed keeps CI repeatable;
 * PROPERTY_SEED and PROPERTY_RUNS explore further.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261128;

const USERS = ['u-a', 'u-b'] as const;
const LICENSES = ['lic-1', 'lic-2'] as const;
type Mode = 'ok' | 'network' | 'server_error' | 'unauthorized' | 'lost_answer';

type Step =
  | { do: 'enqueue'; user: 0 | 1; license: 0 | 1; kind: 'device.reset' | 'license.reset' | 'user.assign' }
  | { do: 'sync'; mode: Mode }
  | { do: 'compact'; advanceMs: number }
  | { do: 'retry' | 'confirm' | 'discard'; pick: number }
  | { do: 'signIn'; user: 0 | 1 }
  | { do: 'limit'; license: 0 | 1; on: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('enqueue' as const),
      user: fc.constantFrom(0 as const, 1 as const),
      license: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constantFrom('device.reset' as const, 'license.reset' as const, 'user.assign' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('sync' as const),
      mode: fc.constantFrom<Mode>('ok', 'ok', 'network', 'server_error', 'unauthorized', 'lost_answer'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('compact' as const), advanceMs: fc.integer({ min: 0, max: 120_000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constantFrom('retry' as const, 'confirm' as const, 'discard' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ do: fc.constant('signIn' as const), user: fc.constantFrom(0 as const, 1 as const) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('limit' as const),
      license: fc.constantFrom(0 as const, 1 as const),
      on: fc.boolean(),
    }),
  },
);

/**
 * The server's side of the protocol: each opId decided at most once (a replay answers the stored
 * result), a refused or conflicting command holds later commands of its license in the request.
 * It records which queued command (by seq) it applied, to check "exactly once" from outside.
 */
function fakeServer() {
  const stored = new Map<string, SyncResult>();
  const applied: string[] = []; // the queued commands (by label) that changed the server
  const order = new Map<string, number[]>(); // `${user}:${license}` -> seqs in apply order
  const limited = new Set<string>();
  let mode: Mode = 'ok';
  const licenseOf = (c: Command) => ('licenseId' in c.payload ? c.payload.licenseId : 'lic-1');
  const decide = (commands: Command[], identify: (opId: string) => { id: string; user: string }) => {
    const held = new Set<string>();
    return commands.map((c): SyncResult => {
      const earlier = stored.get(c.opId);
      if (earlier) return earlier;
      const license = licenseOf(c);
      if (held.has(license))
        return { opId: c.opId, outcome: 'rejected', code: 'held_by_earlier_change', message: 'held' };
      let result: SyncResult;
      if (limited.has(license) && c.kind === 'device.reset')
        result = { opId: c.opId, outcome: 'rejected', code: 'deactivation_limit_reached', message: 'limit' };
      else if (limited.has(license) && c.kind === 'license.reset')
        result = { opId: c.opId, outcome: 'conflict', code: 'conflict', message: 'more' };
      else {
        result = { opId: c.opId, outcome: 'applied' };
        applied.push(identify(c.opId).id);
        const key = `${identify(c.opId).user}:${license}`;
        order.set(key, [...(order.get(key) ?? []), c.seq]);
      }
      if (result.outcome !== 'conflict') stored.set(c.opId, result);
      if (result.outcome !== 'applied') held.add(license);
      return result;
    });
  };
  return { stored, applied, order, limited, decide, setMode: (m: Mode) => (mode = m), mode: () => mode };
}

async function views(db: PortalDb, now: Date, userId: string | null): Promise<CommandView[]> {
  const [rows, outcomes, leases, sync] = await Promise.all([
    db.outbox.toArray(),
    db.outcomes.toArray(),
    db.leases.toArray(),
    readSyncMeta(db),
  ]);
  return deriveViews({ rows, outcomes, leases, sync, userId, now });
}

async function runScenario(steps: Step[]): Promise<void> {
  const db = freshDb();
  const t = clock();
  const server = fakeServer();
  // A command's identity is its label: a seq is reused once the last row is discarded.
  const { api } = scriptedApi(async (commands) => {
    const mode = server.mode();
    if (mode === 'network') throw new TypeError('Failed to fetch');
    if (mode === 'server_error') return json({ code: 'internal_error', message: 'boom' }, 503, { 'Retry-After': '1' });
    if (mode === 'unauthorized') return json({ code: 'unauthorized', message: 'signed out' }, 401);
    const rows = await db.outbox.toArray();
    const identify = (opId: string) => {
      const row = rows.find((r) => r.opId === opId);
      return { id: row?.label ?? opId, user: row?.userId ?? '?' };
    };
    const results = server.decide(commands, identify);
    if (mode === 'lost_answer') throw new TypeError('connection reset after the server applied the batch');
    return json({ results });
  });
  let user: string = USERS[0];
  const { engine, signAs } = engineFor(db, api, { now: t.now, batchSize: 3 });
  signAs(user);
  const enqueued = new Set<string>();
  const discarded = new Set<string>();

  const check = async (label: string) => {
    const all = await views(db, t.now(), user);
    const seqs = all.map((v) => v.label);
    expect(new Set(seqs).size, `${label}: a command appears twice`).toBe(seqs.length);
    // Nothing leaves the outbox but what the user discarded (successes are kept 30 days).
    expect(new Set(seqs), `${label}: a command was lost`).toEqual(
      new Set([...enqueued].filter((s) => !discarded.has(s))),
    );
    // Each queued command changed the server at most once, whatever was resent.
    expect(server.applied.length, `${label}: a command applied twice`).toBe(new Set(server.applied).size);
    // A command shown as done really was applied (or already done) on the server.
    for (const v of all)
      if (v.state === 'applied') expect(server.applied, `${label}: shown applied, never applied`).toContain(v.label);
    // One user's commands of one license reach the server in the order they were queued.
    for (const [key, applied] of server.order)
      expect(applied, `${label}: ${key} out of order`).toEqual([...applied].sort((a, b) => a - b));
  };

  for (const [i, s] of steps.entries()) {
    const label = `step ${i} ${JSON.stringify(s)}`;
    switch (s.do) {
      case 'enqueue': {
        if (USERS[s.user] !== user) break; // only the signed-in user queues
        const licenseId = LICENSES[s.license];
        const command =
          s.kind === 'device.reset'
            ? { kind: s.kind, payload: { deviceId: `dev-${i}` }, basis: { deviceActive: true, deactivationCount: 0 } }
            : s.kind === 'license.reset'
              ? { kind: s.kind, payload: { licenseId }, basis: { activeDevices: 1, assignedUsers: 0 } }
              : { kind: s.kind, payload: { licenseId, email: `new${i}@example.com` }, basis: { seatsUsed: 1 } };
        const row = await engine.enqueue({ ...command, licenseId, label: `#${i}` } as Parameters<
          typeof engine.enqueue
        >[0]);
        enqueued.add(row.label ?? '');

        break;
      }
      case 'sync':
        server.setMode(s.mode);
        await engine.syncNow({ force: true });
        break;
      case 'compact': {
        t.advance(s.advanceMs);
        const before = (await views(db, t.now(), user)).map((v) => [v.seq, v.state, v.code]);
        await engine.compact();
        const after = (await views(db, t.now(), user)).map((v) => [v.seq, v.state, v.code]);
        expect(after, `${label}: compaction changed what the user sees`).toEqual(before);
        break;
      }
      case 'retry':
      case 'confirm':
      case 'discard': {
        const wanted =
          s.do === 'retry' ? ['rejected'] : s.do === 'confirm' ? ['conflict'] : ['rejected', 'conflict', 'queued'];
        const candidates = (await views(db, t.now(), user)).filter((v) => wanted.includes(v.state));
        const target = candidates[s.pick % Math.max(1, candidates.length)];
        if (!target) break;
        if (s.do === 'retry') await engine.retry(target.opId);
        else if (s.do === 'confirm') await engine.confirm(target.opId, { activeDevices: 9, assignedUsers: 9 });
        else if (await engine.discard(target.opId)) discarded.add(target.label);
        break;
      }
      case 'signIn':
        user = USERS[s.user];
        signAs(user);
        server.setMode('ok');
        await engine.resumeAfterSignIn();
        break;
      case 'limit':
        if (s.on) server.limited.add(LICENSES[s.license]);
        else server.limited.delete(LICENSES[s.license]);
        break;
    }
    await check(label);
  }

  // Liveness: a good network, no limits, every refusal retried and every conflict confirmed.
  server.limited.clear();
  server.setMode('ok');
  for (const who of USERS) {
    user = who;
    signAs(who);
    await engine.resumeAfterSignIn();
    for (let round = 0; round < 20; round++) {
      const own = new Set((await db.outbox.toArray()).filter((r) => r.userId === who).map((r) => r.opId));
      const mine = (await views(db, t.now(), who)).filter((v) => own.has(v.opId));
      const open = mine.filter((v) => v.state !== 'applied' && v.state !== 'already_done');
      if (open.length === 0) break;
      for (const v of open) {
        if (v.state === 'rejected' && v.code !== 'held_by_earlier_change') await engine.retry(v.opId);
        if (v.state === 'conflict') await engine.confirm(v.opId, { activeDevices: 9, assignedUsers: 9 });
      }
      await engine.syncNow({ force: true });
    }
    await check(`end for ${who}`);
  }
  const end = await views(db, t.now(), null);
  expect(end.filter((v) => v.state !== 'applied').map((v) => [v.seq, v.state, v.code])).toEqual([]);
  expect(new Set(server.applied)).toEqual(new Set([...enqueued].filter((s) => !discarded.has(s))));
  engine.stop();
  db.close();
}

describe('outbox state machine, any sequence of actions and faults (property)', () => {
  it('never loses or doubles a command, keeps order per license, and ends with every command applied once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 18 }), (steps) => runScenario(steps)),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
