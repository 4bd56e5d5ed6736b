// `npm test`: lint, typecheck, builds (PWA, extension, server), Firefox add-on lint, then every Vitest project
// (unit, extension, server, reliability, e2e in Chromium, e2e in Firefox ESR). Prints one closing
// line `N passed, N failed` for CI.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const results = [];
const npx = (args) => ({ cmd: 'npx', args });

/** A check counts as one test: it passes or fails as a whole. */
function check(name, { cmd, args, env = process.env }) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = run.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

check('lint', { cmd: 'npm', args: ['run', '--silent', 'lint'] });
check('typecheck', npx(['vue-tsc', '--noEmit', '-p', 'tsconfig.json']));
const pwaBuilt = check('build:pwa', { cmd: 'npm', args: ['run', '--silent', 'build:pwa'] });
const extBuilt = check('build:ext', { cmd: 'npm', args: ['run', '--silent', 'build:ext'] });
check('build:server', { cmd: 'npm', args: ['run', '--silent', 'build:server'] });
if (extBuilt) check('lint:ext (addons-linter)', { cmd: 'npm', args: ['run', '--silent', 'lint:ext'] });

/**
 * One Vitest run; its JSON report becomes one line of the summary. With `log`, its output goes to
 * that file and is printed when it ends, so a run beside another does not interleave with it;
 * `timeoutMs` bounds it (a run stopped there has no report and counts as failed).
 */
function vitest(name, projects, { paths = [], env = withoutPostgres, log = null, timeoutMs = undefined } = {}) {
  const jsonFile = `.vitest-${name.replace(/\W+/g, '-')}.json`;
  rmSync(jsonFile, { force: true });
  console.log(
    `\n=== vitest ${name}: ${projects.join(', ')}${log ? ' (beside another suite; its output follows when it ends)' : ''}`,
  );
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...paths,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
  ];
  const out = log ? openSync(log, 'w') : 'inherit';
  // In its own process group, so that a run stopped at its time limit takes its browsers with it.
  const child = spawn('npx', args, { stdio: ['ignore', out, out], env, detached: timeoutMs !== undefined });
  let stopped = false;
  const stop = (signal) => {
    stopped = true;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const timers = timeoutMs
    ? [setTimeout(() => stop('SIGTERM'), timeoutMs), setTimeout(() => stop('SIGKILL'), timeoutMs + 15_000)]
    : [];
  return new Promise((done) => {
    child.once('close', () => {
      timers.forEach(clearTimeout);
      if (stopped) stop('SIGKILL'); // whatever of a stopped run outlived Vitest (a server, a browser)
      if (log) {
        closeSync(out);
        console.log(`\n=== vitest ${name}: its output\n${readFileSync(log, 'utf8')}`);
        rmSync(log, { force: true });
      }
      if (stopped) console.log(`=== vitest ${name}: stopped at its limit of ${timeoutMs / 60_000} minutes`);
      done(summarise(name, jsonFile));
    });
  });
}

function summarise(name, jsonFile) {
  if (!existsSync(jsonFile)) return results.push({ name: `vitest ${name} (no report)`, passed: 0, failed: 1 });
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  rmSync(jsonFile, { force: true });
  // A file that fails to load has no tests but must still fail the run.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.push({ name: `vitest ${name}`, passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles });
  // Named again in the summary, so that the end of a long CI log says what failed and where.
  for (const file of report.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.assertionResults.length === 0)
      failures.push(`${name}: ${where} (did not load)`);
    for (const t of file.assertionResults)
      if (t.status === 'failed')
        failures.push(`${name}: ${where} > ${t.fullName}\n      ${firstLine(t.failureMessages)}`);
  }
}

const failures = [];
const firstLine = (messages = []) => (messages[0] ?? '').split('\n')[0].slice(0, 300);

// The suites run on SQLite; with TEST_POSTGRES_URL (CI starts one) the API tests run again on
// PostgreSQL, each file in a fresh database there, together with two server instances sharing one.
const { TEST_POSTGRES_URL: postgresUrl, ...withoutPostgres } = process.env;
await vitest('unit, extension, server, reliability', ['unit', 'extension', 'server', 'reliability']);
const built = pwaBuilt && extBuilt;
// Firefox ESR (the PWA and the Firefox add-on) runs beside the API tests on PostgreSQL, which
// mostly wait on the database, one browser at a time and at most 15 minutes; without PostgreSQL
// it runs after the Chromium tests. The Chromium tests run alone: on 2 cores they should not
// compete with the other suites.
const firefox = () =>
  vitest('e2e in Firefox ESR', ['firefox'], postgresUrl ? { log: '.firefox-e2e.log', timeoutMs: 15 * 60_000 } : {});
if (postgresUrl)
  await Promise.all([
    vitest('server on PostgreSQL', ['server', 'reliability'], {
      paths: ['tests/api', 'tests/reliability/two-instances.test.ts'],
      env: process.env,
    }),
    built ? firefox() : null,
  ]);
else console.log('\n=== API tests on PostgreSQL skipped: set TEST_POSTGRES_URL (as .ci/run does) to run them');
if (built) {
  await vitest('e2e in Chromium', ['e2e']);
  if (!postgresUrl) await firefox();
} else console.log('\n=== e2e skipped: a build failed (counted as failed above)');
// The benchmark's smoke run: every suite once at small N, so `npm run bench` cannot rot unnoticed.
check('bench smoke (BENCH_SMOKE=1 npm run bench)', {
  cmd: 'npx',
  args: ['tsx', 'tests/bench/run.ts'],
  env: { ...withoutPostgres, BENCH_SMOKE: '1' },
});

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\n=== summary');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
if (failures.length) console.log(`\n=== failed tests\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync('.test-summary', line + '\n');
console.log(line);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
