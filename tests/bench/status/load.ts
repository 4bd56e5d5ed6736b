import autocannon from 'autocannon';
import { REPO_ROOT } from '../../support/portal-server';
import { spawnServer } from '../spawn-server';

export interface LoadResult {
  /** Requests per second, mean over the run. */
  rps: number;
  p99Ms: number;
  /** Answers that were not 2xx, and connection errors or timeouts: a run with any is not valid. */
  failures: number;
}

/**
 * autocannon against one URL: `rate` undefined = as fast as 20 connections go (throughput);
 * a number = that many requests per second in all (latency under a fixed, moderate load).
 */
export async function load(url: string, headers: Record<string, string>, seconds: number, rate?: number) {
  const result = await autocannon({
    url,
    headers,
    connections: 20,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  } satisfies LoadResult;
}

/** The bare Hono + better-sqlite3 baseline as a child process; resolves its port and a stop(). */
export async function startBareServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const args = ['--import', 'tsx', 'tests/bench/status/bare-server.ts'];
  const { match, stop } = await spawnServer(process.execPath, args, { cwd: REPO_ROOT }, /listening on (\d+)/);
  return { port: Number(match[1]), stop };
}
