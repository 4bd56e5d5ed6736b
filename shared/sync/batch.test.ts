import { describe, expect, it } from 'vitest';
import type { BatchPlannedRow, OutboxRow } from '../schemas';
import { dismissBatch, type NewCommand } from './outbox';
import { answer, engineFor, freshDb, scriptedApi } from './testing/fixtures';

const assign = (email: string): NewCommand => ({
  kind: 'user.assign',
  payload: { licenseId: 'lic-1', email, initialPassword: `pass-for-${email}` },
  basis: { seatsUsed: 1 },
  licenseId: 'lic-1',
  label: `Assign ${email}`,
});
const planned = (line: number, email: string, category: BatchPlannedRow['category']): BatchPlannedRow => ({
  line,
  email,
  firstName: '',
  lastName: '',
  category,
});
const passwords = (rows: OutboxRow[]) =>
  rows.map((r) => (r.kind === 'user.assign' ? (r.payload.initialPassword ?? null) : null));

describe('a batch in the outbox', () => {
  it('queues its commands in input order under one groupId, and keeps every input row with its opId', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer(() => ({ outcome: 'applied', result: { created: true } })));
    const { engine } = engineFor(db, api);
    await engine.enqueue({ kind: 'device.reset', payload: { deviceId: 'd-1' }, licenseId: 'lic-1' });
    const rows = await engine.enqueueBatch([assign('a@x.example'), assign('c@x.example')], {
      groupId: 'g-1',
      licenseId: 'lic-1',
      source: 'people.csv',
      rows: [planned(1, 'a@x.example', 'assign'), planned(2, 'b', 'invalid'), planned(3, 'c@x.example', 'assign')],
    });
    expect(rows.map((r) => [r.seq, r.groupId])).toEqual([
      [2, 'g-1'],
      [3, 'g-1'],
    ]);
    const batch = await db.batches.get('g-1');
    expect(batch?.rows.map((r) => r.opId ?? null)).toEqual([rows[0]!.opId, null, rows[1]!.opId]);
    expect(batch?.userId).toBe('u-manager');
    await engine.syncNow();
    expect(requests.flat().map((c) => c.kind)).toEqual(['device.reset', 'user.assign', 'user.assign']);
  });

  it('keeps the initial passwords of a settled batch until the manager dismisses it', async () => {
    const db = freshDb();
    const { api } = scriptedApi(answer(() => ({ outcome: 'applied', result: { created: true } })));
    const { engine } = engineFor(db, api);
    await engine.enqueue(assign('single@x.example'));
    await engine.enqueueBatch([assign('a@x.example')], {
      groupId: 'g-1',
      licenseId: 'lic-1',
      source: 'pasted list',
      rows: [planned(1, 'a@x.example', 'assign')],
    });
    await engine.syncNow();
    await engine.compact();
    // Both stay for the manager to pass on (at most a day); dismissing the batch drops only its own.
    expect(passwords(await db.outbox.orderBy('seq').toArray())).toEqual([
      'pass-for-single@x.example',
      'pass-for-a@x.example',
    ]);
    await dismissBatch(db, 'g-1', new Date());
    expect(passwords(await db.outbox.orderBy('seq').toArray())).toEqual(['pass-for-single@x.example', null]);
    expect((await db.batches.get('g-1'))?.dismissedAt).toBeDefined();
  });
});
