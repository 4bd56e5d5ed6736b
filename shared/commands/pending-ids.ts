/**
 * A user shown from a queued assign has no server id yet: the overlay shows them under
 * `pending:<opId>`. This module owns that prefix.
 */
const PREFIX = 'pending:';

/** The id a queued assign's user is shown under. */
export const pendingUserId = (opId: string): string => `${PREFIX}${opId}`;

/** Whether a user id is one of a queued assign (no account on the server yet). */
export const isPendingId = (id: string): boolean => id.startsWith(PREFIX);

/** The opId of the assign a pending user id stands for. */
export const opIdOfPending = (id: string): string => id.slice(PREFIX.length);
