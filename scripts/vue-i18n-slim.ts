import type { Plugin } from 'vite';

/**
 * vue-i18n imports Vue as a namespace (`import * as Vue`) and reads it by a computed key, which
 * keeps every export of Vue in the bundle (about 15 kB gzip of Teleport, Transition, KeepAlive...
 * on the first page). It only ever uses `getCurrentInstance` that way, so the builds hand it just
 * that: same behaviour, and Vue tree-shakes again.
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
