// The portal server runs from its build (dist/server, see vite.server.config.ts), not through a
// TypeScript loader: `npm start`, `npm run vendor` and `npm run admin` build it first when its
// sources are newer than the build. `node scripts/server-build.mjs <main|cli|admin|verify> [args]` runs one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = ['main', 'cli', 'admin', 'verify'];

/** The newest modification time under `path` (a file or a folder), test files left out. */
export function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Builds dist/server when it is missing or older than the server's sources; exits on failure. */
export function ensureServerBuilt({ quiet = false } = {}) {
  const built = join(root, 'dist/server/main.mjs');
  const sources = ['server', 'shared', 'vite.server.config.ts', 'package-lock.json'].map((p) => join(root, p));
  const stale =
    !existsSync(built) ||
    entries.some((e) => !existsSync(join(root, `dist/server/${e}.mjs`))) ||
    sources.some((p) => existsSync(p) && newestMtime(p) > statSync(built).mtimeMs);
  if (!stale) return;
  if (!quiet) console.error('Building the server (first start or sources changed)...');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Runs one entry of the build in a child Node process, passing signals on and its exit code back. */
export function runServerEntry(entry, args) {
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      ...(entry === 'main' ? SERVER_NODE_FLAGS : []),
      join(root, `dist/server/${entry}.mjs`),
      ...args,
    ],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entries.includes(entry ?? '')) {
    console.error(`Usage: node scripts/server-build.mjs <${entries.join('|')}> [arguments]`);
    process.exit(2);
  }
  // The CLIs print JSON for scripts: the build's own lines go nowhere there.
  ensureServerBuilt({ quiet: entry !== 'main' });
  runServerEntry(entry, args);
}
