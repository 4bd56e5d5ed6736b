import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The PWA's build. (WXT keeps its own config in wxt.config.ts.)
export default defineConfig({
  root: 'pwa',
  plugins: [vue()],
  build: { outDir: '../dist/pwa', emptyOutDir: true },
});
