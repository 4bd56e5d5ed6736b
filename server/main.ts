import { httpUrlSetting } from './config';
import { startServer } from './start';
import { DEMO } from './admin/seed';
import { findCompanyByPublicId } from './db/users';

/** `npm start` / `node --import tsx server/main.ts`: configured by the environment. */
async function main(): Promise<void> {
  const env = process.env;
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT: "${env.PORT}" is not a port number (0-65535)`);
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]/i.test(publicUrl))
    throw new Error(`PUBLIC_URL: "${publicUrl}" is not an http:// or https:// URL`);
  const trustProxy = env.TRUST_PROXY === undefined || env.TRUST_PROXY === '' ? 0 : Number(env.TRUST_PROXY);
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10)
    throw new Error(`TRUST_PROXY: "${env.TRUST_PROXY}" is not a number of reverse proxies (0-10)`);
  const vendorLinks = {
    contact: httpUrlSetting('CONTACT_URL', env.CONTACT_URL),
    upgrade: httpUrlSetting('UPGRADE_URL', env.UPGRADE_URL),
  };
  const server = await startServer({
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/portal.db',
    seed: env.SEED !== '0',
    staticDir: env.STATIC_DIR || 'dist/pwa',
    ...(publicUrl ? { publicUrl } : {}),
    trustProxy,
    vendorLinks,
    // All interfaces by default (an on-premise server is reached by others); HOST narrows it.
    ...(env.HOST ? { hostname: env.HOST } : {}),
  });
  // The demo sign-ins only where the demo company is there (a database seeded now or before),
  // printed before the "listening" line that scripts and tests wait for.
  if (await findCompanyByPublicId(server.db.kysely, DEMO.companyId)) {
    console.log(`Demo sign-in: Company ID ${DEMO.companyId}`);
    console.log(`  manager:      ${DEMO.manager.email} / ${DEMO.manager.password}`);
    console.log(`  license user: ${DEMO.user.email} / ${DEMO.user.password}`);
  }
  console.log(`Seat Portal listening on ${server.url}`);
  if (!publicUrl)
    console.log(`Links for the extension point at ${server.publicUrl}: set PUBLIC_URL if users reach it otherwise.`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Seat Portal stopping (${signal})`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Seat Portal could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
