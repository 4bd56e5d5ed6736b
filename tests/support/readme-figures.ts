import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './portal-server';

/** Where a suite's figures stand in README.md: between these two comments, in its table row. */
export const figuresMark = (name: string) =>
  new RegExp(`(<!-- figures:${name} -->)([\\s\\S]*?)(<!-- /figures:${name} -->)`);

/** A count as README.md writes it: 1,001. */
export const figure = (n: number) => n.toLocaleString('en-US');

/**
 * A suite's figures in README.md come from the suite's own run: with UPDATE_DOCS=1 (as for the
 * screenshots), a run at the suite's defaults (its seed and size, so the figures are the ones the
 * README's row describes) writes them between its marks. Without it the README is left alone.
 */
export function writeReadmeFigures(name: string, figures: string, atDefaults: boolean): void {
  if (process.env.UPDATE_DOCS !== '1' || !atDefaults) return;
  const path = join(REPO_ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  if (!figuresMark(name).test(readme)) throw new Error(`README.md has no <!-- figures:${name} --> marks`);
  writeFileSync(
    path,
    readme.replace(figuresMark(name), (_all, open: string, _old, close: string) => open + figures + close),
  );
}
