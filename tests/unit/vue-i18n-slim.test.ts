import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vueI18nSlim } from '../../scripts/vue-i18n-slim';

/**
 * The builds rewrite vue-i18n's `import * as Vue` (scripts/vue-i18n-slim.ts). These tests read the
 * installed vue-i18n: they fail when an upgrade stops matching the rewrite (the page silently grows
 * back) or uses more of the namespace than the rewrite hands it (the page breaks).
 */
const dist = resolve('node_modules/vue-i18n/dist');
const pkg = JSON.parse(readFileSync(resolve('node_modules/vue-i18n/package.json'), 'utf8')) as {
  exports: { '.': { import: string } };
};
const entry = resolve('node_modules/vue-i18n', pkg.exports['.'].import);
const scratch = resolve('node_modules/.cache/vue-i18n-slim-test');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function slimmed(file: string): string {
  const transform = vueI18nSlim().transform as (code: string, id: string) => string | null;
  const out = transform(readFileSync(file, 'utf8'), file);
  expect(out, `${file} no longer has the import the plugin rewrites`).not.toBeNull();
  return out!;
}

describe('the vue-i18n source rewrite', () => {
  it.each(['vue-i18n.mjs', 'vue-i18n.runtime.mjs'])(
    'rewrites %s so the Vue namespace is read only for getCurrentInstance',
    (name) => {
      const code = slimmed(join(dist, name));
      expect(code).not.toContain("import * as Vue from 'vue'");
      const allowed = [
        /const Vue = \{ getCurrentInstance: currentInstanceOfVue \};/g,
        /key in Vue\b/g,
        /Vue\[key\]/g,
        /Vue\.getCurrentInstance\(\)/g,
      ];
      const rest = allowed.reduce((text, use) => text.replace(use, ''), code);
      expect(rest.match(/.{0,30}\bVue\b(?! I18n).{0,30}/g)).toBeNull();
      // The computed key names a property the slim namespace lacks, so the getCurrentInstance branch runs.
      expect(code).toMatch(/const key = 'currentInstance';\s*if \(key in Vue\)/);
    },
  );

  it('still renders a translated message through useI18n with the installed vue-i18n and Vue', () => {
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'vue-i18n.mjs'), slimmed(entry));
    writeFileSync(
      join(scratch, 'render.mjs'),
      `import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createI18n, useI18n } from './vue-i18n.mjs';
const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { hello: 'Hello {name}' } } });
const App = { setup() { const { t } = useI18n(); return () => h('p', t('hello', { name: 'Morgan' })); } };
process.stdout.write(await renderToString(createSSRApp(App).use(i18n)));
`,
    );
    const html = execFileSync(process.execPath, [join(scratch, 'render.mjs')], { encoding: 'utf8' });
    expect(html).toBe('<p>Hello Morgan</p>');
  });
});
