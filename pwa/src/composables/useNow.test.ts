import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useNow } from './useNow';

describe('useNow', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks every interval while its scope lives, and stops with it', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00.000Z') });
    const scope = effectScope();
    const now = scope.run(() => useNow(60_000))!;
    vi.advanceTimersByTime(59_000);
    expect(now.value.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    vi.advanceTimersByTime(1_000);
    expect(now.value.toISOString()).toBe('2030-01-01T00:01:00.000Z');
    scope.stop();
    vi.advanceTimersByTime(120_000);
    expect(now.value.toISOString()).toBe('2030-01-01T00:01:00.000Z');
  });
});
