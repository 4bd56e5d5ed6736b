/** No 0/O, 1/l/I: the manager reads it out or types it into a mail. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * An initial password for an account created by `user.assign`: made when the command is queued,
 * so the manager sees it at once, even offline. 14 characters of a 57-symbol alphabet (~81 bits).
 */
export function generateInitialPassword(length = 14): string {
  const bytes = new Uint8Array(length * 2);
  globalThis.crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
  let out = '';
  // Rejection sampling keeps every symbol equally likely.
  for (const b of bytes) {
    if (b >= 228) continue; // 228 = 4 * 57
    out += ALPHABET[b % ALPHABET.length];
    if (out.length === length) return out;
  }
  return out + generateInitialPassword(length - out.length);
}
