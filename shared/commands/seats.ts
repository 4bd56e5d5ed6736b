import type { PortalDb } from '../db';
import type { OutboxRow } from '../schemas';

/** The basis of a seat change (assign, unassign, password reset): the seats used the user saw. */
export async function seatsBasis(db: PortalDb, row: OutboxRow): Promise<{ seatsUsed: number }> {
  const license = await db.licenses.get(row.licenseId);
  return { seatsUsed: license?.seats.used ?? 0 };
}
