import { randomBytes, randomUUID } from 'node:crypto';
import { generatePassword } from '@shared/domain';
import type { Command } from '@shared/schemas';
import { SCALE } from '../../../server/admin/scale';
import { hashPassword } from '../../../server/auth/password';
import { api, apiLogin, runVendor } from '../../support/portal-server';
import { scalePortal, type ScalePortal } from './scale-portal';
import { median, type BenchContext, type BenchSuite, type Measure } from './types';

const resets = (ids: readonly string[]): Command[] =>
  ids.map((deviceId, seq) => ({ opId: randomUUID(), seq, kind: 'device.reset', payload: { deviceId } }));

const assigns = (
  licenseId: string,
  n: number,
  password: () => string = () => generatePassword(randomBytes),
): Command[] =>
  Array.from({ length: n }, (_, seq) => ({
    opId: randomUUID(),
    seq,
    kind: 'user.assign',
    payload: { licenseId, email: `bench-${randomUUID().slice(0, 12)}@scale.example`, initialPassword: password() },
  }));

/** POST /sync from Node; returns the wall time and checks that every command applied. */
async function timedSync(portal: ScalePortal, commands: Command[]): Promise<number> {
  const started = performance.now();
  const res = await api(portal.server.url, portal.token, 'POST', '/sync', { clientId: 'bench', commands });
  const ms = performance.now() - started;
  const results = (res.body?.results ?? []) as Array<{ outcome: string; code?: string }>;
  const notApplied = results.filter((r) => r.outcome !== 'applied');
  if (res.status !== 200 || results.length !== commands.length || notApplied.length > 0)
    throw new Error(`sync did not apply every command (${res.status}): ${JSON.stringify(notApplied[0] ?? res.body)}`);
  return ms;
}

/** Probes are this far apart: a few users signing in and extensions polling, not a load test. */
const PROBE_EVERY_MS = 100;

/**
 * Sign-ins and /status polls, alternately, one every PROBE_EVERY_MS while `more(i)`, each timed:
 * the worst is what another user waited while something else ran.
 */
async function probeLatencies(portal: ScalePortal, more: (i: number) => boolean): Promise<number[]> {
  const times: number[] = [];
  const { url } = portal.server;
  for (let i = 0; more(i); i++) {
    const started = performance.now();
    if (i % 2 === 0) await apiLogin(url, portal.userEmail, SCALE.userPassword, SCALE.companyId);
    else await api(url, portal.token, 'GET', '/status');
    const took = performance.now() - started;
    times.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROBE_EVERY_MS - took)));
  }
  return times;
}

/** A manager of the scale license of its own (the budget of new passwords is per user and minute). */
async function freshManager(portal: ScalePortal, round: number): Promise<string> {
  const email = `bench-manager-${round}-${randomUUID().slice(0, 8)}@scale.example`;
  const password = `bench manager password ${randomUUID()}`;
  const db = portal.databaseUrl;
  await runVendor(db, ['user', 'create', '--company', SCALE.companyId, '--email', email, '--password', password]);
  await runVendor(db, ['user', 'make-manager', '--license', portal.licenseId, '--email', email]);
  return apiLogin(portal.server.url, email, password, SCALE.companyId);
}

/**
 * 200 new accounts in one request, every initial password checked and hashed with scrypt (in the
 * server's bulk queue, two at a time), each round by a manager of its own; meanwhile sign-ins and
 * /status polls of other users, whose worst wait is measured against the same probes when idle.
 */
async function newAccountMeasures(ctx: BenchContext, portal: ScalePortal, accounts: number): Promise<Measure[]> {
  const batch: number[] = [];
  const floor: number[] = [];
  const worst: number[] = [];
  const idle = await probeLatencies(portal, (i) => i < 20);
  // Warm-up: the strength checker reads its lists on first use, and the JIT meets the path.
  const warm = await api(portal.server.url, await freshManager(portal, -1), 'POST', '/sync', {
    clientId: 'bench',
    commands: assigns(portal.licenseId, 10),
  });
  if (warm.status !== 200) throw new Error(`warm-up: ${warm.status}`);
  for (let r = 0; r < ctx.rounds; r++) {
    const manager = await freshManager(portal, r);
    let running = true;
    const probing = probeLatencies(portal, (i) => i === 0 || running);
    const started = performance.now();
    const res = await api(portal.server.url, manager, 'POST', '/sync', {
      clientId: 'bench',
      commands: assigns(portal.licenseId, accounts),
    });
    batch.push(performance.now() - started);
    running = false;
    const times = await probing;
    const applied = (res.body?.results ?? []).filter((x: { outcome: string }) => x.outcome === 'applied').length;
    if (res.status !== 200 || applied !== accounts)
      throw new Error(
        `new accounts: ${applied} of ${accounts} applied (${res.status}) ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    worst.push(Math.max(...times));
    floor.push(await hashingFloor(accounts));
    ctx.log(
      `new accounts round ${r + 1}: ${batch[r]!.toFixed(0)} ms; meanwhile ${times.length} sign-ins and /status, worst ${worst[r]!.toFixed(0)} ms`,
    );
  }
  return [
    {
      id: 'write.new_accounts_ms',
      what: `POST /sync creating ${accounts} new accounts (every initial password checked and hashed with scrypt)`,
      value: median(batch),
      unit: 'ms',
      target: { op: '<=', value: 5000 },
      baseline: median(floor),
      ratio: median(batch) / median(floor),
      note: `client-generated initial passwords; each round by its own manager; median of ${ctx.rounds}; baseline: the hashes alone, ${accounts} scrypt hashes two at a time in the bench's own process right after each round (the floor on the machine at that moment; ratio = value / floor)`,
    },
    {
      id: 'write.new_accounts_others_worst_ms',
      what: `worst latency of sign-ins and GET /status of other users while ${accounts} new accounts are made`,
      value: median(worst),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      baseline: Math.max(...idle),
      note: `a sign-in or a /status poll every ${PROBE_EVERY_MS} ms during the batch; median over rounds of each round's worst; baseline: the worst of ${idle.length} such requests with nothing else running`,
    },
  ];
}

/** How long `n` scrypt hashes with the server's parameters take two at a time, here and now. */
async function hashingFloor(n: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next++ < n) await hashPassword(`floor-${next}`);
  };
  await Promise.all([lane(), lane()]);
  return performance.now() - started;
}

/** The same commands, one request each, one after another (what a client without batches does). */
async function oneByOne(portal: ScalePortal, commands: Command[]): Promise<number> {
  const started = performance.now();
  for (const command of commands) await timedSync(portal, [command]);
  return performance.now() - started;
}

/** Resets of n fresh active devices per round: one batch against one request per command. */
async function resetMeasures(ctx: BenchContext, portal: ScalePortal, n: number, where: string, target: number) {
  const take = (k: number) => portal.activeDeviceIds.splice(0, k);
  // Warm-up at full size: JIT, and the statements of a full batch (their IN lists and multi-row
  // inserts have the batch's sizes) compiled and prepared, as on a server that has been running.
  await timedSync(portal, resets(take(n)));
  const batch: number[] = [];
  const single: number[] = [];
  for (let r = 0; r < ctx.rounds; r++) {
    batch.push(await timedSync(portal, resets(take(n))));
    single.push(await oneByOne(portal, resets(take(n))));
    ctx.log(
      `${where} resets round ${r + 1}: one batch ${batch[r]!.toFixed(0)} ms, one by one ${single[r]!.toFixed(0)} ms`,
    );
  }
  const b = median(batch);
  const s = median(single);
  const id = where === 'SQLite' ? 'write.sync_resets_ms' : 'write.sync_resets_pg_ms';
  return {
    id,
    what: `POST /sync of ${n} applying device resets (${where})`,
    value: b,
    unit: 'ms',
    target: { op: '<=', value: target },
    baseline: s,
    ratio: s / b,
    note: `baseline: the same ${n} resets one request each; median of ${ctx.rounds}`,
  } satisfies Measure;
}

/**
 * The server's write side on a `demo scale` license: a 1,000-reset sync (SQLite, and PostgreSQL
 * when BENCH_POSTGRES_URL is set), 200 new accounts in one batch with the worst wait of other
 * users' requests meanwhile, and what refreshing an unchanged 10,000-device list costs with a cursor.
 */
export const serverWriteSuite: BenchSuite = {
  name: 'server-write',
  async run(ctx) {
    const n = ctx.smoke ? 50 : 1000;
    const accounts = ctx.smoke ? 10 : 200;
    const listed = ctx.smoke ? 300 : 10_000;
    const measures: Measure[] = [];
    const portal = await scalePortal(ctx, { devices: Math.max(listed, (ctx.rounds * 2 + 1) * n) });
    measures.push(await resetMeasures(ctx, portal, n, 'SQLite', 50));

    measures.push(...(await newAccountMeasures(ctx, portal, accounts)));

    const path = `/licenses/${portal.licenseId}/devices`;
    const full = await api(portal.server.url, portal.token, 'GET', path);
    const fullBytes = JSON.stringify(full.body).length;
    const delta = await api(
      portal.server.url,
      portal.token,
      'GET',
      `${path}?since=${encodeURIComponent(full.body.cursor)}`,
    );
    const deltaBytes = JSON.stringify(delta.body).length;
    if (delta.body.full !== false)
      throw new Error(`the cursor was not continued: ${JSON.stringify(delta.body).slice(0, 200)}`);
    measures.push({
      id: 'pull.unchanged_bytes',
      what: `GET devices?since=<current cursor> of a ${listed}-device license (unchanged)`,
      value: deltaBytes,
      unit: 'bytes',
      target: { op: '<=', value: 10_000 },
      baseline: fullBytes,
      ratio: fullBytes / deltaBytes,
      note: 'baseline: the whole list (no cursor); JSON bytes, before compression',
    });

    const postgresUrl = process.env.BENCH_POSTGRES_URL;
    if (postgresUrl) {
      const pg = await scalePortal(ctx, { devices: (ctx.rounds * 2 + 1) * n, postgresUrl });
      measures.push(await resetMeasures(ctx, pg, n, 'PostgreSQL', 500));
    } else ctx.log('BENCH_POSTGRES_URL not set: no PostgreSQL measure');
    return measures;
  },
};
