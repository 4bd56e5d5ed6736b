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
export function generatePassword(randomBytes: (n: number) => Uint8Array, length = 14): string {
  let password = '';
  while (password.length < length) {
    for (const byte of randomBytes(length - password.length)) {
      if (byte < UNBIASED_BELOW) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}
