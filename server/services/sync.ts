import { roleFor } from '@shared/domain';
import type { Command, SyncResult } from '@shared/schemas';
import { devicesOfCompany } from '../db/devices';
import { appointments } from '../db/managers';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { deviceIdOf, serverCommandOf } from './commands';
import { commandHash } from './command-hash';
import { prepareNewPasswords } from './new-passwords';
import { pruneWhenDue } from './retention';
import { applyChunk, refusedWith, type PlannedCommand } from './sync-chunk';

/**
 * Commands per write transaction: a full request (1,000 commands) pays one commit. The commit
 * (its fsync, and writing the pages the commands changed) costs more than deciding and writing
 * hundreds of commands, and the chunk's own work stays within tens of milliseconds.
 */
export const CHUNK_SIZE = 1000;

/**
 * How many commands a license user's request may carry besides resets of their own devices.
 * Nothing else of theirs can apply (rules 3 and 4), so more is a misbehaving client: the rest is
 * answered `too_many_commands`, holds nothing and is not stored.
 */
const MAX_OTHER_COMMANDS = 20;

/**
 * Commands in the order sent, one result each, each opId applied at most once per company. A
 * refused or conflicting command holds the later commands of its license in the same request
 * (they may build on it): those are answered `held_by_earlier_change` and not stored, so the
 * client keeps them queued behind it. An opId answers only the command it was first used for
 * (same user, kind and payload): anything else under it, including a second use in the same
 * request, is `op_id_reused` and changes nothing.
 */
export async function applySync(deps: AppDeps, user: UserRow, sent: readonly Command[]): Promise<SyncResult[]> {
  await pruneWhenDue(deps);
  const commands = sent.map(withCanonicalOpId);
  const { kysely } = deps.db;
  const results: Array<SyncResult | undefined> = new Array(commands.length);
  const deviceIds = commands.flatMap((c) => deviceIdOf(c) ?? []);
  const devices = await devicesOfCompany(kysely, user.company_id, deviceIds);
  const capped = roleFor(await appointments(kysely, user.id)) === 'license_user';

  const seen = new Set<string>();
  let others = 0;
  const planned: Array<PlannedCommand & { index: number }> = [];
  commands.forEach((command, index) => {
    const target = serverCommandOf(command).target(command);
    const device = 'deviceId' in target ? devices.get(target.deviceId) : undefined;
    if (seen.has(command.opId)) {
      results[index] = refusedWith(command.opId, 'op_id_reused');
      return;
    }
    seen.add(command.opId);
    if (capped && device?.userId !== user.id && ++others > MAX_OTHER_COMMANDS) {
      results[index] = refusedWith(command.opId, 'too_many_commands');
      return;
    }
    const licenseKey = 'deviceId' in target ? (device?.licenseId ?? '') : target.licenseId;
    planned.push({ index, command, hash: commandHash(command), licenseKey });
  });

  const passwords = await prepareNewPasswords(
    deps,
    user,
    planned.map((p) => p.command),
  );
  // A deferred command waits for a later request, and so do the later commands of its license in
  // this one (they may build on it): neither is stored, and the client sends them again.
  const waiting = new Set<string>();
  const ready = planned.filter((p) => {
    const { opId } = p.command;
    const deferred = passwords.deferred.has(opId);
    if (!deferred && !(p.licenseKey && waiting.has(p.licenseKey))) return true;
    results[p.index] = refusedWith(opId, deferred ? 'too_many_new_passwords' : 'held_by_earlier_change');
    if (p.licenseKey) waiting.add(p.licenseKey);
    return false;
  });
  const held = new Set<string>();
  for (let start = 0; start < ready.length; start += CHUNK_SIZE) {
    const chunk = ready.slice(start, start + CHUNK_SIZE);
    const answers = await applyChunk(deps, user, chunk, held, passwords.prepared);
    chunk.forEach((p, i) => (results[p.index] = answers[i]));
  }
  // Answered under the opId as it was sent (a rare copy: clients send lower case).
  return results.map((r, i) => (r!.opId === sent[i]!.opId ? r! : Object.assign({}, r!, { opId: sent[i]!.opId })));
}

/**
 * OpIds are UUIDs, which compare without regard to letter case: the same one in capitals must
 * answer as the same command, not be decided afresh. Lower case inside, as stored.
 */
function withCanonicalOpId(command: Command): Command {
  const opId = command.opId.toLowerCase();
  return opId === command.opId ? command : Object.assign({}, command, { opId });
}
