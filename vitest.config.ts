import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { clientZodAlias } from './scripts/client-zod';
import { sharedAlias } from './scripts/shared-alias';

/** The browser code's tests run on what it ships with: the schemas on `zod/mini` (see scripts/client-zod.ts). */
const clientAlias = [
  ...clientZodAlias,
  ...Object.entries(sharedAlias).map(([find, replacement]) => ({ find, replacement })),
];
const clientSetup = ['fake-indexeddb/auto', './tests/support/zod-messages.ts'];

// One runner, six projects: `npm test` runs them all and sums their counts.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        resolve: { alias: clientAlias },
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'pwa/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: clientSetup,
          // Page tests mount the real stores on a Dexie database: generous on a loaded 2-core box.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [WxtVitest(), vue()],
        resolve: { alias: clientAlias },
        test: {
          name: 'extension',
          include: ['extension/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: clientSetup,
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: sharedAlias },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/docs/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: sharedAlias },
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: sharedAlias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: sharedAlias },
        test: {
          // Firefox ESR over WebDriver BiDi (puppeteer-core): the PWA and the Firefox add-on build.
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
