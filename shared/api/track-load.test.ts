import { describe, expect, it } from 'vitest';
import type { ApiFailure, ApiResult } from './result';
import type { LoadStatus } from './loading';
import { trackLoad } from './track-load';

const failure = (status: number): ApiFailure => ({ code: status === 0 ? 'network_error' : 'x', message: 'no', status });

function harness(clock: string[]) {
  const seen: LoadStatus[] = [];
  const state = { status: 'idle' as LoadStatus, error: null as ApiFailure | null };
  const noted: ApiFailure[] = [];
  const deps = { now: () => new Date(clock.shift()!), session: { noteFailure: (f: ApiFailure) => void noted.push(f) } };
  const slot = {
    setStatus: (s: LoadStatus) => void seen.push((state.status = s)),
    setError: (e: ApiFailure | null) => void (state.error = e),
  };
  return { seen, state, noted, deps, slot };
}

describe('trackLoad', () => {
  it('hands apply the time the request STARTED and goes idle only after apply finished', async () => {
    const h = harness(['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:09.000Z']);
    let statusDuringApply: LoadStatus | null = null;
    let stamped: string | null = null;
    const ok = await trackLoad(
      h.deps,
      h.slot,
      async (): Promise<ApiResult<number>> => ({ ok: true, data: 7 }),
      async (_data, startedAt) => {
        stamped = startedAt;
        statusDuringApply = h.state.status;
      },
    );
    expect(ok).toBe(true);
    expect(stamped).toBe('2030-01-01T00:00:00.000Z');
    expect(statusDuringApply).toBe('loading');
    expect(h.seen).toEqual(['loading', 'idle']);
    expect(h.state.error).toBeNull();
  });

  it.each([
    [0, 'offline', 0],
    [500, 'error', 0],
    [401, 'error', 1],
  ] as const)(
    'a %i failure sets %s, keeps apply from running, and tells the session only of a 401',
    async (status, expected, notes) => {
      const h = harness(['2030-01-01T00:00:00.000Z']);
      let applied = false;
      const ok = await trackLoad(
        h.deps,
        h.slot,
        async (): Promise<ApiResult<number>> => ({ ok: false, error: failure(status) }),
        () => void (applied = true),
      );
      expect(ok).toBe(false);
      expect(applied).toBe(false);
      expect(h.state).toEqual({ status: expected, error: failure(status) });
      expect(h.noted).toHaveLength(notes);
    },
  );
});
