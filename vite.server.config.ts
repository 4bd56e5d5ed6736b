import { defineConfig } from 'vite';
import { sharedAlias } from './scripts/shared-alias';

// The portal server's build (`npm run build:server`): plain ES modules in dist/server that Node runs
// without a TypeScript loader. Packages stay imports from node_modules (an SSR build externalises
// them), so the native better-sqlite3 and the lazily loaded pg are the installed ones.
export default defineConfig({
  resolve: { alias: Object.entries(sharedAlias).map(([find, replacement]) => ({ find, replacement })) },
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        main: 'server/main.ts',
        cli: 'server/cli.ts',
        admin: 'server/admin-cli.ts',
        verify: 'server/licensing/verify-cli.ts',
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
