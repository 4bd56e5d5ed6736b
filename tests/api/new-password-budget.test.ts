import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateInitialPassword } from '@shared/commands';
import type { Command } from '@shared/schemas';
import { asManager, commands, demoCompanyLicense, startTestServer, sync, type TestServer } from './fixtures';

/**
 * Every new password costs a strength check and an scrypt hash, so one user may ask for only so
 * many per request and per minute; the rest are answered `too_many_new_passwords`, are not stored
 * and hold nothing, and the client sends them again. Small budgets here keep the test quick.
 */
const PER_REQUEST = 5;
const PER_MINUTE = 8;
let clock: Date;
let server: TestServer;
let manager: string;
let licenseId: string;

beforeEach(async () => {
  clock = new Date('2026-03-01T09:00:00.000Z');
  server = await startTestServer({
    now: () => clock,
    rateLimits: { newPasswordsPerRequest: PER_REQUEST, newPasswordsPerWindow: PER_MINUTE },
  });
  manager = await asManager(server.url);
  licenseId = await demoCompanyLicense(server, { name: 'Big team', quantity: 100 });
});
afterEach(() => server.stop());

const newAccounts = (n: number, tag: string): Command[] =>
  Array.from({ length: n }, (_, i) =>
    commands.assign(licenseId, `${tag}-${i}@codeglass.example`, { initialPassword: generateInitialPassword() }),
  );

const storedOpIds = async () =>
  new Set((await server.db.kysely.selectFrom('applied_ops').select('op_id').execute()).map((r) => r.op_id));

describe('the budget of new passwords', () => {
  it('defers what is past the request`s and the minute`s budget; resent later, every account is created', async () => {
    const queue = newAccounts(12, 'hire');
    const first = await sync(server.url, manager, queue);
    expect(first.map((r) => r.code ?? r.outcome)).toEqual([
      ...Array(PER_REQUEST).fill('applied'),
      ...Array(12 - PER_REQUEST).fill('too_many_new_passwords'),
    ]);
    expect(first[PER_REQUEST]!.message).toMatch(/sent again/);
    // Deferred commands are not stored: resending them decides them afresh.
    const stored = await storedOpIds();
    expect(queue.filter((c) => stored.has(c.opId))).toHaveLength(PER_REQUEST);

    const rest = queue.slice(PER_REQUEST);
    const second = await sync(server.url, manager, rest);
    expect(second.filter((r) => r.outcome === 'applied')).toHaveLength(PER_MINUTE - PER_REQUEST);
    // The next minute brings a new budget.
    clock = new Date(clock.getTime() + 61_000);
    const third = await sync(server.url, manager, rest.slice(PER_MINUTE - PER_REQUEST));
    expect(third.every((r) => r.outcome === 'applied')).toBe(true);
    const users = await server.db.kysely.selectFrom('users').select('email').where('email', 'like', 'hire-%').execute();
    expect(users).toHaveLength(12);
  });

  it('counts password resets too, and keeps later commands of a deferred command`s license waiting behind it', async () => {
    const [hire] = await sync(server.url, manager, newAccounts(1, 'first'));
    const userId = hire!.result!.userId!;
    const resets = Array.from({ length: PER_REQUEST + 1 }, () => commands.resetPassword(licenseId, userId));
    const after = commands.unassign(licenseId, userId);
    const answers = await sync(server.url, manager, [...resets, after]);
    expect(answers.map((r) => r.code ?? r.outcome)).toEqual([
      ...Array(PER_REQUEST).fill('applied'),
      'too_many_new_passwords',
      'held_by_earlier_change',
    ]);
    const stored = await storedOpIds();
    expect(stored.has(after.opId)).toBe(false);
  });

  it('spends nothing on commands that cannot set a password: an email with an account, a full license', async () => {
    const existing = Array.from({ length: PER_MINUTE }, () =>
      commands.assign(licenseId, 'dev@codeglass.example', { initialPassword: generateInitialPassword() }),
    );
    expect(new Set((await sync(server.url, manager, existing)).map((r) => r.outcome))).toEqual(
      new Set(['applied', 'already_done']),
    );
    const small = await demoCompanyLicense(server, { name: 'Small team', quantity: 1 });
    const full = Array.from({ length: 10 }, (_, i) =>
      commands.assign(small, `nobody-${i}@codeglass.example`, { initialPassword: generateInitialPassword() }),
    );
    const answers = await sync(server.url, manager, full);
    // The manager holds the only seat: the first is refused on its rule and holds the rest; none deferred.
    expect(answers.map((r) => r.code)).toEqual([
      'max_license_users_reached',
      ...Array(9).fill('held_by_earlier_change'),
    ]);
    expect(
      (await sync(server.url, manager, newAccounts(PER_REQUEST, 'still'))).every((r) => r.outcome === 'applied'),
    ).toBe(true);
  });
});
