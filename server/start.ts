import type { Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { VendorLinks } from '@shared/domain';
import type { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { COUNTER_SWEEP_EVERY_MS, createSignInLimits, type SignInPolicy } from './auth/rate-limit';
import { createApp } from './app';
import { answerMalformedRequest } from './http/malformed';
import type { AppEnv } from './http/env';
import { openDatabase, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { hasCompanies } from './db/users';
import { DEMO, seedDemo } from './admin/seed';
import { companiesSignedByOthers, unsignedCompanies } from './db/license-files';
import type { PublicKey } from './licensing/keys';
import { vendorTrust, type VendorTrust } from './licensing/trust';
import { serverKey } from './services/server-key';
import { startCounterSweeps } from './services/sign-in-limits';
import { signDemoCompany } from './vendor/demo';
import { secureAdapterOptions, tuneSecureServer, type PemPair } from './tls/secure-server';
import { observeHttp } from './observe/http-observer';
import { silentLogger, type Logger } from './observe/logger';
import type { Metrics } from './observe/metrics';

export interface StartOptions {
  /** 0 = any free port. */
  port: number;
  databaseUrl: string;
  /** Seed the demo company when the database is empty. */
  seed?: boolean;
  staticDir?: string;
  /** The portal's origin as users reach it; default: this server's own (see ownOrigin). */
  publicUrl?: string;
  hostname?: string;
  /** The host this server's own origin names (its URL, PUBLIC_URL's default); default: HOST, or localhost when listening on every interface. */
  advertisedHost?: string;
  /** A certificate chain and key: HTTPS (HTTP/2 and HTTP/1.1) instead of plain HTTP. */
  tls?: PemPair;
  /** Reverse proxies in front whose X-Forwarded-For and X-Forwarded-Proto to believe (default 0). */
  trustProxy?: number;
  /** CONTACT_URL and UPGRADE_URL: the vendor's pages a company without its own links gets (default: none). */
  vendorLinks?: VendorLinks;
  /** Clock, for tests of expiry. */
  now?: () => Date;
  /** Sign-in limits other than the defaults (tests). */
  rateLimits?: Partial<SignInPolicy>;
  /** How often ended sign-in counters are deleted (default COUNTER_SWEEP_EVERY_MS, a minute; tests). */
  counterSweepEveryMs?: number;
  /** Where unexpected errors are logged (default: `logger`). */
  log?: (message: string, error?: unknown, requestId?: string) => void;
  /** The JSON log (observe/logger.ts): a line per request, errors; default: none. */
  logger?: Logger;
  /** Prometheus metrics to count into (observe/metrics.ts); default: none. */
  metrics?: Metrics;
  /** SHUTDOWN_TIMEOUT: how long stop() lets requests in flight finish before it cuts them off (default 10 s). */
  shutdownTimeoutMs?: number;
  /** VENDOR_PUBLIC_KEY_FILE: the vendor's public key files, comma-separated (default: the demo key of the data folder). */
  vendorPublicKeyFile?: string;
}

/** What the server trusts and signs with, for the start message. */
interface LicensingState {
  vendorTrust: VendorTrust;
  serverKeyFingerprint: string;
  /** The demo company's license file was signed now with the demo vendor key at this path. */
  demoSignedWith: string | null;
  /** Companies with no signed license file yet (an older database). */
  unsigned: string[];
  /** Companies whose license file is signed by a key this server no longer trusts (the demo key, once a real one is set). */
  untrusted: string[];
}

export interface RunningServer {
  /** This server's own origin (https:// with TLS). */
  url: string;
  /** The origin of the portal's links: PUBLIC_URL's, or this server's own. */
  publicUrl: string;
  port: number;
  db: Db;
  seeded: boolean;
  licensing: LicensingState;
  /** Serves new connections with another certificate (a renewal); open ones keep theirs. Throws without TLS. */
  setTlsCredentials(pair: PemPair): void;
  /**
   * Stops accepting connections, lets the requests in flight finish (at most shutdownTimeoutMs;
   * then their connections are cut), closes the database. Resolves with how many requests were
   * still in flight when it began, and how many it had to cut off.
   */
  stop(): Promise<{ inFlight: number; cutOff: number }>;
  /** Requests whose answer is not finished yet. */
  inFlight(): number;
}

/** Opens and migrates the database, seeds it if asked, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const db = await openDatabase(options.databaseUrl);
  await migrateToLatest(db);
  const seeded = options.seed !== false && !(await hasCompanies(db.kysely));
  if (seeded) await seedDemo(db);
  const ownKey = await serverKey(db);
  const configured = options.vendorPublicKeyFile?.trim();
  const demoSignedWith =
    seeded && !configured
      ? (await signDemoCompany(db, options.databaseUrl, DEMO.companyId, ownKey.publicKey.fingerprint)).keyPath
      : null;
  const trust = await vendorTrust(configured ? { VENDOR_PUBLIC_KEY_FILE: configured } : {}, options.databaseUrl);
  const licensing: LicensingState = {
    vendorTrust: trust,
    serverKeyFingerprint: ownKey.publicKey.fingerprint,
    demoSignedWith,
    unsigned: await unsignedCompanies(db.kysely),
    untrusted: await companiesSignedByOthers(
      db.kysely,
      trust.keys.map((k) => k.fingerprint),
    ),
  };
  const vendorKeys: PublicKey[] = trust.keys;
  // Listen first, so the links of /status can name this server's own address when PUBLIC_URL is
  // not set. `app` is built right after listen() returns, before any connection is read.
  const fetch = (request: Request, env: unknown) => app.fetch(request, env);
  const secure = options.tls ? createAdaptorServer({ fetch, ...secureAdapterOptions(options.tls) }) : undefined;
  const server = secure ?? createAdaptorServer({ fetch });
  const closeSecureConnections = secure ? tuneSecureServer(secure as Http2SecureServer) : undefined;
  server.on('clientError', answerMalformedRequest);
  const logger = options.logger ?? silentLogger();
  const observer = observeHttp(server, logger, options.metrics);
  let stopping = false;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Without a hostname Node listens on every interface, IPv4 and IPv6, so `localhost` works either way.
    server.listen(options.port, options.hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = ownOrigin(options.hostname, port, { tls: !!options.tls, advertisedHost: options.advertisedHost });
  const publicUrl = options.publicUrl ? new URL(options.publicUrl).origin : url;
  const now = options.now ?? (() => new Date());
  const log =
    options.log ??
    ((message: string, error?: unknown, requestId?: string) =>
      logger.error({ reqId: requestId, err: error instanceof Error ? error : undefined }, message));
  const stopSweeps = startCounterSweeps(db, now, options.counterSweepEveryMs ?? COUNTER_SWEEP_EVERY_MS, log);
  const app: Hono<AppEnv> = createApp(
    {
      db,
      now,
      limits: createSignInLimits(options.rateLimits),
      publicUrl,
      serverKey: ownKey,
      vendorKeys,
      ...(options.vendorLinks ? { vendorLinks: options.vendorLinks } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    {
      ...(options.staticDir ? { staticDir: options.staticDir } : {}),
      log,
      trustProxy: options.trustProxy ?? 0,
      stopping: () => stopping,
    },
  );
  return {
    url,
    publicUrl,
    port,
    db,
    seeded,
    licensing,
    setTlsCredentials(pair) {
      if (!secure) throw new Error('setTlsCredentials: this server speaks plain HTTP');
      (secure as Http2SecureServer).setSecureContext(pair);
    },
    inFlight: () => observer.inFlight(),
    async stop() {
      stopping = true;
      const inFlight = observer.inFlight();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections go now (their clients reconnect elsewhere); busy ones finish their request.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs ?? 10_000);
      });
      const finished = await Promise.race([observer.idle(), timedOut]);
      clearTimeout(timer);
      const cutOff = finished === 'timeout' ? observer.inFlight() : 0;
      // What is left is idle (or past the timeout): keep-alive connections would hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections();
      closeSecureConnections?.();
      await closed;
      await stopSweeps();
      await db.close();
      return { inFlight, cutOff };
    },
  };
}

/**
 * The origin this server names itself by: http(s)://HOST:PORT when listening on one address, else
 * the advertised host (the machine's network address, with TLS) or localhost.
 */
function ownOrigin(
  hostname: string | undefined,
  port: number,
  how: { tls?: boolean; advertisedHost?: string | undefined } = {},
): string {
  const everywhere = !hostname || hostname === '0.0.0.0' || hostname === '::';
  const host = how.advertisedHost ?? (everywhere ? 'localhost' : hostname);
  // URL's origin leaves out a scheme's default port (https://portal, not https://portal:443).
  return new URL(`${how.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
}
