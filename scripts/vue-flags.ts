/**
 * Vue's compile-time flags for the production builds (PWA and extension): every component is
 * `<script setup>`, so the Options API's code (a few kB on every page) is left out.
 */
export const vueFlags = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  // vue-i18n: messages are formatted by shared/ui/i18n.ts's compiler, so its own is left out; no
  // legacy API, no devtools, no globally registered components.
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  __INTLIFY_JIT_COMPILATION__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
};
