/** Length of a generated initial password. */
export const GENERATED_PASSWORD_LENGTH = 14;

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
 * Whether a password has the shape of generatePassword's output: 14 symbols of the alphabet, at
 * least 10 of them different. Random output has that shape 99.5% of the time; a typed word or a
 * pattern such as "aaaa..." or "abcabc..." does not, so only secrets with ~80 bits of entropy pass.
 */
export function hasGeneratedShape(password: string): boolean {
  if (password.length !== GENERATED_PASSWORD_LENGTH) return false;
  if (![...password].every((c) => PASSWORD_ALPHABET.includes(c))) return false;
  return new Set(password).size >= 10;
}

/**
 * How long a device keeps an initial password after its command was done (the Changes page shows
 * it for copying until then): long enough to pass it on the same day, short enough that a lost or
 * shared device does not hold a stack of working passwords. The account changes it at first sign-in.
 */
export const INITIAL_PASSWORD_KEEP_HOURS = 24;
