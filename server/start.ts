import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSignInLimits } from './auth/rate-limit';
import { createApp } from './app';
import { openDatabase, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { hasCompanies } from './db/users';
import { seedDemo } from './admin/seed';

export interface StartOptions {
  /** 0 = any free port. */
  port: number;
  databaseUrl: string;
  /** Seed the demo company when the database is empty. */
  seed?: boolean;
  staticDir?: string;
  publicUrl?: string;
  hostname?: string;
  /** Clock, for tests of expiry. */
  now?: () => Date;
  rateLimits?: { account: number; address: number };
  /** Where unexpected errors are logged (default: stderr). */
  log?: (message: string, error?: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds it if asked, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const db = await openDatabase(options.databaseUrl);
  await migrateToLatest(db);
  const seeded = options.seed !== false && !(await hasCompanies(db.kysely));
  if (seeded) await seedDemo(db);
  const limits = createSignInLimits(options.rateLimits?.account, options.rateLimits?.address);
  const app = createApp(
    {
      db,
      now: options.now ?? (() => new Date()),
      limits,
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    },
    { ...(options.staticDir ? { staticDir: options.staticDir } : {}), ...(options.log ? { log: options.log } : {}) },
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    // Without a hostname Node listens on every interface, IPv4 and IPv6, so `localhost` works either way.
    const s = serve(
      { fetch: app.fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    db,
    seeded,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.close();
    },
  };
}
