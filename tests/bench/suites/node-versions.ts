import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { api, apiLogin, type PortalServer } from '../../support/portal-server';
import { commands, sync } from '../../api/fixtures';
import { spawnServer } from '../spawn-server';
import { polledServer } from '../status/polled-server';
import { load } from '../status/load';
import { median, type BenchSuite, type Measure } from './types';

/**
 * Node.js 24 (this tree) against Node.js 20 running the release before the switch, in the same run
 * on databases of the same shape: GET /status flat out and its p99 at 500 req/s, and a 1,000-command
 * sync. Node 20 cannot load this tree's native modules (better-sqlite3 13 needs Node 22), so its
 * side is that release, installed under Node 20: BENCH_NODE20 (the node binary) and
 * BENCH_NODE20_TREE (its checkout, `npm ci` and `npm rebuild better-sqlite3` under Node 20).
 * That release cannot open this tree's database (it has newer migrations), so its server makes its
 * own and its own vendor CLI fills it with the same `demo scale`. Without them, or in a smoke run,
 * the suite is skipped.
 */
export const nodeVersionsSuite: BenchSuite = {
  name: 'node-versions',
  async run(ctx) {
    const node20 = process.env.BENCH_NODE20;
    const tree = process.env.BENCH_NODE20_TREE;
    if (ctx.smoke || !node20 || !tree) {
      ctx.log('node-versions: skipped (set BENCH_NODE20 and BENCH_NODE20_TREE; not in a smoke run)');
      return [];
    }
    const { server: current, token, devices, seconds } = await polledServer(ctx);
    const oldDatabase = join(dirname(current.databasePath), 'node20.db');
    const old = await startOldServer(node20, tree, oldDatabase);
    try {
      const oldToken = await seedOld(node20, tree, oldDatabase, devices, old.url);
      const headersOf = (bearer: string) => ({
        authorization: `Bearer ${bearer}`,
        origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      });
      const now = { url: `${current.url}/api/v1/status`, headers: headersOf(token) };
      const before = { url: `${old.url}/api/v1/status`, headers: headersOf(oldToken) };
      await load(now.url, now.headers, 1);
      await load(before.url, before.headers, 1);
      const rounds: Array<Record<'rps24' | 'rps20' | 'p24' | 'p20' | 'sync24' | 'sync20', number>> = [];
      for (let r = 0; r < ctx.rounds; r++) {
        const rps24 = await load(now.url, now.headers, seconds);
        const rps20 = await load(before.url, before.headers, seconds);
        const p24 = await load(now.url, now.headers, seconds, 500);
        const p20 = await load(before.url, before.headers, seconds, 500);
        const failures = [rps24, rps20, p24, p20].reduce((n, x) => n + x.failures, 0);
        if (failures > 0) throw new Error(`${failures} requests failed in round ${r + 1}`);
        const round = {
          rps24: rps24.rps,
          rps20: rps20.rps,
          p24: p24.p99Ms,
          p20: p20.p99Ms,
          sync24: await timedSync(current.url, token),
          sync20: await timedSync(old.url, oldToken),
        };
        ctx.log(
          `node-versions round ${r + 1}: /status ${round.rps24.toFixed(0)} (24) vs ${round.rps20.toFixed(0)} (20) req/s; ` +
            `p99 ${round.p24} vs ${round.p20} ms; 1,000-command sync ${round.sync24.toFixed(0)} vs ${round.sync20.toFixed(0)} ms`,
        );
        rounds.push(round);
      }
      const m = (key: keyof (typeof rounds)[number]) => median(rounds.map((r) => r[key]));
      const note = `Node ${process.versions.node} (this tree) vs Node 20 (the release before); ${devices} devices; ${seconds} s runs, median of ${ctx.rounds}`;
      const rows: Measure[] = [
        {
          id: 'node-versions.status_rps',
          what: 'GET /status throughput on Node 24 (baseline: Node 20, the release before; target: 0.9x it)',
          value: m('rps24'),
          unit: 'req/s',
          target: { op: '>=', value: Math.round(0.9 * m('rps20')) },
          baseline: m('rps20'),
          ratio: m('rps24') / m('rps20'),
          note,
        },
        {
          id: 'node-versions.status_p99_ms',
          what: 'GET /status p99 at 500 req/s on Node 24 (baseline: Node 20)',
          value: m('p24'),
          unit: 'ms',
          baseline: m('p20'),
          ratio: m('p24') / m('p20'),
          note,
        },
        {
          id: 'node-versions.sync_ms',
          what: '1,000-command sync on Node 24 (baseline: Node 20; target: 1.1x it)',
          value: m('sync24'),
          unit: 'ms',
          target: { op: '<=', value: Math.round(1.1 * m('sync20')) },
          baseline: m('sync20'),
          ratio: m('sync24') / m('sync20'),
          note,
        },
      ];
      return rows;
    } finally {
      await old.stop();
    }
  },
};

/** 1,000 commands that each apply (a seat taken back and given again) on the polled license; ms. */
async function timedSync(url: string, token: string): Promise<number> {
  const licenseId = (await api(url, token, 'GET', '/licenses')).body.licenses[0].id as string;
  const users = (await api(url, token, 'GET', `/licenses/${licenseId}/users`)).body.users as Array<{
    id: string;
    email: string;
    isManager: boolean;
  }>;
  const user = users.find((u) => !u.isManager)!;
  const cmds = Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0 ? commands.unassign(licenseId, user.id) : commands.assign(licenseId, user.email),
  );
  const started = performance.now();
  await sync(url, token, cmds);
  return performance.now() - started;
}

/**
 * The old release's `demo scale` of `devices` devices and 500 users on its own database (its
 * vendor CLI, under Node 20); resolves the token of that license's manager on its server at `url`.
 */
async function seedOld(node: string, tree: string, databasePath: string, devices: number, url: string) {
  const args = ['demo', 'scale', '--devices', String(devices), '--users', '500', '--json'];
  const { stdout } = await promisify(execFile)(node, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: tree,
    env: { ...process.env, DATABASE_URL: `sqlite:${databasePath}` },
    maxBuffer: 16 * 1024 * 1024,
  });
  const seeded = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    companyId: string;
    manager: { email: string; password: string };
  };
  return apiLogin(url, seeded.manager.email, seeded.manager.password, seeded.companyId);
}

/** The release before the switch, run as it ran then: Node 20 and tsx, on `databasePath` (made and seeded at start). */
async function startOldServer(
  node: string,
  tree: string,
  databasePath: string,
): Promise<Pick<PortalServer, 'url' | 'stop'>> {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '',
    TLS: '',
    SEED: '1',
    DATABASE_URL: `sqlite:${databasePath}`,
    STATIC_DIR: join(tree, 'no-pwa-built'),
  };
  const listening = /Seat Portal listening on (http:\/\/\S+)\r?\n/;
  const { match, stop } = await spawnServer(node, ['--import', 'tsx', 'server/main.ts'], { cwd: tree, env }, listening);
  return { url: match[1]!, stop };
}
