import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PortalApp } from '../../e2e/support/portal-pages';
import { buildPwa } from '../support/builds';
import { firstSeenProbe } from '../support/probe';
import { median, type BenchSuite } from './types';

const WAIT = { timeout: 120_000 };

/** `n` pasted lines in the forms people paste: plain emails, "email, first, last", "First Last <email>". */
function pastedList(n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const email = `person.${i}@codeglass.example`;
    if (i % 3 === 0) return email;
    if (i % 3 === 1) return `${email}, First${i}, Last${i}`;
    return `First${i} Last${i} <${email}>`;
  }).join('\n');
}

/**
 * The Users page's *Assign many* in headless Chromium on the built PWA, signed in as the demo
 * manager: from a paste of N lines (one input event) to the preview of every row painted (read
 * with papaparse, checked, planned on the cached seats). The first round also loads papaparse.
 */
export const batchAssignSuite: BenchSuite = {
  name: 'batch-assign',
  async run(ctx) {
    const n = ctx.smoke ? 50 : 500;
    const pwa = await buildPwa();
    const server = await ctx.server({ staticDir: pwa.dir });
    const context = await (await ctx.browser()).newContext({ viewport: { width: 1200, height: 850 } });
    await context.addInitScript(firstSeenProbe('main h1'));
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT.timeout);
      const app = new PortalApp(page, server.url);
      await app.signIn('manager@codeglass.example', 'manager-demo');
      const licenseId = await app.openFirstLicense();
      await app.open(`/licenses/${licenseId}/users`);
      await page.getByTestId('user-table').waitFor(WAIT);
      const times: number[] = [];
      for (let r = 0; r < ctx.rounds + 1; r++) times.push(await pasteToPreview(page, pastedList(n), n));
      ctx.log(`paste to preview, ${n} rows: ${times.map((t) => t.toFixed(0)).join(' / ')} ms (first loads papaparse)`);
      const warm = times.slice(1);
      return [
        {
          id: 'batch_assign.paste_to_preview_ms',
          what: `Assign many: ${n} pasted rows to their preview painted`,
          value: median(warm),
          unit: 'ms',
          target: { op: '<=', value: 200 },
          note: `median of ${warm.length}; first (papaparse loading) ${times[0]!.toFixed(0)} ms`,
        },
      ];
    } finally {
      await context.close();
      rmSync(pwa.dir, { recursive: true, force: true });
    }
  },
};

/** Clears the list, then pastes `text` (one input event) and times until the preview of all `n` rows is painted. */
async function pasteToPreview(page: Page, text: string, n: number): Promise<number> {
  await page.getByTestId('batch-text').fill('');
  await page.waitForFunction(() => !document.querySelector('[data-testid="batch-preview"]'), undefined, WAIT);
  return page.evaluate(
    async ({ value, rows }) => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="batch-text"]')!;
      const t0 = performance.now();
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const at = await window.__whenDom!(
        () => document.querySelector(`[data-testid="batch-preview"][data-rows="${rows}"]`) !== null,
      );
      return at - t0;
    },
    { value: text, rows: n },
  );
}
