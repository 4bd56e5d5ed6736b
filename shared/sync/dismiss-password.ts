import type { PortalDb } from '../db';
import { initialPasswordOf, wasDone, withoutInitialPassword, withoutMadePassword } from './initial-password';
import { outcomeIndex } from './state';

/**
 * The manager passed the password on: it leaves the device now, from the command's row and from a
 * batch outcome not yet folded into it. Only a done command's (a waiting one still has to send
 * it); false when there is none to dismiss.
 */
export async function dismissInitialPassword(db: PortalDb, opId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.outcomes, async () => {
    const row = await db.outbox.where('opId').equals(opId).first();
    if (!row) return false;
    const batches = await db.outcomes.toArray();
    const answer = outcomeIndex(batches).get(opId);
    const settled = row.settled ?? answer;
    if (!wasDone(settled) || (!initialPasswordOf(row) && !answer?.result?.initialPassword)) return false;
    await db.outbox.put(withoutInitialPassword(row));
    for (const batch of batches) {
      if (!batch.results.some((r) => r.opId === opId && r.result?.initialPassword)) continue;
      const results = batch.results.map((r) => (r.opId === opId ? withoutMadePassword(r) : r));
      await db.outcomes.put({ ...batch, results });
    }
    return true;
  });
}
