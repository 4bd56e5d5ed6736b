import { hasH2load, h2load } from '../status/h2load';
import { load, type LoadResult } from '../status/load';
import { polledServer } from '../status/polled-server';
import { median, type BenchSuite, type Measure } from './types';

const FIXED_RATE = 500;
const EXTENSION = { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };

interface Pair {
  tls: LoadResult;
  plain: LoadResult;
}

/** The round whose ratio is the median, so a value and its baseline come from the same moment. */
function medianRound(pairs: Pair[], ratio: (p: Pair) => number): Pair {
  const mid = median(pairs.map(ratio));
  return pairs.find((p) => ratio(p) === mid)!;
}

function rows(kind: 'h1' | 'h2', tool: string, flat: Pair[], paced: Pair[], note: string): Measure[] {
  const protocol = kind === 'h1' ? 'HTTP/1.1' : 'HTTP/2';
  const rps = medianRound(flat, (p) => p.tls.rps / p.plain.rps);
  const p99 = medianRound(paced, (p) => p.tls.p99Ms / p.plain.p99Ms);
  return [
    {
      id: `status_https.${kind}_rps`,
      what: `GET /status over HTTPS, ${protocol}, 20 connections, ${tool} (baseline: plain HTTP; target: 0.6x it)`,
      value: rps.tls.rps,
      unit: 'req/s',
      target: { op: '>=', value: Math.round(rps.plain.rps * 0.6) },
      baseline: rps.plain.rps,
      ratio: rps.tls.rps / rps.plain.rps,
      note,
    },
    {
      id: `status_https.${kind}_p99_ms`,
      what: `GET /status over HTTPS, ${protocol}, p99 at ${FIXED_RATE} req/s, ${tool} (baseline: plain HTTP; target: 2x it)`,
      value: p99.tls.p99Ms,
      unit: 'ms',
      target: { op: '<=', value: 2 * p99.plain.p99Ms },
      baseline: p99.plain.p99Ms,
      ratio: p99.tls.p99Ms / p99.plain.p99Ms,
      note,
    },
  ];
}

/**
 * GET /api/v1/status, what every extension polls, on the real server over HTTPS (its own CA, on
 * loopback) against the same server code on the same database over plain HTTP, in this run:
 * HTTP/1.1 with autocannon, and HTTP/2 with h2load when it is installed (the HTTP/2 rows are
 * skipped, and say so, without it; its plain baseline is h2load's HTTP/1.1, so both sides of a
 * ratio come from one tool). Throughput flat out, then p99 at a fixed 500 requests per second.
 */
export const statusHttpsSuite: BenchSuite = {
  name: 'status-https',
  async run(ctx) {
    const { server: plain, token, devices, seconds } = await polledServer(ctx);
    // The same database, served over TLS by a second process (reads only, so both serve it alike).
    const tls = await ctx.server({ databasePath: plain.databasePath, env: { TLS: 'on' } });
    const headers = { authorization: `Bearer ${token}`, ...EXTENSION };
    const urls = { tls: `${tls.url}/api/v1/status`, plain: `${plain.url}/api/v1/status` };
    const h2 = hasH2load();
    if (!h2) ctx.log('h2load not installed (apt-get install -y nghttp2-client): the HTTP/2 rows are skipped');

    const measure = async (what: string, run: (url: string, h1: boolean) => Promise<LoadResult>): Promise<Pair> => {
      const pair = { tls: await run(urls.tls, false), plain: await run(urls.plain, true) };
      if (pair.tls.failures + pair.plain.failures > 0)
        throw new Error(
          `${what}: requests failed or not 2xx: ${pair.tls.failures} over HTTPS, ${pair.plain.failures} plain`,
        );
      return pair;
    };
    const ac = (rate?: number) => (url: string) => load(url, headers, seconds, rate);
    const hl = (rate?: number) => (url: string, h1: boolean) =>
      h2load(url, headers, seconds, { h1, ...(rate ? { rate } : {}) });
    await measure('warm-up', (url) => load(url, headers, 1)); // warm-up: JIT, statement caches, sessions
    const runs = { h1: { flat: [] as Pair[], paced: [] as Pair[] }, h2: { flat: [] as Pair[], paced: [] as Pair[] } };
    for (let r = 0; r < ctx.rounds; r++) {
      runs.h1.flat.push(await measure('HTTP/1.1 flat out', ac()));
      runs.h1.paced.push(await measure(`HTTP/1.1 at ${FIXED_RATE}/s`, ac(FIXED_RATE)));
      if (h2) {
        runs.h2.flat.push(await measure('HTTP/2 flat out', hl()));
        runs.h2.paced.push(await measure(`HTTP/2 at ${FIXED_RATE}/s`, hl(FIXED_RATE)));
      }
      const say = (kind: 'h1' | 'h2') =>
        `${kind} ${runs[kind].flat[r]!.tls.rps.toFixed(0)} vs ${runs[kind].flat[r]!.plain.rps.toFixed(0)} req/s, ` +
        `p99 ${runs[kind].paced[r]!.tls.p99Ms.toFixed(2)} vs ${runs[kind].paced[r]!.plain.p99Ms.toFixed(2)} ms`;
      ctx.log(`status over HTTPS vs plain HTTP, round ${r + 1}: ${say('h1')}${h2 ? `; ${say('h2')}` : ''}`);
    }
    const note = `${devices} devices, 500 users on the polled license; TLS 1.3, ECDSA P-256 (own CA); ${seconds} s per run, median of ${ctx.rounds}`;
    return [
      ...rows('h1', 'autocannon', runs.h1.flat, runs.h1.paced, note),
      ...(h2 ? rows('h2', 'h2load; baseline h2load --h1', runs.h2.flat, runs.h2.paced, note) : []),
    ];
  },
};
