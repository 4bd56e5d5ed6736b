import { httpUrlSetting } from './config';
import { startServer } from './start';
import { licensingLines } from './licensing/start-lines';
import { DEMO } from './admin/seed';
import { findCompanyByPublicId } from './db/users';
import { keepFresh } from './tls/keep-fresh';
import { advertisedHost } from './tls/names';
import { prepareTls } from './tls/prepare';
import { startRedirect } from './tls/redirect';
import { readNetworkSettings } from './tls/settings';

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
  // Loopback unless HOST says otherwise; HTTPS on the network (see tls/settings.ts).
  const network = readNetworkSettings(env, port);
  const tls = network.tls ? await prepareTls(network.tls, publicUrl ? new URL(publicUrl) : null, new Date()) : null;
  for (const line of tls?.lines ?? []) console.log(line);
  for (const warning of tls?.warnings ?? []) console.warn(`Warning: ${warning}`);
  const server = await startServer({
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/portal.db',
    seed: network.seed,
    staticDir: env.STATIC_DIR || 'dist/pwa',
    ...(publicUrl ? { publicUrl } : {}),
    trustProxy,
    vendorLinks,
    ...(env.VENDOR_PUBLIC_KEY_FILE ? { vendorPublicKeyFile: env.VENDOR_PUBLIC_KEY_FILE } : {}),
    hostname: network.hostname,
    advertisedHost: advertisedHost(env.HOST, network.hostname, tls !== null),
    ...(tls ? { tls: { cert: tls.credentials.cert, key: tls.credentials.key } } : {}),
  });
  const stopRenewing = tls
    ? keepFresh(tls.source, tls.credentials, { apply: (c) => server.setTlsCredentials(c), log: console.log })
    : undefined;
  const redirect =
    network.redirectPort === null
      ? undefined
      : await startRedirect(
          network.redirectPort,
          network.hostname,
          server.publicUrl.startsWith('https:') ? server.publicUrl : server.url,
        );
  // The demo sign-ins only where the demo company is there (a database seeded now or before),
  // printed before the "listening" line that scripts and tests wait for.
  if (!(await findCompanyByPublicId(server.db.kysely, DEMO.companyId))) {
    if (network.seedNote) console.log(network.seedNote);
  } else {
    if (!network.loopback)
      console.warn(
        'Warning: the demo company and its published passwords are in this database, reachable from the network.',
      );
    console.log(`Demo sign-in: Company ID ${DEMO.companyId}`);
    console.log(`  manager:      ${DEMO.manager.email} / ${DEMO.manager.password}`);
    console.log(`  license user: ${DEMO.user.email} / ${DEMO.user.password}`);
  }
  for (const line of licensingLines(server.licensing)) console.log(line);
  console.log(`Seat Portal listening on ${server.url}`);
  if (redirect) console.log(`  and redirecting plain HTTP on port ${redirect.port} to it`);
  if (!publicUrl)
    console.log(`Links for the extension point at ${server.publicUrl}: set PUBLIC_URL if users reach it otherwise.`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Seat Portal stopping (${signal})`);
    stopRenewing?.();
    Promise.all([server.stop(), redirect?.stop()]).then(
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
