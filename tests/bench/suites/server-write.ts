import { randomBytes, randomUUID } from 'node:crypto';
import { generatePassword } from '@shared/domain';
import type { Command } from '@shared/schemas';
import { api } from '../../support/portal-server';
import { scalePortal, type ScalePortal } from './scale-portal';
import { median, type BenchContext, type BenchSuite, type Measure } from './types';

const resets = (ids: readonly string[]): Command[] =>
  ids.map((deviceId, seq) => ({ opId: randomUUID(), seq, kind: 'device.reset', payload: { deviceId } }));

const assigns = (licenseId: string, n: number, password: () => string): Command[] =>
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
 * when BENCH_POSTGRES_URL is set), 200 new accounts in one batch, and what refreshing an unchanged
 * 10,000-device list costs with a cursor.
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

    const generated: number[] = [];
    const typed: number[] = [];
    for (let r = 0; r < ctx.rounds; r++) {
      generated.push(
        await timedSync(
          portal,
          assigns(portal.licenseId, accounts, () => generatePassword(randomBytes)),
        ),
      );
      typed.push(
        await timedSync(
          portal,
          assigns(portal.licenseId, accounts, () => `typed-${randomUUID().slice(0, 8)}`),
        ),
      );
    }
    const g = median(generated);
    const t = median(typed);
    measures.push({
      id: 'write.new_accounts_ms',
      what: `POST /sync creating ${accounts} new accounts (client-generated initial passwords)`,
      value: g,
      unit: 'ms',
      target: { op: '<=', value: 2000 },
      baseline: t,
      ratio: t / g,
      note: `baseline: the same with passwords a person typed (scrypt each, in parallel); median of ${ctx.rounds}`,
    });

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
