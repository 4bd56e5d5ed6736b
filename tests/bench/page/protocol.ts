/** What run.ts passes into the page and gets back: plain JSON across the Playwright boundary. */
export interface BenchInput {
  n: number;
  token: string;
  userId: string;
  licenseId: string;
  /** `n` active devices, one reset each: every command applies on the server (a deactivation each). */
  deviceIds: string[];
  batchSize: number;
  tag: string;
}

interface IdbWork {
  readonly: number;
  readwrite: number;
  total: number;
  rowsWritten: number;
}

export interface BenchResult {
  enqueueMs: number;
  enqueueIdb: IdbWork;
  syncMs: number;
  syncIdb: IdbWork;
  httpRequests: number;
  /** Time spent waiting on HTTP (the server's share of the sync). */
  httpMs: number;
  outcomes: Record<string, number>;
  /** Engine only: the pull after the run and the deferred compaction, measured apart. */
  pullMs?: number;
  compactMs?: number;
  compactIdb?: IdbWork;
}

declare global {
  interface Window {
    bench: { engine(input: BenchInput): Promise<BenchResult>; baseline(input: BenchInput): Promise<BenchResult> };
  }
}
