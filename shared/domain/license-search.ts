import type { Role } from './types';
import { normalizeEmail } from './users';

/** One of the caller's licenses, as a search by a user's email sees it. */
export interface SearchedLicense {
  /** The caller's role on this license. */
  role: Role;
  /** The searched user holds a seat of it or was made its manager. */
  heldBySearched: boolean;
}

/**
 * Searching one's licenses by a user's email: a manager finds which of their licenses that user
 * holds; anyone else only ever finds themself, so nobody learns what a colleague holds.
 */
export function showsInHolderSearch(license: SearchedLicense, searchedEmail: string, callerEmail: string): boolean {
  if (!license.heldBySearched) return false;
  return license.role === 'license_manager' || normalizeEmail(searchedEmail) === normalizeEmail(callerEmail);
}
