import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../../support/portal-server';

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
export function startBareServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/status/bare-server.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), stop });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}): ${output}`)));
  });
}
