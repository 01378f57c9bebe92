import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STEP_MS, demoFeed, writeDemoRecording } from '../../server/demo/feed.js';
import { DEMO_RACES } from '../../server/demo/races.js';
import { demoNight, STORY_STEP_MS } from '../../server/demo/scenario.js';
import { FEED_KINDS } from '../../server/feeds/kinds.js';
import { silentLogger } from '../../server/logger.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import {
  RaceDefinitionInput,
  applyBatch,
  applyDefinition,
  buildRaceView,
  type FeedStatus,
  type LeadChange,
  type RaceRecord,
  type RaceView,
} from '../../shared/index.js';
import { eventually, startLeadWire, type LeadWire } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';

const NOW = new Date('2020-11-06T12:00:00Z');

/** Plays the whole demo night through the pure domain, race by race. */
function replay() {
  const records = new Map<string, RaceRecord>();
  for (const r of DEMO_RACES) {
    const out = applyDefinition(null, { ...RaceDefinitionInput.parse(r.definition), id: r.id }, NOW);
    if (out.kind !== 'created') throw new Error(out.kind);
    records.set(r.id, out.record);
  }
  const leadChanges: (LeadChange & { step: number })[] = [];
  const outcomes: string[] = [];
  let corrections = 0;
  demoNight(DEMO_RACES).forEach((updates, step) => {
    for (const { raceId, ...batch } of updates) {
      const out = applyBatch(records.get(raceId)!, batch, NOW);
      outcomes.push(out.kind);
      if (out.kind !== 'applied') continue;
      records.set(raceId, out.record);
      if (out.correction) corrections++;
      if (out.leadChange) leadChanges.push({ ...out.leadChange, step });
    }
  });
  return { records, leadChanges, outcomes, corrections };
}

describe('the demo election night', () => {
  it('is accepted batch by batch, with corrections among them, as a real feed would be', () => {
    const { outcomes, corrections } = replay();
    expect(outcomes.length).toBeGreaterThan(400);
    expect(new Set(outcomes)).toEqual(new Set(['applied']));
    expect(corrections).toBeGreaterThanOrEqual(3);
  });

  it('flips Georgia to Biden by 917 within its first minute, with 8,410 ballots out and a recount range', () => {
    const { leadChanges, records } = replay();
    const ga = leadChanges.filter((lc) => lc.raceId === 'ga-president-2020');
    expect(ga).toHaveLength(1);
    expect(ga[0]).toMatchObject({ from: 'trump', to: 'biden', margin: 917, asOf: '2020-11-06T09:50:07.414Z' });
    expect(ga[0]!.step * DEMO_STEP_MS).toBeLessThan(60_000);
    const flipped = demoNight(DEMO_RACES)[ga[0]!.step]!.find((u) => u.raceId === 'ga-president-2020')!;
    expect(flipped.outstanding).toEqual({ ballots: 8_410, label: 'military and overseas ballots' });
    const final = buildRaceView(records.get('ga-president-2020')!);
    expect(final).toMatchObject({ leader: 'biden', margin: 11_779, electoralVotes: 16, inRecountRange: true });
  });

  it('flips Pennsylvania once, and no other race', () => {
    const { leadChanges } = replay();
    expect(leadChanges.map((lc) => `${lc.raceId}:${lc.from}->${lc.to}`).sort()).toEqual([
      'ga-president-2020:trump->biden',
      'pa-president-2020:trump->biden',
    ]);
    expect(DEMO_RACES.some((r) => r.definition.electoralVotes == null)).toBe(true); // a non-presidential race too
  });

  it('is the same night every time', () => {
    expect(JSON.stringify(demoNight(DEMO_RACES))).toBe(JSON.stringify(demoNight(DEMO_RACES)));
  });
});

describe('the demo night through the feed path: a replay of the generated AP recording', () => {
  let lw: LeadWire | undefined;
  let dir = '';
  afterEach(async () => {
    await lw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the demo feed ok in the Feeds panel and flips Georgia by 917 at step 10, Pennsylvania later', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-demo-test-'));
    const folder = await writeDemoRecording(dir, { logger: silentLogger() });
    const clock = manualClock();
    // An hour's interval: each step is a producer's "Poll now" after the clock moved one demo step.
    const feed = demoFeed(folder, { intervalSeconds: 3600 });
    expect(feed).toMatchObject({ kind: 'replay', speed: STORY_STEP_MS / DEMO_STEP_MS });
    lw = await startLeadWire({ clock, store: new Store(new MemoryBackend(), { clock }), feeds: { configs: [feed], kinds: FEED_KINDS } });
    const status = async () => (await lw!.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
    await eventually(async () => ((await status()).polls >= 1 && (await status()).state !== 'starting' ? true : undefined), 10_000, 'the first poll');
    const gaFlips = async () => (await lw!.api<LeadChange[]>('GET', '/api/races/ga-president-2020/lead-changes', { token: null })).body;

    const steps = demoNight(DEMO_RACES).length;
    for (let step = 1; step < steps; step++) {
      if (step === 10) expect(await gaFlips()).toEqual([]);
      clock.advance(DEMO_STEP_MS - 1);
      const early = (await lw.api<FeedStatus>('POST', '/api/feeds/demo/poll')).body;
      clock.advance(1);
      const due = (await lw.api<FeedStatus>('POST', '/api/feeds/demo/poll')).body;
      expect(due.batchesPosted).toBeGreaterThan(early.batchesPosted); // every step moves some race, on time
      if (step === 10) {
        expect((await gaFlips()).map(({ from, to, margin, asOf }) => ({ from, to, margin, asOf }))).toEqual([
          { from: 'trump', to: 'biden', margin: 917, asOf: '2020-11-06T09:50:07.414Z' },
        ]);
        expect(step * DEMO_STEP_MS).toBe(30_000);
        expect(await status()).toMatchObject({ id: 'demo', kind: 'replay', label: 'Demo night', mode: 'live', state: 'ok', lastError: null });
      }
    }

    const s = await status();
    expect(s).toMatchObject({ state: 'ok', mode: 'live', lastError: null });
    expect(s.races).toEqual(DEMO_RACES.map((r) => r.id).sort());
    expect(s.warnings).toEqual([expect.stringMatching(/^replay finished/)]);
    expect(await gaFlips()).toHaveLength(1);
    const ga = (await lw.api<RaceView>('GET', '/api/races/ga-president-2020')).body;
    expect(ga).toMatchObject({ leader: 'biden', margin: 11_779, electoralVotes: 16, inRecountRange: true, source: 'demo', test: false });
    expect(ga.candidates.map((c) => c.id)).toEqual(['biden', 'trump', 'other']);
    const pa = (await lw.api<LeadChange[]>('GET', '/api/races/pa-president-2020/lead-changes')).body;
    expect(pa.map((lc) => `${lc.from}->${lc.to}`)).toEqual(['trump->biden']);
    const { body: races } = await lw.api<RaceView[]>('GET', '/api/races', { token: null });
    expect(races.map((r) => r.id).sort()).toEqual(DEMO_RACES.map((r) => r.id).sort());
  });
});
