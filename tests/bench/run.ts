/**
 * `npm run bench`: every suite in suites/index.ts, in one run, each measure beside its baseline
 * measured in the same run (the machine is shared and noisy: ratios are the stable part). Prints
 * the table and writes bench-results.json (repository root) and tests/bench/RESULTS.md.
 *
 * Writes README.md's Performance table too (between its bench marks), from bench-results.json.
 *
 * BENCH_SMOKE=1: small N, one round, nothing written (npm test runs this to prove the suites work).
 * BENCH_ONLY=sync,status: only those suites; their rows replace their earlier ones in both files,
 * and every other suite's rows stay, with the date they were measured.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, startPortalServer, type PortalServer } from '../support/portal-server';
import { SUITES } from './suites';
import { CHROMIUM_ARGS } from '../support/chromium';
import {
  mergeResults,
  readResults,
  renderResults,
  renderSummary,
  renderTable,
  withSummary,
  type SuiteRun,
} from './report';
import type { BenchContext, Measure } from './suites/types';

const smoke = process.env.BENCH_SMOKE === '1';

/** The cores and the load now: a suite's rows are read against the load they were measured under. */
const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end`;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());

async function main() {
  let browser: Promise<Browser> | undefined;
  const servers: PortalServer[] = [];
  const ctx: BenchContext = {
    smoke,
    rounds: smoke ? 1 : Number(process.env.BENCH_ROUNDS ?? 3),
    browser: () =>
      (browser ??= chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      })),
    server: async (options) => {
      const server = await startPortalServer(options);
      servers.push(server);
      return server;
    },
    log: (message) => console.log(`  ${message}`),
  };
  const measures: Measure[] = [];
  const ran: SuiteRun[] = [];
  const failures: string[] = [];
  try {
    for (const suite of SUITES.filter((s) => !only || only.includes(s.name))) {
      console.log(`\n== ${suite.name}`);
      try {
        const rows = await suite.run(ctx);
        measures.push(...rows);
        ran.push({ suite: suite.name, measures: rows, date: new Date().toISOString(), machine: machine() });
      } catch (error) {
        failures.push(suite.name);
        console.error(`suite ${suite.name} failed:`, error);
      } finally {
        await Promise.all(servers.splice(0).map((s) => s.stop()));
      }
    }
  } finally {
    await (await browser)?.close();
  }
  const table = renderTable(measures);
  console.log(`\n${table}\nMachine: ${machine()}`);
  if (!smoke) {
    // A failed suite keeps its earlier rows: an error is no measurement.
    const jsonPath = resolve(REPO_ROOT, 'bench-results.json');
    const previous = readResults(existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : undefined);
    const results = mergeResults(previous, ran);
    writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
    const order = SUITES.map((s) => s.name);
    writeFileSync(resolve(REPO_ROOT, 'tests/bench/RESULTS.md'), renderResults(results, order));
    const readmePath = resolve(REPO_ROOT, 'README.md');
    writeFileSync(readmePath, withSummary(readFileSync(readmePath, 'utf8'), renderSummary(results, order)));
  }
  if (failures.length > 0) {
    console.error(`failed suites: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
