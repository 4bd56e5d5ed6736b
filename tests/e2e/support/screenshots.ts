import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../support/portal-server';

/**
 * Where a README screenshot goes: into docs/ only when asked (`UPDATE_DOCS=1 npm test`), so a
 * test run never dirties the work tree; otherwise beside the other test output.
 */
export function docsShotPath(file: string): string {
  const path = join(REPO_ROOT, process.env.UPDATE_DOCS === '1' ? 'docs' : 'test-results', file);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
