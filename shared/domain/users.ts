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
 * What the password-reset rule needs to know about the account, across the whole company: a
 * password is the account's, not one license's, so who may reset it depends on all of its seats.
 * The client knows only the license it shows (its rows say who manages that one); the server
 * fills in every license from its database and decides.
 */
export interface ResetTarget {
  userId: string;
  /** The licenses the account holds a seat on. */
  seatLicenseIds: readonly string[];
  /** The account manages a license, any license of the company. */
  managesAny: boolean;
}

/**
 * A manager gives a seat holder a new initial password (their sessions end, and they choose their
 * own at the next sign-in). Only for an account that holds a seat on this license, manages no
 * license anywhere, and whose every seat is on a license this manager manages: otherwise the
 * manager of one license could take over an account that another license's manager (or the
 * account itself) relies on.
 */
export function canResetPassword(
  licenseId: string,
  target: ResetTarget | undefined,
  actor: Actor,
  actorManages: (licenseId: string) => boolean,
): Decision {
  if (!actor.isManager) return refuse('not_license_manager');
  if (!target || !target.seatLicenseIds.includes(licenseId)) return refuse('not_found');
  if (target.managesAny) return refuse('cannot_reset_manager_password');
  if (!target.seatLicenseIds.every(actorManages)) return refuse('cannot_reset_password_elsewhere');
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
