import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;

/**
 * One Vite build for the browser side: the on-air overlay (`/overlay/`) and the producer control panel
 * (`/control/`), both served by the LeadWire server from `dist/web`. Vitest runs the whole test suite.
 */
export default defineConfig({
  root: resolve(here, 'overlay'),
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        overlay: resolve(here, 'overlay/overlay/index.html'),
        control: resolve(here, 'overlay/control/index.html'),
        desk: resolve(here, 'overlay/desk/index.html'),
      },
    },
  },
  test: {
    root: here,
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: integration files start servers, Redis and Chromium, so run a few files at once at most.
    maxWorkers: 2,
  },
});
