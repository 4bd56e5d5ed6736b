/**
 * `npm run bench`: every suite in suites/index.ts, in one run, each measure beside its baseline
 * measured in the same run (the machine is shared and noisy: ratios are the stable part). Prints
 * the table and writes bench-results.json (repository root) and tests/bench/RESULTS.md.
 *
 * BENCH_SMOKE=1: small N, one round, nothing written (npm test runs this to prove the suites work).
 * BENCH_ONLY=sync,status: only those suites.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, startPortalServer, type PortalServer } from '../support/portal-server';
import { SUITES } from './suites';
import { CHROMIUM_ARGS } from '../support/chromium';
import { renderTable, toJson } from './report';
import type { BenchContext, Measure } from './suites/types';

const smoke = process.env.BENCH_SMOKE === '1';
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
  const failures: string[] = [];
  try {
    for (const suite of SUITES.filter((s) => !only || only.includes(s.name))) {
      console.log(`\n== ${suite.name}`);
      try {
        measures.push(...(await suite.run(ctx)));
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
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end`;
  const table = renderTable(measures);
  console.log(`\n${table}\nMachine: ${machine}`);
  if (!smoke) {
    writeFileSync(resolve(REPO_ROOT, 'bench-results.json'), JSON.stringify(toJson(measures, machine), null, 2) + '\n');
    writeFileSync(
      resolve(REPO_ROOT, 'tests/bench/RESULTS.md'),
      `# Benchmark results\n\n${table}\nMachine: ${machine}. Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.\n`,
    );
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
