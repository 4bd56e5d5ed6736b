import { meets, type Measure, type Target } from './suites/types';

const num = (x: number) =>
  Number.isInteger(x) || Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);

/** The measures as a Markdown table: value, target, baseline, ratio, and whether the target is met. */
export function renderTable(measures: readonly Measure[]): string {
  const rows = measures.map((m) => {
    const met = meets(m);
    return [
      m.id,
      m.what,
      `${num(m.value)} ${m.unit}`,
      m.target ? `${m.target.op} ${m.target.value} ${m.unit}` : '',
      m.baseline === undefined ? '' : num(m.baseline),
      m.ratio === undefined ? '' : `${num(m.ratio)}x`,
      met === undefined ? '' : met ? 'yes' : 'NO',
    ];
  });
  const head = ['measure', 'what', 'value', 'target', 'baseline', 'ratio', 'met'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

/** One suite's rows in bench-results.json, with when and on what machine they were measured. */
interface SuiteResults {
  /** ISO time the suite's run ended. */
  date: string;
  /** Cores, CPU model and load average at the end of that run. */
  machine: string;
  measures: Record<string, MeasureJson>;
}

/** bench-results.json: the latest results of every suite; a run of some suites replaces only theirs. */
export interface ResultsFile {
  suites: Record<string, SuiteResults>;
}

interface MeasureJson {
  what: string;
  value: number;
  unit: string;
  /** `<= 50`: the operator and the value, in the measure's unit. */
  target?: string;
  met?: boolean;
  baseline?: number;
  ratio?: number;
  note?: string;
}

function measureToJson(m: Measure): MeasureJson {
  return {
    what: m.what,
    value: Number(m.value.toFixed(3)),
    unit: m.unit,
    ...(m.target ? { target: `${m.target.op} ${m.target.value}`, met: meets(m) } : {}),
    ...(m.baseline === undefined ? {} : { baseline: Number(m.baseline.toFixed(3)) }),
    ...(m.ratio === undefined ? {} : { ratio: Number(m.ratio.toFixed(2)) }),
    ...(m.note ? { note: m.note } : {}),
  };
}

function measureFromJson(id: string, j: MeasureJson): Measure {
  const target = j.target === undefined ? undefined : /^(<=|>=) (\S+)$/.exec(j.target);
  return {
    id,
    what: j.what,
    value: j.value,
    unit: j.unit,
    ...(target ? { target: { op: target[1] as Target['op'], value: Number(target[2]) } } : {}),
    ...(j.baseline === undefined ? {} : { baseline: j.baseline }),
    ...(j.ratio === undefined ? {} : { ratio: j.ratio }),
    ...(j.note ? { note: j.note } : {}),
  };
}

/** One suite's measures from this run, with when it ended and the machine's load then. */
export interface SuiteRun {
  suite: string;
  measures: readonly Measure[];
  date: string;
  machine: string;
}

/** The suites that ran in place of their earlier rows; every other suite's rows and date stay as they were. */
export function mergeResults(previous: ResultsFile | undefined, ran: readonly SuiteRun[]): ResultsFile {
  const suites = { ...previous?.suites };
  for (const { suite, measures, date, machine } of ran) {
    suites[suite] = { date, machine, measures: Object.fromEntries(measures.map((m) => [m.id, measureToJson(m)])) };
  }
  return { suites };
}

/** An earlier bench-results.json, or undefined when it is missing or in an older layout (one run, no suites). */
export function readResults(text: string | undefined): ResultsFile | undefined {
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as Partial<ResultsFile>;
  return parsed.suites && typeof parsed.suites === 'object' ? (parsed as ResultsFile) : undefined;
}

/** RESULTS.md: one table per suite, in the runner's order, each with the date and machine it was measured on. */
export function renderResults(results: ResultsFile, order: readonly string[]): string {
  const names = [
    ...order.filter((n) => n in results.suites),
    ...Object.keys(results.suites).filter((n) => !order.includes(n)),
  ];
  const sections = names.map((name) => {
    const s = results.suites[name]!;
    const measures = Object.entries(s.measures).map(([id, j]) => measureFromJson(id, j));
    return `## ${name}\n\nRun on ${s.date.slice(0, 10)}; machine: ${s.machine}.\n\n${renderTable(measures)}`;
  });
  return `# Benchmark results\n\nBy \`npm run bench\`; a run of some suites (\`BENCH_ONLY\`) replaces only their tables.\n\n${sections.join('\n')}`;
}

/** The load average a suite ran under, from its machine line ("load average 1.2 / 1.9 / 2.6 at the end"). */
const loadOf = (machine: string) => /load average ([\d.]+)/.exec(machine)?.[1] ?? '?';

/**
 * README.md's Performance table: every measure that has a target, one row each, with its value,
 * its baseline and ratio, whether it is met, and the day and load average its suite ran at. The
 * bench writes it between README's bench marks on every run; a test compares the two, so the
 * README never says a figure bench-results.json does not hold.
 */
export function renderSummary(results: ResultsFile, order: readonly string[]): string {
  const names = [
    ...order.filter((n) => n in results.suites),
    ...Object.keys(results.suites).filter((n) => !order.includes(n)),
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = ['suite (day, load average)', 'what', 'measured', 'baseline (ratio)', 'target', 'met'];
  const rows = names.flatMap((name) => {
    const s = results.suites[name]!;
    return Object.entries(s.measures)
      .map(([id, j]) => measureFromJson(id, j))
      .filter((m) => m.target)
      .map((m) =>
        line([
          `${name} (${s.date.slice(0, 10)}, ${loadOf(s.machine)})`,
          m.what,
          `${num(m.value)} ${m.unit}`,
          m.baseline === undefined ? '' : `${num(m.baseline)}${m.ratio === undefined ? '' : ` (${num(m.ratio)}x)`}`,
          `${m.target!.op} ${num(m.target!.value)} ${m.unit}`,
          meets(m) ? 'yes' : '**no**',
        ]),
      );
  });
  return [line(head), line(head.map(() => '---')), ...rows].join('\n') + '\n';
}

/** README.md's bench marks: the summary table stands between them. */
export const SUMMARY_MARK = /(<!-- bench:summary -->\n)([\s\S]*?)(<!-- \/bench:summary -->)/;

/** README.md with its summary table replaced by `summary`. */
export function withSummary(readme: string, summary: string): string {
  if (!SUMMARY_MARK.test(readme)) throw new Error('README.md has no <!-- bench:summary --> marks');
  return readme.replace(SUMMARY_MARK, (_all, open: string, _old, close: string) => open + summary + close);
}
