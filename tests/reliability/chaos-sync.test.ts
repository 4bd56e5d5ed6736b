import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInitialPassword } from '@shared/commands';
import type { NewCommand } from '@shared/sync';
import {
  api,
  apiLogin,
  REPO_ROOT,
  runVendor,
  startPortalServer,
  tempDatabasePath,
  type PortalServer,
} from '../support/portal-server';
import type { ClientPlan, ClientReport } from './chaos-client';
import { figure, writeReadmeFigures } from '../support/readme-figures';
import { seeded, startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';

/**
 * Chaos: two clients (separate processes, the real sync engine each) queue 1,001 commands over
 * three licenses and four kinds and send them through a proxy that drops connections, answers
 * 500/502/503/429, loses answers after the server applied the batch, holds answers past the
 * client's timeout, ends a session mid-run, and SIGKILLs the server mid-request. At the end the
 * server's state must equal applying each command exactly once, in order. CHAOS_SEED replays a
 * schedule; CHAOS_DEVICES makes the run bigger.
 */
const SEED = Number(process.env.CHAOS_SEED ?? 7);
const DEVICES = Number(process.env.CHAOS_DEVICES ?? 450);
const SCALE = { companyId: 'ScaleCo', email: 'manager@scale.example', password: 'scale-demo' };

let server: PortalServer;
let proxy: FaultProxy | undefined;
afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

interface Device {
  id: string;
  hostname: string;
  active: boolean;
}
interface Seat {
  id: string;
  email: string;
  isManager: boolean;
}

async function listOf<T>(token: string, licenseId: string, what: 'devices' | 'users'): Promise<T[]> {
  const res = await api(server.url, token, 'GET', `/licenses/${licenseId}/${what}`);
  return res.body[what] as T[];
}

/** One license's share of a client's plan: resets (some twice), new users, and seats freed. */
async function planFor(
  token: string,
  licenseId: string,
  tag: string,
): Promise<{ commands: NewCommand[]; resets: Set<string>; assigned: string[]; unassigned: string[] }> {
  const devices = await listOf<Device>(token, licenseId, 'devices');
  const seats = await listOf<Seat>(token, licenseId, 'users');
  const toReset = devices.slice(0, DEVICES - 50);
  const unassigned = seats.filter((s) => !s.isManager).slice(0, 10);
  const assigned = Array.from({ length: 40 }, (_, i) => `chaos-${tag}-${i}@scale.example`);
  const commands: NewCommand[] = [
    ...toReset.map((d) => ({
      kind: 'device.reset' as const,
      payload: { deviceId: d.id },
      basis: { deviceActive: true, deactivationCount: 0 },
      licenseId,
      label: `reset ${d.hostname}`,
    })),
    ...toReset.slice(0, 50).map((d) => ({
      kind: 'device.reset' as const,
      payload: { deviceId: d.id },
      basis: { deviceActive: false, deactivationCount: 0 },
      licenseId,
      label: `again ${d.hostname}`,
    })),
    ...assigned.map((email) => ({
      kind: 'user.assign' as const,
      payload: { licenseId, email, initialPassword: generateInitialPassword() },
      basis: { seatsUsed: 0 },
      licenseId,
      label: `assign ${email}`,
    })),
    ...unassigned.map((s) => ({
      kind: 'user.unassign' as const,
      payload: { licenseId, userId: s.id },
      basis: { seatsUsed: 0 },
      licenseId,
      label: `unassign ${s.email}`,
    })),
  ];
  // Interleave kinds (seeded), keeping every second reset of a device after its first.
  const random = seeded(SEED + tag.length);
  const firsts = commands.filter((c) => !c.label!.startsWith('again'));
  for (let i = firsts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [firsts[i], firsts[j]] = [firsts[j]!, firsts[i]!];
  }
  return {
    commands: [...firsts, ...commands.filter((c) => c.label!.startsWith('again'))],
    resets: new Set(toReset.map((d) => d.id)),
    assigned,
    unassigned: unassigned.map((s) => s.id),
  };
}

function runClient(plan: ClientPlan, dir: string): Promise<ClientReport> {
  const path = join(dir, `${plan.name}.json`);
  writeFileSync(path, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/reliability/chaos-client.ts', path], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(line) as ClientReport);
      else reject(new Error(`client ${plan.name} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

describe('chaos: the outbox against a failing network and a crashing server', () => {
  it('applies each of 1,001 queued commands exactly once, in order, whatever fails', async () => {
    const databasePath = tempDatabasePath();
    const [a, b, c] = [
      await runVendor(databasePath, [
        'demo',
        'scale',
        '--devices',
        String(DEVICES),
        '--users',
        '40',
        '--name',
        'Chaos A',
      ]),
      await runVendor(databasePath, [
        'demo',
        'scale',
        '--devices',
        String(DEVICES),
        '--users',
        '40',
        '--name',
        'Chaos B',
      ]),
      await runVendor(databasePath, ['demo', 'scale', '--devices', '15', '--users', '4', '--name', 'Chaos C']),
    ];
    server = await startPortalServer({ databasePath, seed: false });
    const admin = await apiLogin(server.url, SCALE.email, SCALE.password, SCALE.companyId);
    const planA = await planFor(admin, a.license.id, 'a');
    const planB = await planFor(admin, b.license.id, 'bb');
    const resetC: NewCommand = {
      kind: 'license.reset',
      payload: { licenseId: c.license.id },
      basis: { activeDevices: 15, assignedUsers: 4 },
      licenseId: c.license.id,
      label: 'reset license C',
    };

    // The fault schedule: a seeded draw per POST /sync, kills at fixed request numbers, and the
    // sending client's session ended (a real logout on the server) before two of them.
    const random = seeded(SEED);
    let syncs = 0;
    const kills = new Set([3, 9, 17]);
    const logouts = new Set([6, 13]);
    const choose = (): Fault => {
      syncs += 1;
      if (kills.has(syncs)) return 'kill';
      if (logouts.has(syncs)) return 'endSession';
      const r = random();
      return r < 0.08 ? 'dropped' : r < 0.16 ? 'refused' : r < 0.24 ? 'lostAnswer' : r < 0.26 ? 'timedOut' : 'pass';
    };
    let restarts = 0;
    proxy = await startFaultProxy({
      targetPort: server.port,
      choose,
      holdMs: 6_000,
      onKill: async () => {
        await server.kill();
        restarts += 1;
        server = await startPortalServer({ databasePath, seed: false });
        return server.port;
      },
    });
    const dir = dirname(databasePath);
    const base = {
      portalUrl: proxy.url,
      companyId: SCALE.companyId,
      email: SCALE.email,
      password: SCALE.password,
      deadlineMs: 240_000,
    };
    const reports = await Promise.all([
      runClient({ ...base, name: 'client-a', commands: planA.commands }, dir),
      runClient({ ...base, name: 'client-b', commands: [...planB.commands, resetC] }, dir),
    ]);
    console.log(
      `chaos seed ${SEED}: ${planA.commands.length + planB.commands.length + 1} commands, ${syncs} sync requests; faults: ${JSON.stringify(proxy.counts)}, server restarts ${restarts}, sign-ins ${reports.map((r) => r.signIns).join('+')}`,
    );

    const failed = Object.entries(proxy.counts).reduce((n, [k, v]) => (k === 'passed' ? n : n + v), 0);
    writeReadmeFigures(
      'chaos',
      `${figure(planA.commands.length + planB.commands.length + 1)} commands in ${syncs} sync requests, ` +
        `${failed} of them failed on purpose: ${proxy.counts.dropped} dropped connections, ` +
        `${proxy.counts.refused} answered 5xx or 429, ${proxy.counts.lostAnswer} answers lost after the server applied the batch, ` +
        `${proxy.counts.timedOut} held past the client's timeout, ${proxy.counts.sessionEnded} sessions ended, ${proxy.counts.killed} server kills`,
      process.env.CHAOS_SEED === undefined && process.env.CHAOS_DEVICES === undefined,
    );

    // Every command ended in a final state: done, or already done (the second resets).
    for (const report of reports) {
      const open = report.views.filter((v) => v.state !== 'applied' && v.state !== 'already_done');
      expect(open, report.name).toEqual([]);
      expect(report.views.filter((v) => v.label.startsWith('again')).every((v) => v.state === 'already_done')).toBe(
        true,
      );
    }
    expect(restarts).toBe(3);
    expect(proxy.counts.lostAnswer + proxy.counts.timedOut).toBeGreaterThan(0);

    // The server's state is each command applied once.
    const token = await apiLogin(server.url, SCALE.email, SCALE.password, SCALE.companyId);
    for (const [license, plan] of [
      [a.license.id, planA],
      [b.license.id, planB],
    ] as const) {
      const devices = await listOf<Device>(token, license, 'devices');
      expect(
        devices
          .filter((d) => !d.active)
          .map((d) => d.id)
          .sort(),
      ).toEqual([...plan.resets].sort());
      const detail = (await api(server.url, token, 'GET', `/licenses/${license}`)).body.license;
      expect(detail.deactivations.used).toBe(plan.resets.size);
      const seats = (await listOf<Seat>(token, license, 'users')).map((s) => s.email);
      for (const email of plan.assigned) expect(seats).toContain(email);
      expect(seats).toHaveLength(1 + 40 - 10 + 40);
    }
    const licenseC = (await api(server.url, token, 'GET', `/licenses/${c.license.id}`)).body.license;
    expect(licenseC).toMatchObject({ activations: { used: 0 }, seats: { used: 1 }, deactivations: { used: 15 } });

    // Each opId is in the audit log once, and only the commands that changed something are.
    const db = new Database(databasePath, { readonly: true });
    const twice = db
      .prepare('SELECT op_id, COUNT(*) AS n FROM audit_events WHERE op_id IS NOT NULL GROUP BY op_id HAVING n > 1')
      .all();
    const logged = (db.prepare('SELECT COUNT(*) AS n FROM audit_events WHERE op_id IS NOT NULL').get() as { n: number })
      .n;
    db.close();
    expect(twice).toEqual([]);
    const applied = reports.flatMap((r) => r.views).filter((v) => v.state === 'applied').length;
    expect(logged).toBe(applied);
    expect(applied).toBe(2 * (DEVICES - 50 + 40 + 10) + 1);
  }, 300_000);
});
