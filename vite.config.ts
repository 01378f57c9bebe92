import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;

/**
 * Pages whose URL differs from their source folder: the on-air page lives in `overlay/onair/` (what it holds) and is
 * served at `/overlay/` (what the contract promises OBS and CasparCG). Vite names an HTML output after its path under
 * `root`, so the emitted file is moved; its scripts and styles are linked from `/assets/` (base `/`), so they follow.
 */
function servePagesAt(urls: Record<string, string>): Plugin {
  return {
    name: 'leadwire:page-urls',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [from, to] of Object.entries(urls)) {
        const page = bundle[from];
        if (!page) this.error(`no page ${from} in the build`);
        page.fileName = to;
      }
    },
  };
}

/**
 * One Vite build for the browser side: the on-air overlay (`overlay/onair/`, served at `/overlay/`) and the
 * producer control panel (`/control/`), both served by the LeadWire server from `dist/web`. Vitest runs the whole
 * test suite.
 */
export default defineConfig({
  root: resolve(here, 'overlay'),
  base: '/',
  publicDir: false,
  plugins: [servePagesAt({ 'onair/index.html': 'overlay/index.html' })],
  build: {
    outDir: resolve(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        overlay: resolve(here, 'overlay/onair/index.html'),
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
