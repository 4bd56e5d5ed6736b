import type { Plugin } from 'vite';

/**
 * vue-i18n imports Vue as a namespace (`import * as Vue`) and reads it by a computed key, which
 * keeps every export of Vue in the bundle (about 15 kB gzip of Teleport, Transition, KeepAlive...
 * on the first page; measured in 9363186). It only ever uses `getCurrentInstance` that way, so the
 * builds hand it just that: same behaviour, and Vue tree-shakes again. The rewrite knows vue-i18n's
 * source: tests/unit/vue-i18n-slim.test.ts fails when the installed vue-i18n stops matching it or
 * renders a message differently through it.
 */
export function vueI18nSlim(): Plugin {
  const namespaceImport = "import * as Vue from 'vue';";
  return {
    name: 'seat-portal:vue-i18n-slim',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/][^\\/]+\.m?js$/.test(id) || !code.includes(namespaceImport)) return null;
      return code.replace(
        namespaceImport,
        "import { getCurrentInstance as currentInstanceOfVue } from 'vue';\n" +
          'const Vue = { getCurrentInstance: currentInstanceOfVue };',
      );
    },
  };
}
