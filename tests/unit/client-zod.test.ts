import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as aliased from 'zod';
import * as mini from 'zod/mini';
import * as full from 'zod/v4';

/**
 * The browser builds and their tests alias `zod` to `zod/mini` (scripts/client-zod.ts) while the
 * type checker reads full zod's types. These tests fail when a zod upgrade breaks that pairing:
 * the alias no longer lands on zod/mini, a function the client code calls exists only in full zod,
 * or the two parse the shared API differently.
 */
// Types (z.infer, z.ZodType...) are erased; only the functions have to exist at run time.
const TYPE_ONLY = new Set(['infer', 'input', 'output']);

function clientSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : clientSources(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the zod -> zod/mini alias of the browser builds', () => {
  it('gives client code zod/mini at run time', () => {
    expect(aliased.z.string).toBe(mini.z.string);
    expect('min' in aliased.z.string()).toBe(false);
  });

  it('has in zod/mini every z.<function> the client code calls (its types come from full zod)', () => {
    const used = new Set<string>();
    for (const file of ['shared', 'pwa/src', 'extension'].flatMap(clientSources)) {
      const source = readFileSync(file, 'utf8');
      if (!/from 'zod'/.test(source)) continue;
      for (const [, name] of source.matchAll(/\bz\.([a-z][a-zA-Z]*)/g)) if (!TYPE_ONLY.has(name!)) used.add(name!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !(name in mini.z))).toEqual([]);
  });

  it('parses a schema written in the shared API as full zod does', () => {
    // Typed as full zod and run on zod/mini, as the client code is.
    const build = (z: typeof full.z) =>
      z.object({
        id: z.string().check(z.minLength(1), z.maxLength(8)),
        note: z.optional(z.nullable(z.string().check(z.trim()))),
        count: z.int().check(z.gte(0)),
        kind: z.enum(['device.reset', 'user.assign']),
        tags: z.array(z.literal('a')),
      });
    const [m, f] = [build(mini.z as unknown as typeof full.z), build(full.z)];
    const inputs: unknown[] = [
      { id: 'd-1', note: '  hi ', count: 2, kind: 'device.reset', tags: ['a'] },
      { id: 'd-1', count: 0, kind: 'user.assign', tags: [], extra: true },
      { id: '', count: -1, kind: 'other', tags: ['b'] },
      { id: 'much-too-long', note: 3, count: 1.5, kind: 'device.reset', tags: 'a' },
      null,
    ];
    for (const input of inputs) {
      const [a, b] = [m.safeParse(input), f.safeParse(input)];
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(a.data).toEqual(b.data);
      const issues = (r: typeof a | typeof b) => r.error?.issues.map((i) => [i.code, i.path.join('.')]);
      expect(issues(a)).toEqual(issues(b));
    }
  });
});
