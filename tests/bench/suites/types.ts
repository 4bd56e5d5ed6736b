import type { Browser } from 'playwright-core';
import type { PortalServer, PortalServerOptions } from '../../support/portal-server';

/** A target a measure is held to: `<= 50` (ms, smaller is better) or `>= 40` (x, larger is better). */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** One row of the results: what was measured, its value, and where there is one, its baseline. */
export interface Measure {
  /** Stable key in bench-results.json, e.g. `sync.ratio`. */
  id: string;
  /** What it is, in words, for the printed table. */
  what: string;
  value: number;
  unit: string;
  target?: Target;
  /** The same work done the naive way in the same run (same unit as `value`). */
  baseline?: number;
  /** value / baseline or baseline / value, whichever reads as "times better" (see `what`). */
  ratio?: number;
  /** How it was measured, when the row alone does not say (rounds, N, load). */
  note?: string;
}

/** What every suite gets from the runner. */
export interface BenchContext {
  /** Smoke run (inside `npm test`): small N, one round; it proves the suite runs, not its numbers. */
  smoke: boolean;
  /** Rounds per measure (the median is reported). */
  rounds: number;
  /** One headless Chromium for the whole run, launched on first use. */
  browser(): Promise<Browser>;
  /** A real portal server on its own SQLite file, stopped when the run ends. */
  server(options?: PortalServerOptions): Promise<PortalServer>;
  log(message: string): void;
}

/** A group of measures that share their setup (a server, a seeded license, a page). */
export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<Measure[]>;
}

/** The middle value (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** Whether a measure meets its target (undefined when it has none). */
export function meets(measure: Measure): boolean | undefined {
  if (!measure.target) return undefined;
  return measure.target.op === '<=' ? measure.value <= measure.target.value : measure.value >= measure.target.value;
}
