import { generatePassword } from '../domain';

/**
 * An initial password for an account created by `user.assign`: made when the command is queued,
 * so the manager sees it at once, even offline.
 */
export const generateInitialPassword = (length = 14): string =>
  generatePassword((n) => globalThis.crypto.getRandomValues(new Uint8Array(n)), length);
