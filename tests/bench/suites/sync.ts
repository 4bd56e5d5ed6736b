import { resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { sharedAlias } from '../../../scripts/shared-alias';
import { MAX_BATCH } from '@shared/schemas';
import { api, REPO_ROOT } from '../../support/portal-server';
import { scalePortal } from './scale-portal';
import type { BenchInput, BenchResult } from '../page/protocol';
import { median, type BenchSuite, type Measure } from './types';

const BATCH = Number(process.env.BENCH_BATCH ?? MAX_BATCH);

/**
 * The outbox engine against a Workbox-Background-Sync-like replay (one IndexedDB row and one HTTP
 * request per command), both in real Chromium on an on-disk IndexedDB, against the real server.
 */
export const syncSuite: BenchSuite = {
  name: 'sync',
  async run(ctx) {
    const n = ctx.smoke ? 20 : Number(process.env.BENCH_N ?? 1000);
    const outDir = mkdtempSync(join(tmpdir(), 'seat-portal-bench-'));
    await build({
      root: resolve(REPO_ROOT, 'tests/bench/page'),
      configFile: false,
      resolve: { alias: sharedAlias },
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    // Every command applies: each run resets active devices no run touched before.
    const portal = await scalePortal(ctx, { devices: (ctx.rounds * 2 + 1) * n + 20, staticDir: outDir });
    const { server, token, licenseId } = portal;
    const me = await api(server.url, token, 'GET', '/me');
    const base = {
      token,
      userId: me.body.user.id as string,
      licenseId,
      batchSize: BATCH,
    };
    const fresh = (k: number) => portal.activeDeviceIds.splice(0, k);

    const page = await (await ctx.browser()).newPage();
    page.on('pageerror', (e) => ctx.log(`page error: ${e.message}`));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => document.getElementById('ready')?.textContent === 'ready');
    const run = (which: 'engine' | 'baseline', input: BenchInput) =>
      page.evaluate(([w, i]) => window.bench[w](i), [which, input] as const) as Promise<BenchResult>;

    // Warm-up: JIT, server caches, the first IndexedDB open.
    await run('engine', { ...base, n: 5, deviceIds: fresh(5), tag: 'warm-e' });
    await run('baseline', { ...base, n: 5, deviceIds: fresh(5), tag: 'warm-b' });
    const engine: BenchResult[] = [];
    const baseline: BenchResult[] = [];
    for (let r = 0; r < ctx.rounds; r++) {
      engine.push(await run('engine', { ...base, n, deviceIds: fresh(n), tag: `e${r}` }));
      baseline.push(await run('baseline', { ...base, n, deviceIds: fresh(n), tag: `b${r}` }));
      ctx.log(
        `sync round ${r + 1}: engine ${engine[r]!.syncMs.toFixed(0)} ms (http ${engine[r]!.httpMs.toFixed(0)} ms in ${engine[r]!.httpRequests}), baseline ${baseline[r]!.syncMs.toFixed(0)} ms`,
      );
    }
    await page.close();
    const e = median(engine.map((x) => x.syncMs));
    const b = median(baseline.map((x) => x.syncMs));
    const mid = engine.find((x) => x.syncMs === e)!;
    const outcomes = Object.entries(mid.outcomes)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    const note = `${n} commands, median of ${ctx.rounds}; outcomes: ${outcomes}`;
    return [
      {
        id: 'sync.engine_ms',
        what: `sync ${n} queued commands (engine)`,
        value: e,
        unit: 'ms',
        baseline: b,
        ratio: b / e,
        note,
      },
      {
        id: 'sync.ratio',
        what: 'sync speed-up over one request per command',
        value: b / e,
        unit: 'x',
        target: { op: '>=', value: 40 },
        note,
      },
      {
        id: 'sync.http_requests',
        what: 'HTTP requests of the engine sync',
        value: mid.httpRequests,
        unit: 'requests',
        target: { op: '<=', value: 10 },
      },
      {
        id: 'sync.idb_transactions',
        what: 'IndexedDB transactions of the engine sync',
        value: mid.syncIdb.total,
        unit: 'transactions',
        baseline: baseline[0]!.syncIdb.total,
      },
    ] satisfies Measure[];
  },
};
