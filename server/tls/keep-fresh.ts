import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { TlsCredentials } from './pem';

/** Where the served certificate comes from, read again on a change, SIGHUP or the twice-daily check. */
export interface CredentialSource {
  /** Files whose change means a renewed certificate (the operator's; none for the own CA). */
  files: string[];
  /** Reads (and for the own CA, renews when due) the credentials; throws with the reason when unusable. */
  load(now: Date): Promise<TlsCredentials>;
  /** Says which file it came from, for the log line. */
  describe(credentials: TlsCredentials): string;
}

export interface KeepFreshOptions {
  /** Serves new connections with these credentials (server.setSecureContext). */
  apply(credentials: TlsCredentials): void;
  log(message: string): void;
  now?: () => Date;
  /** Wait after a file event before reading, so a cert and key written one after the other load together. */
  debounceMs?: number;
  /** How often to check anyway (own CA: renewal; files: a change the watcher missed). */
  checkEveryMs?: number;
}

const TWICE_A_DAY = 12 * 60 * 60_000;

/**
 * Keeps the listener's certificate current without a restart: on SIGHUP, when a watched file
 * changes (the folder is watched, since renewal tools replace files rather than write into them)
 * and twice a day. New connections get the new certificate; open ones keep theirs. A certificate
 * that cannot be used leaves the current one in place and says why. Returns stop().
 */
export function keepFresh(source: CredentialSource, current: TlsCredentials, options: KeepFreshOptions): () => void {
  const now = options.now ?? (() => new Date());
  let serving = current.leaf.fingerprint256;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const reload = (why: string) => {
    running = running.then(async () => {
      try {
        const next = await source.load(now());
        if (next.leaf.fingerprint256 === serving) return;
        options.apply(next);
        serving = next.leaf.fingerprint256;
        options.log(`TLS (${why}): now serving ${source.describe(next)}`);
      } catch (error) {
        options.log(`TLS (${why}): kept the current certificate: ${(error as Error).message}`);
      }
    });
    return running;
  };

  const onHangup = () => void reload('SIGHUP');
  process.on('SIGHUP', onHangup);
  const watchers: FSWatcher[] = [];
  for (const dir of new Set(source.files.map((f) => dirname(f)))) {
    const names = new Set(source.files.filter((f) => dirname(f) === dir).map((f) => basename(f)));
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name !== null && !names.has(name.toString()) && !name.toString().startsWith('..')) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload('file changed'), options.debounceMs ?? 1000);
        timer.unref();
      });
      watcher.unref();
      watchers.push(watcher);
    } catch (error) {
      options.log(`TLS: cannot watch ${dir} (${(error as Error).message}); send SIGHUP after renewing the certificate`);
    }
  }
  const check = setInterval(() => void reload('scheduled check'), options.checkEveryMs ?? TWICE_A_DAY);
  check.unref();

  return () => {
    process.off('SIGHUP', onHangup);
    clearTimeout(timer);
    clearInterval(check);
    for (const watcher of watchers) watcher.close();
  };
}
