import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInitialPassword } from '@shared/commands';
import { createSession } from '../../server/db/sessions';
import { commands, startTestServer, sync } from '../api/fixtures';
import { figure, writeReadmeFigures } from '../support/readme-figures';
import { changedTables, stateRows } from '../support/state-digest';
import { answerProblem, describeRequest, keepAliveClient, toWire } from './fuzz-client';
import type { ActorName, FuzzWorld } from './fuzz-commands';
import { fuzzRequest, type FuzzRequest } from './fuzz-requests';
import { buildWorld } from './fuzz-world';

/**
 * Fuzz: FUZZ_RUNS (10,000) generated requests from a fixed seed (FUZZ_SEED explores others)
 * against the real server over keep-alive connections: any method, path, query, headers and body,
 * and well-formed commands their senders may not send. None may get a 5xx or a dropped
 * connection, every API error must be `{code, message, field?}`, and none may change the
 * database: its state is compared every 50 requests. Between rounds of 250, a few allowed changes
 * move the state on, so the refusals meet more than one state. TEST_POSTGRES_URL runs it on
 * PostgreSQL.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const ROUND = 250;
const SEGMENT = 50;
const CONNECTIONS = 4;

let server: Awaited<ReturnType<typeof startTestServer>>;
let built: Awaited<ReturnType<typeof buildWorld>>;
let world: FuzzWorld;
let tokens: Record<ActorName, string>;
const logged: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    trustProxy: 1,
    // The slowdown of an account under attack only delays; kept short so the run stays quick.
    rateLimits: { slowStepMs: 1, slowMaxMs: 5 },
    log: (message, error) => logged.push(`${message} ${error instanceof Error ? error.stack : ''}`),
  });
  built = await buildWorld(server);
  ({ world, tokens } = built);
});
afterAll(() => server?.stop());

const tally = {
  requests: 0,
  byFamily: {} as Record<string, number>,
  byStatus: {} as Record<string, number>,
  refusedCommands: 0,
  socketErrors: [] as string[],
  failures: [] as string[],
  stateChecks: 0,
  allowedChanges: 0,
};
const count = (into: Record<string, number>, key: string | number) => (into[key] = (into[key] ?? 0) + 1);

/** Sends one request and checks its answer; an actor whose session a request ended gets a new one. */
async function sendOne(client: ReturnType<typeof keepAliveClient>, r: FuzzRequest, index: number) {
  const answer = await client.send(toWire(r, r.auth.kind === 'actor' ? tokens[r.auth.actor] : undefined));
  tally.requests += 1;
  count(tally.byFamily, r.family);
  const fail = (why: string) =>
    tally.failures.length < 30 && tally.failures.push(`${why}\n    ${describeRequest(r, index)}`);
  if ('error' in answer) {
    tally.socketErrors.push(answer.error);
    return fail(`connection error: ${answer.error}`);
  }
  count(tally.byStatus, answer.status);
  const problem = answerProblem(r, answer);
  if (problem) return fail(problem);
  if (r.commandsRefused && answer.status === 200)
    tally.refusedCommands += JSON.parse(answer.body.toString()).results.length;
  if (r.auth.kind === 'actor' && answer.status === 204 && r.path.startsWith('/api/v1/auth/logout')) {
    const { id } = world.users[r.auth.actor];
    const user = await server.db.kysely
      .selectFrom('users')
      .select('password_version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    tokens[r.auth.actor] = (await createSession(server.db.kysely, id, user.password_version, new Date()))!;
  }
}

/** Sends the requests over the client's connections, several at once. */
async function sendAll(client: ReturnType<typeof keepAliveClient>, requests: FuzzRequest[], first: number) {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      await sendOne(client, requests[i]!, first + i);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
}

const assignedInPool: string[] = [];
/** Changes their callers may make: a seat taken and one freed, a device reset, one activated and reset. */
async function allowedChanges(round: number) {
  const pool = world.licenses.pool;
  const manager = [
    commands.assign(pool, `legit-${round}@codeglass.example`, { initialPassword: generateInitialPassword() }),
  ];
  const device = built.managerPoolDevices[round];
  if (device) manager.push(commands.resetDevice(device));
  const leaving = assignedInPool.shift();
  if (leaving) manager.push(commands.unassign(pool, leaving));
  const results = await sync(server.url, tokens.manager, manager);
  expect(results.map((x) => x.outcome)).toEqual(manager.map(() => 'applied'));
  assignedInPool.push(results[0]!.result!.userId!);
  const own = await built.activateAs('user', pool, `HW-LEGIT-${round}`);
  expect((await sync(server.url, tokens.user, [commands.resetDevice(own)]))[0]!.outcome).toBe('applied');
  tally.allowedChanges += manager.length + 2;
}

describe('fuzz', () => {
  it(`answers ${RUNS} generated requests without a 5xx, a dropped connection, a malformed error or a change`, async () => {
    const client = keepAliveClient(server.port, CONNECTIONS);
    try {
      for (let start = 0; start < RUNS; start += ROUND) {
        let state = await stateRows(server.db);
        const round = fc.sample(fuzzRequest(world), { seed: SEED + start, numRuns: Math.min(ROUND, RUNS - start) });
        for (let at = 0; at < round.length; at += SEGMENT) {
          await sendAll(client, round.slice(at, at + SEGMENT), start + at);
          const after = await stateRows(server.db);
          tally.stateChecks += 1;
          const changed = changedTables(state, after);
          if (changed.length > 0)
            tally.failures.push(
              `requests #${start + at} to #${start + at + SEGMENT - 1} changed ${changed.join(', ')}`,
            );
          state = after;
        }
        await allowedChanges(start / ROUND);
      }
    } finally {
      client.close();
    }
    console.log(
      `fuzz seed ${SEED}: ${tally.requests} requests ${JSON.stringify(tally.byFamily)}, answers ${JSON.stringify(tally.byStatus)}; ` +
        `${tally.refusedCommands} commands their senders may not send, all refused; ${tally.stateChecks} state checks, ` +
        `${tally.allowedChanges} allowed changes between rounds; ${tally.socketErrors.length} connection errors`,
    );
    writeReadmeFigures(
      'fuzz',
      `${figure(tally.requests)} requests, ${figure(tally.refusedCommands)} forbidden commands among them`,
      process.env.FUZZ_SEED === undefined && process.env.FUZZ_RUNS === undefined,
    );
    expect(tally.failures).toEqual([]);
    expect(tally.socketErrors).toEqual([]);
    expect(logged).toEqual([]);
    // Nothing a body carried under __proto__ or constructor reached the objects of this process.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
