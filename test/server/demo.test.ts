import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RACES } from '../../server/demo/races.js';
import { DEMO_STEP_MS, startDemo } from '../../server/demo/runner.js';
import { demoNight } from '../../server/demo/scenario.js';
import { silentLogger } from '../../server/logger.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import {
  RaceDefinitionInput,
  applyBatch,
  applyDefinition,
  buildRaceView,
  type LeadChange,
  type RaceRecord,
} from '../../shared/index.js';
import { INGEST, eventually, startLeadWire, type LeadWire } from '../helpers/server.js';
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

describe('the demo runner', () => {
  let lw: LeadWire | undefined;
  let stop = () => {};
  afterEach(async () => {
    stop();
    await lw?.close();
  });

  it('posts through the public ingest API with the ingest token until Georgia flips', async () => {
    lw = await startLeadWire({ store: new Store(new MemoryBackend(), { clock: manualClock() }) });
    stop = startDemo({ baseUrl: lw.base, ingestToken: INGEST, races: DEMO_RACES, logger: silentLogger(), stepMs: 10 });
    const lcs = await eventually(async () => {
      const { body } = await lw!.api('GET', '/api/races/ga-president-2020/lead-changes', { token: null });
      return Array.isArray(body) && body.length > 0 ? body : undefined;
    }, 20_000, 'the Georgia flip');
    expect(lcs[0]).toMatchObject({ from: 'trump', to: 'biden', margin: 917 });
    const { body: races } = await lw.api('GET', '/api/races', { token: null });
    expect(races.map((r: { id: string }) => r.id).sort()).toEqual(DEMO_RACES.map((r) => r.id).sort());
  });
});
