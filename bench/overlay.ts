/**
 * The overlay in Chromium: main-thread busy fraction (CDP `Performance.getMetrics`, TaskDuration and
 * ScriptDuration over a fixed window) of a blank page, the program overlay empty and under a static lower
 * third, and the control panel with both monitors; ingest → pixels; the page's JS heap after a long run.
 * The server runs in its own process (this module, forked), Chromium in its own; loopback only, bounded in
 * count and time; prints figures, asserts nothing.
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { createServer } from '../server/app.js';
import { systemClock } from '../server/clock.js';
import { silentLogger } from '../server/logger.js';
import { MemoryBackend } from '../server/store/memory.js';
import { Store } from '../server/store/store.js';
import { formatVotes } from '../shared/format.js';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../test/helpers/browser.js';
import { defineRaces, feed } from './feed.js';
import { httpClient, INGEST, PRODUCER } from './http.js';
import { mb, ms, summarize, table, type Summary } from './stats.js';

/** Every part stops at its count or its time limit, whichever comes first. */
export const OVERLAY_PLAN = {
  windowMs: 5_000,
  latency: { samples: 30, maxMs: 12_000 },
  heap: { updates: 10_000, cycles: 500, warm: { updates: 100, cycles: 5 }, chunk: 100, maxMs: 40_000 },
};

const RACE = 'bench-overlay';
const FULL_HD = { width: 1920, height: 1080 };
const CHILD = 'LEADWIRE_BENCH_OVERLAY_SERVER';
const log = (s: string) => process.stderr.write(`[overlay] ${s}\n`);

export interface BusyRow {
  what: string;
  /** Fractions of one core over the window: main thread (tasks, script), every Chromium process. */
  task: number;
  script: number;
  chromium: number;
  frames: number;
}

export interface OverlayReport {
  skipped: string | null;
  busy: BusyRow[];
  /** POST sent → `race` at a socket.io client (the baseline) / the mirror shows it / the next frame. */
  latency: { socket: Summary; mirror: Summary; frame: Summary } | null;
  heap: { label: string; updates: number; cycles: number; used: number; nodes: number; listeners: number }[];
}

/** Runs every part; stoppers of what it starts go to `cleanup` too, for a caller's watchdog. */
export async function runOverlayBench(cleanup: (() => Promise<void>)[] = []): Promise<OverlayReport> {
  const report: OverlayReport = { skipped: browserUnavailable(), busy: [], latency: null, heap: [] };
  if (report.skipped) return report;
  const server = await startPagesServer();
  cleanup.push(server.stop);
  const browser = await launchBrowser();
  cleanup.push(() => browser.close());
  try {
    const ingest = httpClient(server.base, INGEST, 2);
    const producer = httpClient(server.base, PRODUCER, 2);
    await defineRaces(ingest, [RACE]);
    const next = feed();
    await ingest.call('POST', `/api/races/${RACE}/results`, next());
    const airRace = () => producer.call('POST', '/api/graphics/air', { layer: 'lowerThird', graphic: { type: 'race', raceId: RACE } });
    const cpu = await browser.newBrowserCDPSession();

    log('blank page');
    const blank = await openPage(browser, 'about:blank', FULL_HD);
    report.busy.push(await busy('blank transparent page (baseline)', blank, cpu, []));
    await blank.context().close();

    log('program overlay');
    const page = await openPage(browser, `${server.base}/overlay/?channel=program`, FULL_HD);
    await ready(page);
    report.busy.push(await busy('program overlay, nothing on air', page, cpu, [page]));
    await airRace();
    await page.waitForFunction(() => document.querySelector('#on-air [data-layer="lowerThird"]') !== null);
    await settled(page);
    report.busy.push(await busy('program overlay, static lower third', page, cpu, [page]));

    log('control panel');
    const panel = await openPage(browser, `${server.base}/control/?key=${PRODUCER}`, FULL_HD);
    const monitors = await Promise.all(['preview', 'program'].map((c) => monitorFrame(panel, c)));
    report.busy.push(await busy('control panel, both monitors', panel, cpu, monitors));
    await panel.context().close();

    log(`ingest → pixels: ${OVERLAY_PLAN.latency.samples} batches`);
    report.latency = await ingestToPixels(server.base, page, ingest, next);
    log(`heap: ${OVERLAY_PLAN.heap.updates} updates, ${OVERLAY_PLAN.heap.cycles} take/clear cycles`);
    report.heap = await heapRun(page, ingest, airRace, () => producer.call('POST', '/api/graphics/clear', { layer: 'lowerThird' }), next);
    ingest.close();
    producer.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return report;
}

/** Tables of a report, each figure beside its baseline. */
export function overlayTables(r: OverlayReport): string {
  if (r.skipped) return `Overlay in Chromium: skipped (${r.skipped})`;
  const base = r.busy[0];
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const ratio = (x: number, b: number | undefined) => (b && b > 0 ? `×${(x / b).toFixed(1)}` : '—');
  const out = [
    table(
      `Overlay in Chromium (software GL, 1920×1080): share of one core over ${OVERLAY_PLAN.windowMs / 1000} s at rest`,
      ['page', 'main thread', 'vs blank', 'script', 'all Chromium processes', 'vs blank', 'frames'],
      r.busy.map((b) => [b.what, pct(b.task), ratio(b.task, base?.task), pct(b.script), pct(b.chromium), ratio(b.chromium, base?.chromium), String(b.frames)]),
    ),
  ];
  const l = r.latency;
  if (l) {
    out.push(
      table(
        `Ingest → pixels on the program overlay (lower third on air, ${l.socket.n} batches, one at a time)`,
        ['POST sent →', 'p50', 'p95', 'max', 'p50 vs socket.io'],
        [
          ['`race` at a socket.io client (baseline)', ms(l.socket.p50), ms(l.socket.p95), ms(l.socket.max), '×1.0'],
          ['the overlay mirror shows the number', ms(l.mirror.p50), ms(l.mirror.p95), ms(l.mirror.max), ratio(l.mirror.p50, l.socket.p50)],
          ['the next frame is rendered', ms(l.frame.p50), ms(l.frame.p95), ms(l.frame.max), ratio(l.frame.p50, l.socket.p50)],
        ],
      ),
    );
  }
  const h0 = r.heap[0];
  if (h0) {
    out.push(
      table(
        'Overlay page JS heap after a forced GC (lower third on air at each point)',
        ['point', 'updates', 'take/clear', 'heap used', 'vs first', 'DOM nodes', 'listeners'],
        r.heap.map((h) => [h.label, String(h.updates), String(h.cycles), mb(h.used), ratio(h.used, h0.used), String(h.nodes), String(h.listeners)]),
      ),
    );
  }
  return out.join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------

type Http = ReturnType<typeof httpClient>;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const framesOf = (t: Page | Frame) => t.evaluate(() => window.leadwire?.framesRendered ?? 0);

async function ready(t: Page | Frame): Promise<void> {
  await t.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  await settled(t);
}

/** Until the page has drawn what it was asked to and stopped producing frames. */
async function settled(t: Page | Frame, timeout = 30_000): Promise<void> {
  await t.waitForFunction(() => !window.leadwire!.rendering && !window.leadwire!.animating(), undefined, { polling: 100, timeout });
}

async function monitorFrame(panel: Page, channel: string): Promise<Frame> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const f = panel.frames().find((x) => x.url().includes(`/overlay/?channel=${channel}&`));
    if (f) {
      await ready(f);
      return f;
    }
    if (performance.now() > deadline) throw new Error(`no ${channel} monitor in the control panel`);
    await sleep(100);
  }
}

/** Busy fractions of one core over the window, and frames rendered meanwhile by the given overlay pages. */
async function busy(what: string, page: Page, cpu: CDPSession, overlays: (Page | Frame)[]): Promise<BusyRow> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    const { processInfo } = (await cpu.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
    const frames = (await Promise.all(overlays.map(framesOf))).reduce((a, b) => a + b, 0);
    return { at: m.get('Timestamp') ?? 0, task: m.get('TaskDuration') ?? 0, script: m.get('ScriptDuration') ?? 0, cpu: processInfo.reduce((a, p) => a + p.cpuTime, 0), frames };
  };
  await sleep(500);
  const a = await read();
  await sleep(OVERLAY_PLAN.windowMs);
  const b = await read();
  await cdp.detach();
  const s = b.at - a.at;
  return { what, task: (b.task - a.task) / s, script: (b.script - a.script) / s, chromium: (b.cpu - a.cpu) / s, frames: b.frames - a.frames };
}

interface Arrival {
  armedAt: number;
  mirrorAt: number;
  frameAt: number;
}

/** POSTs one batch at a time; times its socket.io push, the mirror showing it, and the frame that draws it. */
async function ingestToPixels(base: string, page: Page, http: Http, next: ReturnType<typeof feed>) {
  const socket = io(`${base}/overlay`, { auth: { channel: 'program', monitor: true }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((res, rej) => {
    socket.once('snapshot', () => res());
    socket.once('connect_error', rej);
  });
  const out = { socket: [] as number[], mirror: [] as number[], frame: [] as number[] };
  const deadline = performance.now() + OVERLAY_PLAN.latency.maxMs;
  for (let i = 0; i < OVERLAY_PLAN.latency.samples && performance.now() < deadline; i++) {
    await settled(page);
    const batch = next();
    const armedAt = (await page.evaluate(`(${ARM})(${JSON.stringify(formatVotes(batch.votes.alpha))})`)) as number;
    const pushed = new Promise<number>((res) => socket.once('race', () => res(performance.now())));
    const t0 = performance.now();
    await http.call('POST', `/api/races/${RACE}/results`, batch);
    out.socket.push((await pushed) - t0);
    const got = (await page.evaluate('window.__leadwireBench')) as Arrival;
    out.mirror.push(got.mirrorAt - armedAt);
    out.frame.push(got.frameAt - armedAt);
  }
  socket.disconnect();
  return { socket: summarize(out.socket), mirror: summarize(out.mirror), frame: summarize(out.frame) };
}

/**
 * In the page: sets `window.__leadwireBench` to a promise of the moment the mirror shows `want` and of the
 * end of the frame that draws it; returns the page's clock now. Source text, not a function: the bench runs
 * under tsx, whose name-keeping helpers do not exist in the page.
 */
const ARM = `(want) => {
  const root = document.getElementById('on-air');
  const lw = window.leadwire;
  const armedAt = performance.now();
  window.__leadwireBench = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (!(root.textContent || '').includes(want)) return;
      mo.disconnect();
      const mirrorAt = performance.now();
      const before = lw.framesRendered;
      // Queued after the ticker's own frame request, so it runs right after that frame has been drawn.
      const check = () => {
        if (lw.framesRendered > before) resolve({ armedAt, mirrorAt, frameAt: performance.now() });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    mo.observe(root, { subtree: true, childList: true, characterData: true });
  });
  return armedAt;
}`;

/** Count updates (bulk, to the race on air) and take/clear cycles, then the heap after a forced GC. */
async function heapRun(page: Page, http: Http, air: () => Promise<unknown>, clear: () => Promise<unknown>, next: ReturnType<typeof feed>) {
  const plan = OVERLAY_PLAN.heap;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const points: OverlayReport['heap'] = [];
  let updates = 0;
  let cycles = 0;
  const deadline = performance.now() + plan.maxMs;
  const run = async (toUpdates: number, toCycles: number) => {
    while (updates < toUpdates && performance.now() < deadline) {
      const n = Math.min(plan.chunk, toUpdates - updates);
      await http.call('POST', '/api/results', { updates: Array.from({ length: n }, () => ({ raceId: RACE, ...next() })) });
      updates += n;
      // Take/clear cycles spread through the updates, as a producer's would be.
      const due = Math.min(toCycles, Math.floor((updates / toUpdates) * toCycles));
      while (cycles < due && performance.now() < deadline) {
        await clear();
        await air();
        cycles++;
      }
    }
  };
  const mark = async (label: string) => {
    await page.waitForFunction(() => document.querySelector('#on-air [data-layer="lowerThird"]') !== null, undefined, { timeout: 30_000 });
    await settled(page, 60_000);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    points.push({ label, updates, cycles, used: usedSize, nodes: m.get('Nodes') ?? 0, listeners: m.get('JSEventListeners') ?? 0 });
  };
  await run(plan.warm.updates, plan.warm.cycles);
  await mark('after the first updates');
  await run(plan.updates / 2, plan.cycles / 2);
  await mark('half way');
  await run(plan.updates, plan.cycles);
  await mark(updates < plan.updates || cycles < plan.cycles ? 'at the time limit' : 'after all of them');
  await cdp.detach();
  return points;
}

// ---------------------------------------------------------------------------------------------------------

/** Forks this module as a LeadWire server with the built pages (bench/server.ts serves no pages). */
async function startPagesServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  const child = fork(import.meta.filename, [], {
    execArgv: process.execArgv,
    env: { ...process.env, [CHILD]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((res, rej) => {
    const t = setTimeout(() => rej(new Error('overlay bench server: not ready within 15 s')), 15_000);
    child.once('message', (m: { port?: number; error?: string }) => {
      clearTimeout(t);
      if (m.port) res(m.port);
      else rej(new Error(`overlay bench server: ${m.error}`));
    });
  });
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= new Promise<void>((res) => {
      if (child.exitCode !== null || !child.connected) return res();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        res();
      });
      child.disconnect();
    }));
  return { base: `http://127.0.0.1:${port}`, stop };
}

async function serve(): Promise<void> {
  const store = new Store(new MemoryBackend(), { clock: systemClock });
  const server = createServer({
    store,
    clock: systemClock,
    logger: silentLogger(),
    config: { producerToken: PRODUCER, ingestToken: INGEST, alertDurationMs: 60_000, autoAirAlerts: false },
    webRoot: WEB_ROOT,
  });
  const port = await server.listen(0);
  // The parent went away or is done: stop.
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
  process.send?.({ port });
}

if (process.env[CHILD] === '1') {
  serve().catch((err: unknown) => {
    process.send?.({ error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}
