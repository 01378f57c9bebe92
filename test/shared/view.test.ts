import { describe, it, expect } from 'vitest';
import { buildRaceView, RaceView, type RaceRecord } from '../../shared/index.js';
import { GEORGIA_AWAITING_VIEW } from '../helpers/fixtures.js';
import { afterBatches, defineRace, freshRecord } from './fixtures.js';

const GA_FLIP = {
  asOf: '2020-11-06T09:50:07.414Z',
  votes: { biden: 2449371, trump: 2448454, other: 61000 },
  expectedVotePct: 98.9,
  outstanding: { ballots: 8410, label: 'military and overseas ballots' },
};
const withVotes = (votes: Record<string, number>, record: RaceRecord = freshRecord()): RaceRecord => ({ ...record, votes });

describe('buildRaceView', () => {
  it('shows a race awaiting results with no leader, no margin and no recount range', () => {
    expect(buildRaceView(freshRecord())).toEqual(GEORGIA_AWAITING_VIEW);
  });

  it('shows the Georgia count after the flip with every field of the contract', () => {
    const view = buildRaceView(afterBatches(freshRecord(), [GA_FLIP]));
    expect(view).toEqual({
      id: 'ga-president-2020',
      title: 'President',
      jurisdiction: 'Georgia',
      electoralVotes: 16,
      candidates: [
        { id: 'biden', name: 'Joe Biden', party: 'DEM', votes: 2449371, pct: 244937100 / 4958825 },
        { id: 'trump', name: 'Donald Trump', party: 'REP', votes: 2448454, pct: 244845400 / 4958825 },
        { id: 'other', name: 'Others', party: null, votes: 61000, pct: 6100000 / 4958825 },
      ],
      totalVotes: 4958825,
      leader: 'biden',
      runnerUp: 'trump',
      margin: 917,
      marginPct: 91700 / 4958825,
      recount: { marginPct: 0.5, marginVotes: null, basis: 'total' },
      inRecountRange: true,
      asOf: '2020-11-06T09:50:07.414Z',
      revision: 2,
      expectedVotePct: 98.9,
      outstanding: { ballots: 8410, label: 'military and overseas ballots' },
      status: 'leading',
      call: null,
      test: false,
      source: null,
      reporting: null,
      kind: 'candidate',
      seats: 1,
      winning: ['biden'],
      measure: null,
      runoffLikely: false,
      // 8,410 ballots out, Biden 917 ahead: Trump needs 4,664 of them (more than half of 917 + 8,410).
      needs: { candidate: 'trump', pctOfRemaining: (100 * 4_664) / 8_410 },
      acceptCalls: 'approve',
      advancing: [],
    });
    expect(view.marginPct).toBeCloseTo(0.018492, 6);
    expect(RaceView.safeParse(view).success).toBe(true);
  });

  it.each([
    { does: 'is awaiting while every count is zero', votes: { biden: 0, trump: 0, other: 0 }, status: 'awaiting', leader: null, runnerUp: null, margin: 0, marginPct: 0 },
    { does: 'is tied on a tie for first', votes: { biden: 500, trump: 500, other: 0 }, status: 'tied', leader: null, runnerUp: null, margin: 0, marginPct: 0 },
    { does: 'is tied on a tie for first with a third candidate behind', votes: { biden: 400, trump: 400, other: 200 }, status: 'tied', leader: null, runnerUp: null, margin: 0, marginPct: 0 },
    { does: 'is leading with a strict leader', votes: { biden: 300, trump: 100, other: 100 }, status: 'leading', leader: 'biden', runnerUp: 'trump', margin: 200, marginPct: 40 },
    { does: 'is leading when only a minor candidate has votes', votes: { biden: 0, trump: 0, other: 1 }, status: 'leading', leader: 'other', runnerUp: 'biden', margin: 1, marginPct: 100 },
  ])('$does', ({ votes, status, leader, runnerUp, margin, marginPct }) => {
    const view = buildRaceView(withVotes(votes));
    expect({ status: view.status, leader: view.leader, runnerUp: view.runnerUp, margin: view.margin, marginPct: view.marginPct }).toEqual({
      status,
      leader,
      runnerUp,
      margin,
      marginPct,
    });
  });

  it('gives each candidate its share of all votes, unrounded', () => {
    const view = buildRaceView(withVotes({ biden: 1, trump: 2, other: 0 }));
    expect(view.candidates.map((c) => c.pct)).toEqual([100 / 3, 200 / 3, 0]);
  });

  it('keeps candidates in definition order, not vote order', () => {
    const view = buildRaceView(withVotes({ biden: 1, trump: 3, other: 2 }));
    expect(view.candidates.map((c) => c.id)).toEqual(['biden', 'trump', 'other']);
  });

  it('is called when the race has a call, whatever the count', () => {
    const call = { winner: 'biden', at: '2020-11-13T17:00:00.000Z' };
    const view = buildRaceView({ ...withVotes({ biden: 10, trump: 10, other: 0 }), call });
    expect([view.status, view.call]).toEqual(['called', call]);
  });

  it.each([
    {
      does: 'shows no recount rule and no range when the race has none',
      body: { recount: null },
      votes: { a: 5, b: 5 },
      recount: null,
      inRange: false,
    },
    {
      does: 'shows a vote threshold with a null percentage',
      body: { recount: { marginVotes: 2000 } },
      votes: { a: 3000, b: 1000 },
      recount: { marginPct: null, marginVotes: 2000, basis: 'total' },
      inRange: true,
    },
    {
      does: 'shows the Arizona rule as given and applies its lesser threshold',
      body: { recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' } },
      votes: { a: 1672143, b: 1661686 },
      recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' },
      inRange: false,
    },
    {
      does: 'is in recount range at the vote threshold itself',
      body: { recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' } },
      votes: { a: 500100, b: 499900 },
      recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' },
      inRange: true,
    },
  ])('$does', ({ body, votes, recount, inRange }) => {
    const def = defineRace('az', { title: 'T', jurisdiction: 'J', candidates: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], ...body });
    const view = buildRaceView(withVotes(votes, freshRecord(def)));
    expect([view.recount, view.inRecountRange]).toEqual([recount, inRange]);
  });

  it('shows electoralVotes as null when the definition has none', () => {
    const def = defineRace('x', { title: 'Senate', jurisdiction: 'Ohio', candidates: [{ id: 'a', name: 'A' }] });
    expect(buildRaceView(freshRecord(def)).electoralVotes).toBeNull();
  });

  it('stays exact with counts of several hundred million', () => {
    const def = defineRace('us', { title: 'Popular vote', jurisdiction: 'US', candidates: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
    const view = buildRaceView(withVotes({ a: 400000001, b: 399999999 }, freshRecord(def)));
    expect([view.totalVotes, view.margin, view.marginPct, view.leader]).toEqual([800000000, 2, 200 / 800000000, 'a']);
  });
});
