import { describe, expect, it } from 'vitest';
import { CommandSchema, MAX_BATCH, SyncRequestSchema, SyncResponseSchema } from './commands';

/** A UUIDv7, the kind of opId the client generates. */
const OP_ID = '0190a0b1-7c3e-7a2b-8c4d-1234567890ab';

const COMMANDS = [
  { kind: 'device.reset', payload: { deviceId: 'dev-1' }, basis: { deviceActive: true, deactivationCount: 2 } },
  { kind: 'license.reset', payload: { licenseId: 'lic-1' }, basis: { activeDevices: 3, assignedUsers: 1 } },
  {
    kind: 'user.assign',
    payload: {
      licenseId: 'lic-1',
      email: 'new@codeglass.example',
      firstName: 'Ada',
      lastName: 'L',
      initialPassword: 'q8Fz-2kLm-9wXp',
    },
  },
  { kind: 'user.assign', payload: { licenseId: 'lic-1', email: 'bare@codeglass.example' } },
  { kind: 'user.unassign', payload: { licenseId: 'lic-1', userId: 'user-2' }, basis: { seatsUsed: 3 } },
] as const;

const command = (c: (typeof COMMANDS)[number] = COMMANDS[0], seq = 0) => ({ opId: OP_ID, seq, ...c });

describe('CommandSchema', () => {
  it.each(COMMANDS.map((c) => ({ kind: c.kind, c })))('accepts a $kind command', ({ c }) => {
    const parsed = CommandSchema.safeParse(command(c));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(command(c));
  });

  it('rejects an unknown kind with the issue at `kind`', () => {
    const parsed = CommandSchema.safeParse({ ...command(), kind: 'device.explode' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['kind']);
  });

  it.each([
    {
      case: 'a payload of another kind',
      input: { ...command(), kind: 'device.reset', payload: { licenseId: 'lic-1' } },
      path: ['payload', 'deviceId'],
    },
    { case: 'an opId that is not a UUID', input: { ...command(), opId: 'op-1' }, path: ['opId'] },
    { case: 'a negative seq', input: { ...command(), seq: -1 }, path: ['seq'] },
    { case: 'a fractional seq', input: { ...command(), seq: 1.5 }, path: ['seq'] },
    {
      case: 'a bad email to assign',
      input: { ...command(COMMANDS[2]), payload: { licenseId: 'lic-1', email: 'nope' } },
      path: ['payload', 'email'],
    },
    {
      case: 'a too short initial password',
      input: {
        ...command(COMMANDS[2]),
        payload: { licenseId: 'lic-1', email: 'a@b.example', initialPassword: 'short' },
      },
      path: ['payload', 'initialPassword'],
    },
    { case: 'an empty device id', input: { ...command(), payload: { deviceId: '' } }, path: ['payload', 'deviceId'] },
  ])('rejects $case, naming the field', ({ input, path }) => {
    const parsed = CommandSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('SyncRequestSchema', () => {
  const batch = (n: number) => ({
    clientId: 'client-1',
    commands: Array.from({ length: n }, (_, i) => command(COMMANDS[0], i)),
  });

  it.each([0, 1, MAX_BATCH])('accepts a batch of %i commands', (n) => {
    expect(SyncRequestSchema.safeParse(batch(n)).success).toBe(true);
  });

  it('rejects 1001 commands, saying the most it takes', () => {
    expect(MAX_BATCH).toBe(1000);
    const parsed = SyncRequestSchema.safeParse(batch(MAX_BATCH + 1));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['commands'],
      message: 'send at most 1000 commands per request',
    });
  });

  it.each([
    { case: 'an empty clientId', input: { clientId: '', commands: [] }, path: ['clientId'] },
    {
      case: 'a bad command inside the batch',
      input: { clientId: 'c', commands: [command(), { ...command(), kind: 'x' }] },
      path: ['commands', 1, 'kind'],
    },
  ])('rejects $case', ({ input, path }) => {
    const parsed = SyncRequestSchema.safeParse(input);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });
});

describe('SyncResponseSchema', () => {
  it.each(['applied', 'already_done', 'rejected', 'conflict'])('accepts the outcome %s', (outcome) => {
    expect(SyncResponseSchema.safeParse({ results: [{ opId: OP_ID, outcome }] }).success).toBe(true);
  });

  it('rejects an outcome the protocol does not have', () => {
    expect(SyncResponseSchema.safeParse({ results: [{ opId: OP_ID, outcome: 'dropped' }] }).success).toBe(false);
  });
});
