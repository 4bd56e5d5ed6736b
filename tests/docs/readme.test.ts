import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LICENSE_STATUSES, LICENSE_TYPES, SUBSCRIPTION_KINDS } from '@shared/domain';
import { MAX_BATCH } from '@shared/schemas';
import { COMMANDS } from '../../server/admin/commands';
import { COUNTER_SWEEP_EVERY_MS } from '../../server/auth/rate-limit';
import { ADMIN_COMMANDS } from '../../server/operate/commands';
import { CHUNK_SIZE } from '../../server/services/sync';
import { readResults, renderSummary, SUMMARY_MARK } from '../bench/report';
import { SUITES } from '../bench/suites';
import { REPO_ROOT } from '../support/portal-server';
import { figure, figuresMark } from '../support/readme-figures';

/**
 * The READMEs are the operator's contract: a number or a list they give that the code decides is
 * read back from the code here, so the text cannot drift from it again. (The authorization
 * matrix checks its own size against README.md; the export's file name is checked beside it.)
 */
const text = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const readme = text('README.md');
const serverReadme = text('server/README.md');
/** One Markdown section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, `a section "${heading}"`).toBeGreaterThan(-1);
  const level = heading.split(' ')[0]!;
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return next === -1 ? rest : rest.slice(0, next);
}

describe('the sync numbers the READMEs give are the code`s', () => {
  it('chunks of CHUNK_SIZE commands, at most MAX_BATCH a request, so a full request is one chunk', () => {
    expect(readme).toContain(`applies a request in chunks of ${figure(CHUNK_SIZE)} commands`);
    expect(serverReadme).toContain(`in chunks of ${figure(CHUNK_SIZE)}`);
    expect(readme).toContain(`\`{clientId, commands}\` (at most ${figure(MAX_BATCH)})`);
    expect(CHUNK_SIZE).toBeGreaterThanOrEqual(MAX_BATCH);
  });

  it('ended sign-in counters are deleted once a minute', () => {
    expect(COUNTER_SWEEP_EVERY_MS).toBe(60_000);
    expect(readme).toContain('each server process deletes the ended ones once a minute');
  });
});

describe('server/README.md lists every command and option of both command lines', () => {
  const vendor = section(serverReadme, '### Vendor CLI');
  const admin = section(serverReadme, '### Admin CLI');
  const listing = vendor.slice(vendor.indexOf('```'), vendor.indexOf('```', vendor.indexOf('```') + 3));
  /** A listed command: its lines (a `\` continues one) starting with its name. */
  const entry = (name: string) =>
    listing
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => line.startsWith(`${name} `) || line === name)
      .join('\n');

  it.each(Object.entries(COMMANDS))('vendor %s, with each of its options', (name, command) => {
    const line = entry(name);
    expect(line, name).not.toBe('');
    for (const option of Object.keys(command.options)) expect(line, `${name} --${option}`).toContain(`--${option}`);
  });

  it('no vendor command the CLI does not have', () => {
    const listed = listing
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => /^[a-z]/.test(line))
      .map((line) => Object.keys(COMMANDS).find((name) => line === name || line.startsWith(`${name} `)));
    expect(listed).not.toContain(undefined);
  });

  it.each(Object.entries(ADMIN_COMMANDS))('admin %s, with each of its options and arguments', (name, command) => {
    const row = admin.split('\n').find((line) => line.startsWith(`| \`${name} `) || line.startsWith(`| \`${name}\``));
    expect(row, name).toBeDefined();
    for (const option of Object.keys(command.options)) expect(row, `${name} --${option}`).toContain(`--${option}`);
    for (const positional of command.positionals ?? []) expect(row, `${name} ${positional}`).toContain(positional);
  });

  it('with the values --kind, --type and --status take', () => {
    expect(entry('license create')).toContain(`--kind ${SUBSCRIPTION_KINDS.join('|')}`);
    expect(entry('license create')).toContain(`--type ${LICENSE_TYPES.join('|')}`);
    expect(entry('license change')).toContain(`--status ${LICENSE_STATUSES.join('|')}`);
    expect(entry('license create')).toContain('--valid-until DATE|ISO|never');
  });

  it('and the exit codes both share', () => {
    const codes = section(serverReadme, '## Command lines');
    for (const code of ['| 0 | done', '| 1 | refused', '| 2 | a bad command line']) expect(codes).toContain(code);
  });
});

describe('the reliability suites` figures are their defaults', () => {
  const source = (path: string) => text(path);
  // The figures the suites write themselves stand between comments (tests/support/readme-figures.ts).
  const table = section(readme, '## Reliability and security').replace(/<!-- \/?figures:\w+ -->/g, '');

  it.each(['chaos', 'fuzz'])('%s writes its own figures: its marks are in its row', (name) => {
    expect(readme).toMatch(figuresMark(name));
  });

  it('fuzz: FUZZ_RUNS requests', () => {
    const runs = Number(/FUZZ_RUNS \?\? ([\d_]+)/.exec(source('tests/reliability/fuzz.test.ts'))![1]!.replace(/_/g, ''));
    expect(table).toContain(`| ${figure(runs)} requests`);
  });

  it('whole lists: LIST_MEMORY_DEVICES devices and the RSS limit', () => {
    const file = source('tests/reliability/list-memory.test.ts');
    const devices = Number(/LIST_MEMORY_DEVICES \?\? ([\d_]+)/.exec(file)![1]!.replace(/_/g, ''));
    const limit = Number(/RSS_LIMIT_MB = (\d+)/.exec(file)![1]);
    expect(table).toContain(`| ${figure(devices)} devices (\`LIST_MEMORY_DEVICES\`)`);
    expect(table).toContain(`RSS at most ${limit} MB`);
  });

  it('property tests: PROPERTY_RUNS of each', () => {
    const runs = ['shared/domain/rules.property.test.ts', 'shared/sync/outbox.property.test.ts'].map((path) =>
      Number(/PROPERTY_RUNS \?\? (\d+)/.exec(source(path))![1]),
    );
    expect(table).toContain(`| ${runs[0]} and ${runs[1]} runs`);
  });
});

describe('README.md says in which order npm test runs its steps', () => {
  // Each step where scripts/test.mjs runs it, and as the README's Tests section names it.
  const steps: Array<[script: string, readme: string]> = [
    ["check('lint'", 'ESLint and Prettier'],
    ["check('typecheck'", '`vue-tsc --noEmit`'],
    ["check('build:pwa'", 'the PWA, extension and server builds'],
    ["check('lint:ext", "Mozilla's addons-linter"],
    ["vitest('unit, extension, server, reliability'", "then Vitest's `unit`"],
    ["vitest('e2e in Chromium'", 'then `e2e`'],
    // Without PostgreSQL; with it, Firefox runs beside its API pass, before Chromium (README says so too).
    ['if (!postgresUrl) await firefox()', 'and `firefox`'],
    ["check('bench smoke", "and last the benchmark's smoke run"],
  ];

  it('the order scripts/test.mjs runs them in', () => {
    const script = text('scripts/test.mjs');
    const tests = section(readme, '## Tests');
    const at = (haystack: string, needle: string) => {
      const index = haystack.indexOf(needle);
      expect(index, needle).toBeGreaterThan(-1);
      return index;
    };
    const inScript = steps.map(([step]) => at(script, step));
    const inReadme = steps.map(([, words]) => at(tests, words));
    expect(inScript).toEqual([...inScript].sort((a, b) => a - b));
    expect(inReadme).toEqual([...inReadme].sort((a, b) => a - b));
  });
});

describe('README.md`s Performance table is what the bench measured', () => {
  it('equals the summary of bench-results.json, as npm run bench writes it', () => {
    const results = readResults(text('bench-results.json'));
    expect(results, 'bench-results.json in the suites layout').toBeDefined();
    const written = SUMMARY_MARK.exec(readme);
    expect(written, 'README.md has its <!-- bench:summary --> marks').not.toBeNull();
    expect(written![2]).toBe(
      renderSummary(
        results!,
        SUITES.map((s) => s.name),
      ),
    );
  });
});
