// `npm start`: build the PWA and the server when their sources are newer than their builds, then
// run the portal server from its build (migrates and seeds ./data/portal.db on first start; PORT
// and DATABASE_URL as in the README).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { ensureServerBuilt, newestMtime, runServerEntry } from './server-build.mjs';

const built = 'dist/pwa/index.html';
const sources = ['pwa', 'shared'].filter(existsSync);
const stale = !existsSync(built) || sources.some((dir) => newestMtime(dir) > statSync(built).mtimeMs);
if (stale) {
  console.log('Building the PWA (first start or sources changed)...');
  const build = spawnSync('npm', ['run', '--silent', 'build:pwa'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
ensureServerBuilt();
runServerEntry('main', []);
