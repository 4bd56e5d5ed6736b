import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load';

/** Whether nghttp2's h2load is installed (Debian: apt-get install -y nghttp2-client). */
export function hasH2load(): boolean {
  return spawnSync('h2load', ['--version']).status === 0;
}

/**
 * h2load against one URL with 20 clients, one request in flight each (as autocannon's 20
 * connections): HTTP/2 over TLS by default, or `h1` for HTTP/1.1 (the plain-HTTP baseline, so
 * both sides of a ratio come from the same load tool). `rate` = requests per second in all; the
 * p99 then comes from h2load's per-request log. It does not check the certificate.
 */
export async function h2load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  options: { h1?: boolean; rate?: number } = {},
): Promise<LoadResult> {
  const clients = 20;
  const dir = mkdtempSync(join(tmpdir(), 'h2load-'));
  const log = join(dir, 'requests.tsv');
  const args = [
    '-c',
    String(clients),
    '-m',
    '1',
    '-D',
    String(seconds),
    // The connections' handshakes happen before the measured time, as autocannon's runs are warmed up.
    '--warm-up-time=1',
    ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    ...(options.h1 ? ['--h1'] : []),
    ...(options.rate ? ['--rps', String(options.rate / clients), `--log-file=${log}`] : []),
    url,
  ];
  try {
    const output = await new Promise<string>((resolve, reject) =>
      execFile('h2load', args, { maxBuffer: 1 << 20 }, (error, stdout) =>
        error ? reject(new Error(`h2load ${args.join(' ')}: ${error.message}\n${stdout}`)) : resolve(stdout),
      ),
    );
    const rps = Number(/finished in [\d.]+m?s, ([\d.]+) req\/s/.exec(output)?.[1]);
    const failed = /(\d+) failed, (\d+) errored, (\d+) timeout/.exec(output);
    const statuses = /status codes: \d+ 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/.exec(output);
    if (!failed || !statuses || Number.isNaN(rps)) throw new Error(`h2load printed no summary:\n${output}`);
    // Not "done minus 2xx": h2load counts the statuses of answers that straddle the warm-up's end
    // on one side of it and the requests on the other, so the two differ by a few either way.
    const failures = [...failed.slice(1), ...statuses.slice(1)].reduce((n, x) => n + Number(x), 0);
    return { rps, p99Ms: options.rate ? p99FromLog(readFileSync(log, 'utf8')) : NaN, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 99th percentile of the log's third column (microseconds to the end of each answer), in ms. */
function p99FromLog(text: string): number {
  const micros = text
    .trim()
    .split('\n')
    .map((line) => Number(line.split('\t')[2]))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
  return (micros[Math.ceil(micros.length * 0.99) - 1] ?? NaN) / 1000;
}
