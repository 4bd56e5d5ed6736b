/** The Web Lock every tab of the portal competes for: only its holder sends. */
const SYNC_LOCK = 'seat-portal-sync';

let heldInThisRealm = false;

/**
 * Run `fn` holding the sender lock, or return null at once when another tab (or another run in
 * this tab) holds it. Without Web Locks (old browsers, unit tests) an in-process flag stands in.
 */
export async function withSenderLock<T>(fn: () => Promise<T>): Promise<T | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) {
    return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) => (lock ? fn() : null));
  }
  if (heldInThisRealm) return null;
  heldInThisRealm = true;
  try {
    return await fn();
  } finally {
    heldInThisRealm = false;
  }
}
