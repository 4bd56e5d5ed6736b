import { apply, alreadyDone, refuse, type Decision } from './decision';
import { isAtLimit, remaining } from './limits';
import type { Actor, AssignmentFacts, LicenseFacts } from './types';

/** Emails compare case-insensitively and without surrounding blanks. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What rule 5 needs to know about a license's seats, without listing them. */
export interface SeatFacts {
  seatsUsed: number;
  /** The email to assign already holds a seat. */
  alreadyAssigned: boolean;
}

/** Rule 5 on counts: the server decides with its counters, the client with its cached list. */
export function canTakeSeat(license: LicenseFacts, seats: SeatFacts, actor: Actor): Decision {
  if (!actor.isManager) return refuse('not_license_manager');
  if (seats.alreadyAssigned) return alreadyDone();
  if (isAtLimit(seats.seatsUsed, license.maxLicenseUsers)) return refuse('max_license_users_reached');
  return apply(remaining(seats.seatsUsed + 1, license.maxLicenseUsers) === 0 ? ['uses_last_seat'] : []);
}

/**
 * Rule 5: assigning takes a seat; at `maxLicenseUsers` it is refused; an assigned user is
 * `already_done`. (An unknown email creating the account is the caller's effect.)
 */
export function canAssignUser(
  license: LicenseFacts,
  assignments: readonly AssignmentFacts[],
  email: string,
  actor: Actor,
): Decision {
  const wanted = normalizeEmail(email);
  const alreadyAssigned = assignments.some((a) => normalizeEmail(a.email) === wanted);
  return canTakeSeat(license, { seatsUsed: assignments.length, alreadyAssigned }, actor);
}

/**
 * A manager gives a seat holder of the license a new initial password (their sessions end, and
 * they choose their own at the next sign-in). Never another manager's, and only for someone who
 * holds a seat of this license.
 */
export function canResetPassword(assignments: readonly AssignmentFacts[], userId: string, actor: Actor): Decision {
  if (!actor.isManager) return refuse('not_license_manager');
  const target = assignments.find((a) => a.userId === userId);
  if (!target) return refuse('not_found');
  if (target.isManager) return refuse('cannot_reset_manager_password');
  return apply();
}

/** Unassigning frees a seat; a user without a seat is `already_done`; managers keep theirs. */
export function canUnassignUser(assignments: readonly AssignmentFacts[], userId: string, actor: Actor): Decision {
  if (!actor.isManager) return refuse('not_license_manager');
  const assignment = assignments.find((a) => a.userId === userId);
  if (!assignment) return alreadyDone();
  if (assignment.isManager) return refuse('cannot_unassign_manager');
  return apply();
}
