import { meets, type Measure } from './suites/types';

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

/** bench-results.json: one entry per measure with value, unit, target and, where there is one, baseline and ratio. */
export function toJson(measures: readonly Measure[], machine: string) {
  return {
    date: new Date().toISOString(),
    machine,
    measures: Object.fromEntries(
      measures.map((m) => [
        m.id,
        {
          what: m.what,
          value: Number(m.value.toFixed(3)),
          unit: m.unit,
          ...(m.target ? { target: `${m.target.op} ${m.target.value}`, met: meets(m) } : {}),
          ...(m.baseline === undefined ? {} : { baseline: Number(m.baseline.toFixed(3)) }),
          ...(m.ratio === undefined ? {} : { ratio: Number(m.ratio.toFixed(2)) }),
          ...(m.note ? { note: m.note } : {}),
        },
      ]),
    ),
  };
}
