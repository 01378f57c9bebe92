import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LeadChange, RaceView } from '../../shared/index.js';
import { startLeadWire, type LeadWire } from '../helpers/server.js';
import { manualClock, storeKinds } from '../helpers/stores.js';
import type { Store } from '../../server/store/store.js';
import {
  batchOf,
  correctionsIn,
  expectedInRange,
  hasElections2020,
  readTimeline,
  repeatsIn,
  type Rule,
  type TimelineRow,
} from './timeline.js';

interface StateCase {
  state: string;
  file: string;
  raceId: string;
  electoralVotes: number;
  /** The state's real recount rule for a presidential race in 2020 (see the data README). */
  recount: Rule | null;
  leadChanges: { asOf: string; from: string; to: string; margin: number }[];
  /** Batches in which a candidate's count falls, as the data README counts them. */
  corrections: number;
  finalInRecountRange: boolean;
  /** How the second, identical replay is sent: one POST per batch, or `POST /api/results` in chunks. */
  replay: 'single' | 'bulk';
}

const STATES: StateCase[] = [
  {
    state: 'Georgia',
    file: 'georgia-2020-timeline.csv',
    raceId: 'ga-president-2020',
    electoralVotes: 16,
    recount: { marginPct: 0.5 }, // O.C.G.A. § 21-2-495(c), of all votes cast for the office
    leadChanges: [{ asOf: '2020-11-06T09:50:07.414Z', from: 'trump', to: 'biden', margin: 917 }],
    corrections: 31,
    finalInRecountRange: true,
    replay: 'bulk',
  },
  {
    state: 'Pennsylvania',
    file: 'pennsylvania-2020-timeline.csv',
    raceId: 'pa-president-2020',
    electoralVotes: 20,
    recount: { marginPct: 0.5 }, // 25 P.S. § 3154(g)
    leadChanges: [{ asOf: '2020-11-06T13:52:37.632Z', from: 'trump', to: 'biden', margin: 5_587 }],
    corrections: 44,
    finalInRecountRange: false,
    replay: 'single',
  },
  {
    state: 'Arizona',
    file: 'arizona-2020-timeline.csv',
    raceId: 'az-president-2020',
    electoralVotes: 11,
    recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' }, // A.R.S. § 16-661 as in 2020
    leadChanges: [],
    corrections: 5,
    finalInRecountRange: false,
    replay: 'bulk',
  },
  {
    state: 'Nevada',
    file: 'nevada-2020-timeline.csv',
    raceId: 'nv-president-2020',
    electoralVotes: 6,
    recount: null, // no automatic recount; any losing candidate may pay for one
    leadChanges: [],
    corrections: 1,
    finalInRecountRange: false,
    replay: 'single',
  },
  {
    state: 'North Carolina',
    file: 'north-carolina-2020-timeline.csv',
    raceId: 'nc-president-2020',
    electoralVotes: 15,
    // N.C.G.S. § 163-182.7(b): statewide, ≤ 0.5% of the votes cast or 10,000 votes, whichever is less.
    recount: { marginPct: 0.5, marginVotes: 10_000 },
    leadChanges: [],
    corrections: 11,
    finalInRecountRange: false,
    replay: 'bulk',
  },
];

const CANDIDATES = [
  { id: 'biden', name: 'Joe Biden', party: 'DEM' },
  { id: 'trump', name: 'Donald Trump', party: 'REP' },
  { id: 'other', name: 'Others' },
];

const definition = (s: StateCase) => ({
  title: 'President',
  jurisdiction: s.state,
  electoralVotes: s.electoralVotes,
  candidates: CANDIDATES,
  ...(s.recount ? { recount: s.recount } : {}),
});

interface BatchBody {
  race: RaceView;
  leadChange: LeadChange | null;
  duplicate: boolean;
  correction: boolean;
}

const votesOf = (race: RaceView) => Object.fromEntries(race.candidates.map((c) => [c.id, c.votes]));
const BULK_CHUNK = 40;

if (!hasElections2020()) {
  describe.skip('2020 election replay (skipped: ../shared/data/elections-2020 not found)', () => {
    it('replays the real 2020 batches', () => {});
  });
} else {
  describe.each(storeKinds())('2020 election replay, $name store', (kind) => {
    let store: Store | undefined;
    let lw: LeadWire | undefined;
    beforeAll(() => kind.setup());
    afterAll(() => kind.teardown());
    afterEach(async () => {
      await lw?.close();
      if (kind.name === 'memory') await store?.close();
      lw = undefined;
      store = undefined;
    });

    /**
     * Sends the whole file once more. By the contract every row but the last is older than the stored `asOf`
     * (409 stale, naming the stored asOf and revision); the last is the same batch again (a duplicate).
     * Returns what did not answer so.
     */
    async function replayAgain(app: LeadWire, s: StateCase, rows: TimelineRow[], current: { asOf: string; revision: number }): Promise<string[]> {
      const wrong: string[] = [];
      const expected = (i: number) => (i === rows.length - 1 ? 'duplicate' : 'stale');
      if (s.replay === 'single') {
        for (const [i, row] of rows.entries()) {
          const res = await app.api('POST', `/api/races/${s.raceId}/results`, { body: batchOf(row), token: 'ingest' });
          const ok =
            expected(i) === 'duplicate'
              ? res.status === 200 && res.body.duplicate === true && res.body.leadChange === null && res.body.race.revision === current.revision
              : res.status === 409 && res.body.error === 'stale' && JSON.stringify(res.body.current) === JSON.stringify(current);
          if (!ok) wrong.push(`${row.asOf}: expected ${expected(i)}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
        return wrong;
      }
      for (let i = 0; i < rows.length; i += BULK_CHUNK) {
        const chunk = rows.slice(i, i + BULK_CHUNK);
        const updates = chunk.map((row) => ({ raceId: s.raceId, ...batchOf(row) }));
        const res = await app.api<{ results: { raceId: string; status: string }[] }>('POST', '/api/results', { body: { updates }, token: 'ingest' });
        if (res.status !== 200 || res.body.results.length !== chunk.length) {
          wrong.push(`chunk at ${chunk[0]!.asOf}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          continue;
        }
        res.body.results.forEach((r, j) => {
          if (r.raceId !== s.raceId || r.status !== expected(i + j)) wrong.push(`${chunk[j]!.asOf}: expected ${expected(i + j)}, got ${JSON.stringify(r)}`);
        });
      }
      return wrong;
    }

    it.each(STATES)(
      'replays every $state batch: the real lead changes, every correction accepted, each batch resent is a duplicate, a second replay of the file changes nothing',
      async (s) => {
        const rows = readTimeline(s.file);
        store = await kind.make(manualClock());
        const app = (lw = await startLeadWire({ store }));

        const put = await app.api<RaceView>('PUT', `/api/races/${s.raceId}`, { body: definition(s), token: 'ingest' });
        expect(put.status).toBe(201);
        expect(put.body.revision).toBe(1);

        const problems: string[] = [];
        const corrections: string[] = [];
        const repeatsApplied: string[] = [];
        const leadChanges: StateCase['leadChanges'] = [];
        let previous: RaceView = put.body;
        for (const [i, row] of rows.entries()) {
          const res = await app.api<BatchBody>('POST', `/api/races/${s.raceId}/results`, { body: batchOf(row), token: 'ingest' });
          if (res.status !== 200) {
            problems.push(`${row.asOf}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            continue;
          }
          const { race, leadChange, duplicate, correction } = res.body;
          const say = (what: string) => problems.push(`${row.asOf}: ${what}`);
          if (duplicate !== false) say(`duplicate ${duplicate}`);
          if (correction === true) corrections.push(row.asOf);
          else if (correction !== false) say(`correction ${correction}`);
          if (leadChange) leadChanges.push({ asOf: leadChange.asOf, from: leadChange.from, to: leadChange.to, margin: leadChange.margin });
          if (race.revision !== i + 2) say(`revision ${race.revision}, expected ${i + 2}`);
          if (race.asOf !== row.asOf) say(`asOf ${race.asOf}`);
          if (JSON.stringify(votesOf(race)) !== JSON.stringify(row.votes)) say(`votes ${JSON.stringify(votesOf(race))}`);
          if (race.leader !== row.leader) say(`leader ${race.leader}, the feed says ${row.leader}`);
          if (race.margin !== Math.abs(row.votes.biden - row.votes.trump)) say(`margin ${race.margin}`);
          if (race.inRecountRange !== expectedInRange(s.recount, row.votes)) say(`inRecountRange ${race.inRecountRange}`);
          const sameVotes = JSON.stringify(votesOf(race)) === JSON.stringify(votesOf(previous));
          if (i > 0 && sameVotes && race.revision === previous.revision + 1 && race.asOf !== previous.asOf) repeatsApplied.push(row.asOf);
          previous = race;

          // A feed that sends the same batch again: a duplicate, no event, nothing changes.
          const again = await app.api<BatchBody>('POST', `/api/races/${s.raceId}/results`, { body: batchOf(row), token: 'ingest' });
          if (again.status !== 200 || again.body.duplicate !== true || again.body.leadChange !== null || again.body.correction !== false) {
            say(`resent: ${again.status} ${JSON.stringify({ ...again.body, race: undefined }).slice(0, 200)}`);
          } else if (JSON.stringify(again.body.race) !== JSON.stringify(race)) {
            say(`resent: the view changed (revision ${again.body.race.revision})`);
          }
        }
        expect(problems).toEqual([]);

        expect(corrections).toEqual(correctionsIn(rows));
        expect(corrections).toHaveLength(s.corrections);
        expect(repeatsApplied).toEqual(repeatsIn(rows));
        expect(repeatsApplied.length).toBeGreaterThan(0);
        expect(leadChanges).toEqual(s.leadChanges);

        const stored = await app.api<LeadChange[]>('GET', `/api/races/${s.raceId}/lead-changes`, { token: null });
        expect(stored.status).toBe(200);
        expect(stored.body.map(({ asOf, from, to, margin }) => ({ asOf, from, to, margin }))).toEqual(s.leadChanges);

        const final = await app.api<RaceView>('GET', `/api/races/${s.raceId}`, { token: null });
        const last = rows[rows.length - 1]!;
        expect(final.body).toMatchObject({
          revision: rows.length + 1,
          asOf: last.asOf,
          leader: last.leader,
          margin: Math.abs(last.votes.biden - last.votes.trump),
          totalVotes: last.votes.biden + last.votes.trump + last.votes.other,
          inRecountRange: s.finalInRecountRange,
        });

        expect(await replayAgain(app, s, rows, { asOf: last.asOf, revision: rows.length + 1 })).toEqual([]);
        const after = await app.api<RaceView>('GET', `/api/races/${s.raceId}`, { token: null });
        expect(after.body).toEqual(final.body);
        const storedAfter = await app.api<LeadChange[]>('GET', `/api/races/${s.raceId}/lead-changes`, { token: null });
        expect(storedAfter.body).toEqual(stored.body);
      },
      120_000,
    );

    it('puts the Georgia recertified count within Georgia\'s recount rule and Pennsylvania\'s final count outside Pennsylvania\'s', async () => {
      store = await kind.make(manualClock());
      const app = (lw = await startLeadWire({ store }));
      const finals: Record<string, RaceView> = {};
      for (const s of STATES.filter((x) => x.state === 'Georgia' || x.state === 'Pennsylvania')) {
        await app.api('PUT', `/api/races/${s.raceId}`, { body: definition(s), token: 'ingest' });
        const rows = readTimeline(s.file);
        const res = await app.api<BatchBody>('POST', `/api/races/${s.raceId}/results`, { body: batchOf(rows[rows.length - 1]!), token: 'ingest' });
        expect(res.status).toBe(200);
        finals[s.state] = res.body.race;
      }
      // Recertified 2020-12-07: Biden 2,473,633, Trump 2,461,854, margin 11,779 (0.24%).
      expect(finals.Georgia).toMatchObject({ leader: 'biden', margin: 11_779, inRecountRange: true, recount: { marginPct: 0.5, marginVotes: null, basis: 'total' } });
      expect(finals.Georgia!.marginPct).toBeCloseTo(0.2357, 4);
      expect(finals.Pennsylvania).toMatchObject({ leader: 'biden', margin: 81_660, inRecountRange: false });
      expect(finals.Pennsylvania!.marginPct).toBeGreaterThan(0.5);
    });
  });
}
