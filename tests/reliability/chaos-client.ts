/**
 * One client of the chaos suite, in its own process (like a second browser): the real sync engine
 * on its own IndexedDB (fake-indexeddb), queueing a planned list of commands and sending them
 * through the fault-injecting proxy until every one has its final answer. Signs in again when the
 * server says the session ended. Prints one JSON line with what its outbox ends with.
 *
 * Usage: node --import tsx tests/reliability/chaos-client.ts PLAN.json
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createApiClient } from '@shared/api';
import { PortalDb, readSyncMeta } from '@shared/db';
import { createSyncEngine, deriveViews, type NewCommand } from '@shared/sync';

export interface ClientPlan {
  name: string;
  portalUrl: string;
  companyId: string;
  email: string;
  password: string;
  commands: NewCommand[];
  /** Give up after this long (the suite fails then). */
  deadlineMs: number;
}

export interface ClientReport {
  name: string;
  signIns: number;
  views: Array<{ opId: string; label: string; state: string; code?: string }>;
  elapsedMs: number;
}

async function main(planPath: string): Promise<void> {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as ClientPlan;
  const started = Date.now();
  let token: string | null = null;
  let signIns = 0;
  const api = createApiClient({
    baseURL: plan.portalUrl,
    getToken: () => token,
    timeoutMs: 5_000,
    syncTimeoutMs: 5_000,
  });
  const signIn = async () => {
    for (;;) {
      const res = await api.login({ companyId: plan.companyId, email: plan.email, password: plan.password });
      if (res.ok) {
        token = res.data.token;
        signIns += 1;
        return res.data.user.id;
      }
      await sleep(200); // the proxy dropped it, or the server is restarting
    }
  };
  const userId = await signIn();
  const db = new PortalDb(`chaos-${plan.name}`);
  // Small jitter and a short periodic wake-up keep the run quick; the backoff logic is the real one.
  const engine = createSyncEngine({
    db,
    api,
    userId: () => userId,
    random: () => 0.1,
    intervalMs: 300,
    batchSize: 50,
    pull: false,
  });
  for (const command of plan.commands) await engine.enqueue(command);
  engine.start();

  for (;;) {
    const [rows, outcomes, leases, sync] = await Promise.all([
      db.outbox.toArray(),
      db.outcomes.toArray(),
      db.leases.toArray(),
      readSyncMeta(db),
    ]);
    const views = deriveViews({ rows, outcomes, leases, sync, userId, now: new Date() });
    const open = views.filter((v) => !['applied', 'already_done', 'rejected', 'conflict'].includes(v.state));
    if (open.length === 0) {
      engine.stop();
      await engine.compact();
      const report: ClientReport = {
        name: plan.name,
        signIns,
        views: views.map((v) => ({
          opId: v.opId,
          label: v.label,
          state: v.state,
          ...(v.code ? { code: v.code } : {}),
        })),
        elapsedMs: Date.now() - started,
      };
      console.log(JSON.stringify(report));
      return;
    }
    if (sync.blockedAuth) {
      await signIn();
      await engine.resumeAfterSignIn();
    }
    if (Date.now() - started > plan.deadlineMs) throw new Error(`${plan.name}: ${open.length} commands still open`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

main(process.argv[2]!).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
