/**
 * Vue's compile-time flags for the production builds (PWA and extension): every component is
 * `<script setup>`, so the Options API's code (a few kB on every page) is left out.
 */
export const vueFlags = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};
