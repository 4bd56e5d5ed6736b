/** Length of a generated initial password. */
const GENERATED_PASSWORD_LENGTH = 14;

/**
 * Letters and digits a person can read out or copy from a mail without doubt: no 0/O/o and no
 * 1/l/I/i. 55 symbols, so a 14-character password carries about 81 bits.
 */
export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * 256 is no multiple of 55: bytes from 220 (4 x 55) up would make the first symbols likelier,
 * so they are dropped and drawn again (rejection sampling).
 */
const UNBIASED_BELOW = 256 - (256 % PASSWORD_ALPHABET.length);

/**
 * A random initial password, every symbol equally likely. `randomBytes(n)` returns n random
 * bytes: the caller passes its platform's cryptographic source.
 */
export function generatePassword(randomBytes: (n: number) => Uint8Array, length = GENERATED_PASSWORD_LENGTH): string {
  let password = '';
  while (password.length < length) {
    for (const byte of randomBytes(length - password.length)) {
      if (byte < UNBIASED_BELOW) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}

/**
 * How long a device keeps an initial password after its command was done (the Changes page shows
 * it for copying until then): long enough to pass it on the same day, short enough that a lost or
 * shared device does not hold a stack of working passwords. The account changes it at first sign-in.
 */
export const INITIAL_PASSWORD_KEEP_HOURS = 24;

/**
 * How long an initial password a manager's change set (a new account, a reset) may be used for the
 * first sign-in: after that the user asks for a new one. A password handed over and then forgotten
 * in a mail or a chat stops being a way in.
 */
export const INITIAL_PASSWORD_VALID_DAYS = 7;

/** When an initial password set at `at` (ISO-8601) stops working, ISO-8601. */
export function initialPasswordExpiresAt(at: string): string {
  return new Date(Date.parse(at) + INITIAL_PASSWORD_VALID_DAYS * 86_400_000).toISOString();
}
