/**
 * Password hashes made in bulk (the initial passwords of a sync request) wait here and run at most
 * BULK_HASHES_AT_ONCE at a time, in arrival order, across every request of this process. scrypt
 * runs on libuv's thread pool (4 threads; 2 cores here): hundreds of hashes queued there at once
 * would make a sign-in's own scrypt wait behind all of them (300 of them held a sign-in up for
 * 9-10 s). Two at a time keep both cores busy, so bulk hashing goes as fast as the machine allows,
 * and leave two threads free for sign-ins and password changes, which hash right away.
 */
export const BULK_HASHES_AT_ONCE = 2;

const waiting: Array<() => void> = [];
let running = 0;

function next(): void {
  if (running >= BULK_HASHES_AT_ONCE) return;
  const start = waiting.shift();
  if (!start) return;
  running += 1;
  start();
}

/** Runs `work` (one hash) when a bulk slot is free; resolves with its result. */
export function inBulkQueue<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      work()
        .then(resolve, reject)
        .finally(() => {
          running -= 1;
          next();
        });
    });
    next();
  });
}
