import fc from 'fast-check';
import type { Command } from '@shared/schemas';

export type ActorName = 'manager' | 'user' | 'other' | 'rival' | 'mustChange';
export const ACTORS: readonly ActorName[] = ['manager', 'user', 'other', 'rival', 'mustChange'];

/** What the fuzz knows of the database it attacks (see the fixture in fuzz.test.ts). */
export interface FuzzWorld {
  /** demo: the demo license; other: a second license of the demo company; rival: another company's; pool: for the allowed changes. */
  licenses: { demo: string; other: string; rival: string; pool: string };
  devices: { userLaptop: string; managerMbp: string; other: string; rival: string };
  users: Record<ActorName, { id: string; email: string }>;
  /** Licenses on which the actor's activations are refused. */
  cannotActivate: Record<ActorName, string[]>;
  /** Commands applied while the fixture was built, and by whom: under their opIds anyone else is refused. */
  applied: Array<{ actor: ActorName; command: Command }>;
}

type Template = (opId: string, seq: number) => Command;

const reset =
  (deviceId: string): Template =>
  (opId, seq) => ({ opId, seq, kind: 'device.reset', payload: { deviceId } });
const resetLicense =
  (licenseId: string): Template =>
  (opId, seq) => ({ opId, seq, kind: 'license.reset', payload: { licenseId } });
const assign =
  (licenseId: string, n: number): Template =>
  (opId, seq) => ({ opId, seq, kind: 'user.assign', payload: { licenseId, email: `fuzz-${n}@codeglass.example` } });
const unassign =
  (licenseId: string, userId: string): Template =>
  (opId, seq) => ({ opId, seq, kind: 'user.unassign', payload: { licenseId, userId } });
const resetPassword =
  (licenseId: string, userId: string): Template =>
  (opId, seq) => ({ opId, seq, kind: 'user.reset_password', payload: { licenseId, userId } });

/**
 * Commands each actor may not do, so the server must refuse them (or find them already done):
 * others' devices, licenses they do not manage, another company's ids, managers removing or
 * resetting themselves, ids that never existed.
 */
function forbiddenTo(w: FuzzWorld, actor: ActorName, n: number, unknown: string): Template[] {
  const { licenses: l, devices: d, users: u } = w;
  const anyone = [reset(unknown), resetLicense(unknown), assign(unknown, n), unassign(unknown, u.user.id)];
  switch (actor) {
    case 'user':
      return [
        ...anyone,
        ...[d.managerMbp, d.other, d.rival].map(reset),
        ...[l.demo, l.other, l.rival, l.pool].map(resetLicense),
        assign(l.demo, n),
        assign(l.pool, n),
        unassign(l.demo, u.manager.id),
        unassign(l.pool, u.user.id),
        resetPassword(l.demo, u.manager.id),
        resetPassword(l.pool, u.user.id),
      ];
    case 'other':
      return [
        ...anyone,
        ...[d.userLaptop, d.managerMbp, d.rival].map(reset),
        ...[l.demo, l.other, l.rival].map(resetLicense),
        assign(l.other, n),
        unassign(l.other, u.other.id),
        resetPassword(l.other, u.other.id),
        resetPassword(l.demo, u.user.id),
      ];
    case 'manager':
      return [
        ...anyone,
        reset(d.rival),
        resetLicense(l.rival),
        assign(l.rival, n),
        unassign(l.rival, u.rival.id),
        unassign(l.demo, u.manager.id),
        resetPassword(l.demo, u.manager.id),
        resetPassword(l.demo, u.rival.id),
        unassign(l.demo, unknown),
      ];
    case 'rival':
      return [
        ...anyone,
        ...[d.userLaptop, d.managerMbp, d.other].map(reset),
        ...[l.demo, l.other, l.pool].map(resetLicense),
        assign(l.demo, n),
        unassign(l.demo, u.user.id),
        resetPassword(l.demo, u.user.id),
        unassign(l.rival, u.rival.id),
        resetPassword(l.rival, u.rival.id),
      ];
    case 'mustChange':
      return [...anyone, reset(d.userLaptop), resetLicense(l.demo), assign(l.demo, n)];
  }
}

/**
 * A sync body of 1-30 commands the actor may not do, under fresh opIds, opIds another user
 * already used, or an opId used twice in the same request.
 */
export function hostileSync(w: FuzzWorld, actor: ActorName): fc.Arbitrary<{ clientId: string; commands: Command[] }> {
  const othersOpIds = w.applied.filter((a) => a.actor !== actor).map((a) => a.command.opId);
  const command = fc
    .record({
      pick: fc.nat(),
      n: fc.nat({ max: 50 }),
      unknown: fc.uuid(),
      seq: fc.nat(),
      opId: fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...othersOpIds) }),
    })
    .map(({ pick, n, unknown, seq, opId }) => {
      const templates = forbiddenTo(w, actor, n, unknown);
      return templates[pick % templates.length]!(opId, seq);
    });
  return fc
    .tuple(fc.array(command, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 3 }))
    .map(([commands, twice]) => {
      // Reuse an earlier opId of the same request for a few of the commands.
      for (const i of twice) {
        const to = i % commands.length;
        if (to > 0) commands[to] = { ...commands[to]!, opId: commands[(i >> 3) % to]!.opId };
      }
      return { clientId: `fuzz-${actor}`, commands };
    });
}
