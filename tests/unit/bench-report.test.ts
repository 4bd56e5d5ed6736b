import { describe, expect, it } from 'vitest';
import { mergeResults, readResults, renderResults } from '../bench/report';
import type { Measure } from '../bench/suites/types';

const measure = (id: string, value: number): Measure => ({
  id,
  what: `${id} in words`,
  value,
  unit: 'ms',
  target: { op: '<=', value: 50 },
  baseline: value * 10,
  ratio: 10,
});

const run = (suite: string, measures: Measure[], date: string) => ({
  suite,
  measures,
  date,
  machine: `2 cores, load on ${date}`,
});

describe('bench results', () => {
  it('keeps the rows and date of every suite a partial run did not measure', () => {
    const full = mergeResults(undefined, [
      run('sync', [measure('sync.ms', 40)], '2026-11-01T10:00:00Z'),
      run('status', [measure('status.p99', 20)], '2026-11-01T10:05:00Z'),
    ]);
    const partial = mergeResults(readResults(JSON.stringify(full)), [
      run('status', [measure('status.p99', 12)], '2026-11-02T09:00:00Z'),
    ]);

    expect(partial.suites.sync).toEqual(full.suites.sync);
    expect(partial.suites.status).toMatchObject({
      date: '2026-11-02T09:00:00Z',
      measures: { 'status.p99': { value: 12 } },
    });
    const markdown = renderResults(partial, ['sync', 'status']);
    expect(markdown.indexOf('## sync')).toBeLessThan(markdown.indexOf('## status'));
    expect(markdown).toContain('Run on 2026-11-01');
    expect(markdown).toContain('| sync.ms | sync.ms in words | 40 ms | <= 50 ms | 400 | 10x | yes |');
    expect(markdown).toContain('Run on 2026-11-02');
  });

  it('starts afresh from a results file in the old one-run layout', () => {
    expect(readResults(JSON.stringify({ date: '2026-11-01', machine: 'x', measures: {} }))).toBeUndefined();
  });
});
