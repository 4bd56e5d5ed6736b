import { polledServer } from '../status/polled-server';
import { load, startBareServer, type LoadResult } from '../status/load';
import type { BenchSuite, Measure } from './types';

/**
 * The fixed load of the latency runs: well under either server's ceiling, as a busy office polls.
 * autocannon paces it per connection and second (each of the 20 sends its share back to back,
 * then waits for the next second), so the p99 also reflects how long a burst of 20 takes.
 */
const FIXED_RATE = 500;

/**
 * GET /api/v1/status, what every toolbar extension polls, on the real server (SQLite, the demo data
 * plus an enterprise-sized license) against a bare Hono + better-sqlite3 handler doing one indexed
 * SELECT, both loaded by autocannon (20 connections) in this run: throughput flat out, then p99 at
 * a fixed 500 requests per second. BENCH_SECONDS (default 10) and BENCH_DEVICES (default 10,000)
 * change the run's length and the license's size.
 */
export const statusSuite: BenchSuite = {
  name: 'status',
  async run(ctx) {
    const { server, token, devices, seconds } = await polledServer(ctx);
    const bare = await startBareServer();
    try {
      // As the extension polls: from its own origin (so with CORS), with its Bearer token.
      const real = {
        url: `${server.url}/api/v1/status`,
        headers: { authorization: `Bearer ${token}`, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      };
      const base = { url: `http://localhost:${bare.port}/license/lic-42`, headers: {} };
      // Warm-up: JIT, statement caches, the first connections.
      await load(real.url, real.headers, 1);
      await load(base.url, base.headers, 1);
      const runs: Array<{ real: LoadResult; bare: LoadResult; rate: { real: LoadResult; bare: LoadResult } }> = [];
      for (let r = 0; r < ctx.rounds; r++) {
        const round = {
          real: await load(real.url, real.headers, seconds),
          bare: await load(base.url, base.headers, seconds),
          rate: {
            real: await load(real.url, real.headers, seconds, FIXED_RATE),
            bare: await load(base.url, base.headers, seconds, FIXED_RATE),
          },
        };
        const failures = [round.real, round.bare, round.rate.real, round.rate.bare].reduce((n, x) => n + x.failures, 0);
        if (failures > 0) throw new Error(`${failures} requests failed or were not 2xx in round ${r + 1}`);
        runs.push(round);
        ctx.log(
          `status round ${r + 1}: ${round.real.rps.toFixed(0)} vs bare ${round.bare.rps.toFixed(0)} req/s; ` +
            `p99 at ${FIXED_RATE}/s ${round.rate.real.p99Ms} vs bare ${round.rate.bare.p99Ms} ms`,
        );
      }
      // The round with the median ratio, so value and baseline come from the same moment.
      const byRps = [...runs].sort((a, b) => a.real.rps / a.bare.rps - b.real.rps / b.bare.rps);
      const byP99 = [...runs].sort(
        (a, b) => a.rate.real.p99Ms / a.rate.bare.p99Ms - b.rate.real.p99Ms / b.rate.bare.p99Ms,
      );
      const mid = <T>(xs: T[]) => xs[Math.floor((xs.length - 1) / 2)]!;
      const rps = mid(byRps);
      const p99 = mid(byP99);
      const note = `${devices} devices, 500 users on the polled license; ${seconds} s per run, median of ${ctx.rounds}`;
      return [
        {
          id: 'status.rps',
          what: 'GET /status throughput, 20 connections (baseline: bare handler; target: 1/3 of it)',
          value: rps.real.rps,
          unit: 'req/s',
          target: { op: '>=', value: Math.round(rps.bare.rps / 3) },
          baseline: rps.bare.rps,
          ratio: rps.real.rps / rps.bare.rps,
          note,
        },
        {
          id: 'status.p99_ms',
          what: `GET /status p99 at ${FIXED_RATE} req/s (baseline: bare handler; target: 2x it)`,
          value: p99.rate.real.p99Ms,
          unit: 'ms',
          target: { op: '<=', value: 2 * p99.rate.bare.p99Ms },
          baseline: p99.rate.bare.p99Ms,
          ratio: p99.rate.real.p99Ms / p99.rate.bare.p99Ms,
          note,
        },
      ] satisfies Measure[];
    } finally {
      await bare.stop();
    }
  },
};
