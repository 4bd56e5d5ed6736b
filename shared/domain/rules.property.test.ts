import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aLicense } from './fixtures';
import { planLicenseReset } from './license-reset';
import { remaining } from './limits';
import type { Actor, AssignmentFacts, DeviceFacts, LicenseFacts } from './types';
import { canAssignUser, canUnassignUser } from './users';

/**
 * The rules as a state machine: any sequence of requests, each applied only when its rule says
 * `apply`, keeps every counter within its limit. A fixed seed keeps CI repeatable.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261128;

const MANAGER: Actor = { userId: 'm', isManager: true };
const EMAILS = ['a@x.example', 'B@x.example', 'b@x.example ', 'c@x.example', 'd@x.example', 'e@x.example'];

type Request =
  | { do: 'assign'; email: number; asManager: boolean }
  | { do: 'unassign'; user: number; asManager: boolean }
  | { do: 'resetLicense'; asManager: boolean }
  | { do: 'activate' };

const request: fc.Arbitrary<Request> = fc.oneof(
  fc.record({ do: fc.constant('assign' as const), email: fc.nat(EMAILS.length - 1), asManager: fc.boolean() }),
  fc.record({ do: fc.constant('unassign' as const), user: fc.nat(7), asManager: fc.boolean() }),
  fc.record({ do: fc.constant('resetLicense' as const), asManager: fc.boolean() }),
  fc.record({ do: fc.constant('activate' as const) }),
);

const limitOrNull = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null });
const license: fc.Arbitrary<LicenseFacts> = fc
  .record({
    quantity: fc.integer({ min: 0, max: 4 }),
    maxActivations: limitOrNull,
    maxDeactivations: limitOrNull,
    deactivationCount: fc.integer({ min: 0, max: 3 }),
  })
  .map((l) => ({
    ...aLicense(l),
    maxLicenseUsers: l.quantity,
    deactivationCount: Math.min(l.deactivationCount, l.maxDeactivations ?? 3),
  }));

describe('domain rules under any sequence of requests (property)', () => {
  it('never pass the seat or deactivation limit, never unassign a manager, and count each change once', () => {
    fc.assert(
      fc.property(license, fc.array(request, { maxLength: 30 }), (start, requests) => {
        let lic = { ...start };
        let seats: AssignmentFacts[] = [{ userId: 'm', email: 'm@x.example', isManager: true }];
        let devices: DeviceFacts[] = [];
        let nextUser = 0;
        for (const r of requests) {
          const actor: Actor = 'asManager' in r && !r.asManager ? { userId: 'u', isManager: false } : MANAGER;
          if (r.do === 'assign') {
            const d = canAssignUser(lic, seats, EMAILS[r.email]!, actor);
            if (!actor.isManager) expect(d).toEqual({ ok: false, code: 'not_license_manager' });
            if (d.ok && d.kind === 'apply')
              seats = [...seats, { userId: `u${nextUser++}`, email: EMAILS[r.email]!, isManager: false }];
          } else if (r.do === 'unassign') {
            const target = seats[r.user % seats.length]!;
            const d = canUnassignUser(seats, target.userId, actor);
            if (target.isManager && actor.isManager) expect(d).toEqual({ ok: false, code: 'cannot_unassign_manager' });
            if (d.ok && d.kind === 'apply') seats = seats.filter((s) => s.userId !== target.userId);
          } else if (r.do === 'resetLicense') {
            const d = planLicenseReset(lic, devices, seats, actor);
            if (d.ok && d.kind === 'apply') {
              const off = new Set(d.plan.deviceIds);
              devices = devices.map((x) => (off.has(x.id) ? { ...x, active: false } : x));
              seats = seats.filter((s) => !d.plan.userIds.includes(s.userId));
              lic = { ...lic, deactivationCount: lic.deactivationCount + off.size };
            }
            if (d.ok)
              expect(d.plan.userIds.every((id) => !seats.some((s) => s.userId === id && s.isManager))).toBe(true);
          } else {
            const active = devices.filter((x) => x.active).length;
            if (remaining(active, lic.maxActivations) !== 0)
              devices = [
                ...devices,
                {
                  id: `d${devices.length}`,
                  licenseId: lic.id,
                  userId: 'u',
                  hardwareId: `h${devices.length}`,
                  active: true,
                },
              ];
          }
          // The invariants the portal promises, after every step.
          // Seats: the manager's own (given by the vendor) plus assignments, never more than bought.
          expect(seats.length).toBeLessThanOrEqual(Math.max(lic.maxLicenseUsers, 1));
          const active = devices.filter((x) => x.active).length;
          if (lic.maxActivations !== null) expect(active).toBeLessThanOrEqual(lic.maxActivations);
          if (lic.maxDeactivations !== null) expect(lic.deactivationCount).toBeLessThanOrEqual(lic.maxDeactivations);
          expect(seats.some((s) => s.isManager)).toBe(true);
          const emails = seats.map((s) => s.email.trim().toLowerCase());
          expect(new Set(emails).size).toBe(emails.length);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
