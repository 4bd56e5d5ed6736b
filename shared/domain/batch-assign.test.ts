import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_CATEGORIES, planBatchAssign, type BatchInputRow, type BatchPlan } from './batch-assign';
import { aLicense, MANAGER, USER } from './fixtures';
import type { AssignmentFacts } from './types';

const seat = (email: string, isManager = false): AssignmentFacts => ({ userId: email, email, isManager });
const SEATS = [seat('manager@codeglass.example', true), seat('dev@codeglass.example')];
let line = 0;
const row = (email: string, extra: Partial<BatchInputRow> = {}): BatchInputRow => ({
  line: ++line,
  email,
  firstName: '',
  lastName: '',
  ...extra,
});
const planOf = (rows: BatchInputRow[], maxLicenseUsers = 5, seats = SEATS): BatchPlan => {
  const decision = planBatchAssign(aLicense({ maxLicenseUsers }), seats, rows, MANAGER);
  if (!decision.ok) throw new Error(decision.code);
  return decision.plan;
};

describe('planBatchAssign', () => {
  it('puts each row in one category, in input order: assign, already assigned, invalid, duplicate, over the limit', () => {
    const plan = planOf(
      [
        row('a@codeglass.example'),
        row(' DEV@codeglass.example'),
        row('', { problem: 'email_missing' }),
        row('A@codeglass.example '),
        row('b@codeglass.example'),
        row('c@codeglass.example'),
        row('d@codeglass.example'),
      ],
      5,
    );
    expect(plan.rows.map((r) => r.category)).toEqual([
      'assign',
      'already_assigned',
      'invalid',
      'duplicate',
      'assign',
      'assign',
      'over_limit',
    ]);
    expect(plan.freeSeats).toBe(3);
    expect(plan.rows[3]!.duplicateOf).toBe(plan.rows[0]!.line);
    expect(plan.counts).toEqual({ assign: 3, already_assigned: 1, invalid: 1, duplicate: 1, over_limit: 1 });
  });

  it('calls a repeat of an already assigned email a duplicate, and never gives it a seat', () => {
    const plan = planOf([row('dev@codeglass.example'), row('dev@codeglass.example')]);
    expect(plan.rows.map((r) => r.category)).toEqual(['already_assigned', 'duplicate']);
  });

  it('at the seat limit plans no assignment at all', () => {
    const plan = planOf([row('x@codeglass.example'), row('y@codeglass.example')], 2);
    expect(plan.freeSeats).toBe(0);
    expect(plan.counts.over_limit).toBe(2);
  });

  it('is refused for a license user', () => {
    expect(planBatchAssign(aLicense(), SEATS, [row('x@codeglass.example')], USER)).toEqual({
      ok: false,
      code: 'not_license_manager',
    });
  });

  it('never assigns more than the free seats, and every input row lands in exactly one category (property)', () => {
    const emails = ['a@x.example', 'A@x.example', 'b@x.example', 'c@x.example ', 'd@x.example', 'e@x.example'];
    const input = fc.array(
      fc.record({
        email: fc.constantFrom(...emails),
        problem: fc.option(fc.constantFrom('email_missing' as const, 'email_invalid' as const), { nil: undefined }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 8 }), fc.subarray(emails.slice(2)), (raw, maxSeats, seated) => {
        const seats = [seat('m@x.example', true), ...seated.map((e) => seat(e))].slice(0, maxSeats);
        const rows = raw.map((r, i) => ({ line: i + 1, firstName: '', lastName: '', ...r }));
        const plan = planOf(rows, maxSeats, seats);
        expect(plan.rows).toHaveLength(rows.length);
        expect(plan.rows.map((r) => r.line)).toEqual(rows.map((r) => r.line));
        expect(BATCH_CATEGORIES.reduce((n, c) => n + plan.counts[c], 0)).toBe(rows.length);
        for (const c of BATCH_CATEGORIES)
          expect(plan.rows.filter((r) => r.category === c)).toHaveLength(plan.counts[c]);
        expect(plan.counts.assign).toBeLessThanOrEqual(maxSeats - seats.length);
        const assigned = plan.rows.filter((r) => r.category === 'assign').map((r) => r.email.trim().toLowerCase());
        expect(new Set(assigned).size).toBe(assigned.length);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
