import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { launchBrowser, renderStats, WEB_ROOT } from './browser.js';
import { startLeadWire, type LeadWire, type StartOptions } from './server.js';
import { manualClock } from './stores.js';

// Apart from browser.ts because it uses vitest's hooks and polls: scripts and benches import browser.ts.

/**
 * One Chromium for the enclosing `describe`: launched before its tests and closed after them. After each test
 * every page it opened is closed, then `afterEachTest` runs (closing the server the test started, say).
 * Returns the browser (call it inside a test or hook).
 */
export function useBrowser(afterEachTest?: () => unknown): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  afterEach(async () => {
    for (const ctx of browser?.contexts() ?? []) await ctx.close();
    await afterEachTest?.();
  });
  return () => browser!;
}

/** Waits until the page has drawn what it was asked to and stopped producing frames; returns its frame count. */
export async function idleFrames(target: Page | Frame, timeout = 20_000): Promise<number> {
  await expect
    .poll(
      async () => {
        const s = await renderStats(target);
        return !s.rendering && !s.animating;
      },
      { timeout, interval: 100 },
    )
    .toBe(true);
  return (await renderStats(target)).frames;
}

/** A LeadWire on a free port with the embedded store (on a manual clock), serving the built pages. */
export function startWithPages(o: Omit<StartOptions, 'store' | 'webRoot'> = {}): Promise<LeadWire> {
  return startLeadWire({ store: new Store(new MemoryBackend(), { clock: manualClock() }), webRoot: WEB_ROOT, ...o });
}
