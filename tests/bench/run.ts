/**
 * `npm run bench`: our outbox engine against a Workbox-Background-Sync-like baseline, both in
 * real Chromium on an on-disk IndexedDB, both against the real portal server (SQLite file).
 * Writes tests/bench/RESULTS.md. Not part of `npm test`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { api, apiLogin, REPO_ROOT, startPortalServer } from '../support/portal-server';
import type { BenchInput, BenchResult } from './page/protocol';
import { renderResults } from './report';

const N = Number(process.env.BENCH_N ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'seat-portal-bench-'));
  await build({ root: resolve(REPO_ROOT, 'tests/bench/page'), configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await startPortalServer({ staticDir: outDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const token = await apiLogin(server.url, 'manager@codeglass.example', 'manager-demo');
    const me = await api(server.url, token, 'GET', '/me');
    const licenses = await api(server.url, token, 'GET', '/licenses');
    const licenseId: string = licenses.body.licenses[0].id;
    const devices = await api(server.url, token, 'GET', `/licenses/${licenseId}/devices`);
    const inactive = devices.body.devices.find((d: { active: boolean }) => !d.active);
    if (!inactive) throw new Error('the demo data has no inactive device to reset');
    const base = { token, userId: me.body.user.id as string, licenseId, deviceId: inactive.id as string, batchSize: BATCH };

    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => document.getElementById('ready')?.textContent === 'ready');
    const run = (which: 'engine' | 'baseline', input: BenchInput) =>
      page.evaluate(([w, i]) => window.bench[w](i), [which, input] as const) as Promise<BenchResult>;

    // Warm-up: JIT, server caches, the first IndexedDB open.
    await run('engine', { ...base, n: 20, tag: 'warm-e' });
    await run('baseline', { ...base, n: 20, tag: 'warm-b' });
    const engine: BenchResult[] = [];
    const baseline: BenchResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      engine.push(await run('engine', { ...base, n: N, tag: `e${r}` }));
      baseline.push(await run('baseline', { ...base, n: N, tag: `b${r}` }));
      console.log(`round ${r + 1}: engine sync ${engine[r]!.syncMs.toFixed(0)} ms, baseline replay ${baseline[r]!.syncMs.toFixed(0)} ms`);
    }
    const version = browser.version();
    const machine = `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end of the run`;
    const report = renderResults({ n: N, batch: BATCH, rounds: ROUNDS, chromium: version, machine, engine, baseline });
    writeFileSync(resolve(REPO_ROOT, 'tests/bench/RESULTS.md'), report);
    console.log(report);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
