import { startServer } from './start';
import { DEMO } from './admin/seed';

/** `npm start` / `node --import tsx server/main.ts`: configured by the environment. */
async function main(): Promise<void> {
  const env = process.env;
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT: "${env.PORT}" is not a port number (0-65535)`);
  const server = await startServer({
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/portal.db',
    seed: env.SEED !== '0',
    staticDir: env.STATIC_DIR || 'dist/pwa',
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    // All interfaces by default (an on-premise server is reached by others); HOST narrows it.
    ...(env.HOST ? { hostname: env.HOST } : {}),
  });
  console.log(`Seat Portal listening on ${server.url}`);
  console.log(`Demo sign-in: Company ID ${DEMO.companyId}`);
  console.log(`  manager:      ${DEMO.manager.email} / ${DEMO.manager.password}`);
  console.log(`  license user: ${DEMO.user.email} / ${DEMO.user.password}`);

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
