import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedConfig } from '../../../server/feeds/config.js';
import { FeedParseError } from '../../../server/feeds/errors.js';
import { parseAp, type ApParseResult } from '../../../server/feeds/ap/index.js';
import { apRace, type ApCandidateInput, type ApJson, type ApRaceInput } from '../../../scripts/fakes/ap.js';
import { GEORGIA_AP_MAPPING, GEORGIA_MISSING, georgiaApRaces, hasGeorgiaTimeline, readGeorgiaRows } from '../../helpers/georgiaAp.js';

const SAMPLE = resolve(import.meta.dirname, '../../../../shared/data/elections-2020/ap-sample.json');

const feedOf = (over: Record<string, unknown> = {}) =>
  FeedConfig.parse({ id: 'ap', kind: 'ap', url: 'https://api.ap.org/v3/elections/2020-11-03', ...over });

const body = (races: ApJson[], top: Record<string, unknown> = {}) =>
  JSON.stringify({ electionDate: '2020-11-03', timestamp: '2020-11-07T00:00:00.000Z', races, nextrequest: 'https://api.ap.org/next', ...top });

const cand = (over: Partial<ApCandidateInput> & Pick<ApCandidateInput, 'last' | 'candidateID'>): ApCandidateInput => ({
  first: 'A',
  party: 'Dem',
  ballotOrder: 1,
  voteCount: 0,
  ...over,
});

const BIDEN = cand({ first: 'Joe', last: 'Biden', candidateID: '8639', ballotOrder: 1, voteCount: 2449371 });
const TRUMP = cand({ first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8645', ballotOrder: 2, voteCount: 2448454 });

const ga = (over: Partial<ApRaceInput> = {}, candidates = [BIDEN, TRUMP], unit: Record<string, unknown> = {}) =>
  apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
    raceID: '0',
    officeName: 'President',
    units: [{ lastUpdated: '2020-11-06T09:50:07.414Z', precinctsReporting: 2650, precinctsTotal: 2655, candidates, ...unit }],
    ...over,
  });

const only = (r: ApParseResult) => {
  expect(r.races).toHaveLength(1);
  return r.races[0]!;
};

interface Case {
  name: string;
  body: string | (() => string);
  feed?: Record<string, unknown>;
  check: (r: ApParseResult) => void;
}

const cases: Case[] = [
  {
    name: 'turns a state-level unit into race ap-<statepostal>-<raceid> with ballot-order candidates',
    body: body([ga({ raceID: '2', officeName: 'U.S. Senate', seatName: 'Class III', units: [] }), ga({ raceID: '2', officeName: 'U.S. Senate', seatName: 'Class III' })]),
    check: (r) => {
      const race = only(r);
      expect(race.raceId).toBe('ap-ga-2');
      expect(race.definition).toEqual({
        title: 'U.S. Senate Class III',
        jurisdiction: 'Georgia',
        candidates: [
          { id: 'biden', name: 'Joe Biden', party: 'DEM' },
          { id: 'trump', name: 'Donald Trump', party: 'GOP' },
        ],
      });
      expect(race.overrides).toBeUndefined();
    },
  },
  {
    name: 'takes asOf from the unit lastUpdated, never the top-level timestamp',
    body: body([ga()], { timestamp: '2020-12-01T00:00:00.000Z' }),
    check: (r) => expect(only(r).batch.asOf).toBe('2020-11-06T09:50:07.414Z'),
  },
  {
    name: 'carries votes by candidateID, precincts as reporting, and the race eevp',
    body: body([ga({ eevp: 98.9 })]),
    check: (r) =>
      expect(only(r).batch).toEqual({
        asOf: '2020-11-06T09:50:07.414Z',
        votes: { biden: 2449371, trump: 2448454 },
        expectedVotePct: 98.9,
        test: false,
        reporting: { reported: 2650, total: 2655, unit: 'precincts' },
      }),
  },
  {
    name: 'falls back to precinctsReportingPct when the race has no eevp',
    body: body([ga()]),
    check: (r) => expect(only(r).batch.expectedVotePct).toBe(99.8),
  },
  {
    name: 'appends -<candidateID> to both candidates whose last names clash',
    body: body([ga({}, [cand({ last: 'Smith', candidateID: '101' }), cand({ last: 'Jones', candidateID: '102', ballotOrder: 2 }), cand({ first: 'B', last: 'Smith', candidateID: '103', ballotOrder: 3 })])]),
    check: (r) => {
      const race = only(r);
      expect(race.definition.candidates.map((c) => c.id)).toEqual(['smith-101', 'jones', 'smith-103']);
      expect(Object.keys(race.batch.votes)).toEqual(['smith-101', 'jones', 'smith-103']);
    },
  },
  {
    name: 'reads winner "X" as a call and "R" as a runoff place',
    body: body([ga({}, [{ ...BIDEN, winner: 'R' }, { ...TRUMP, winner: 'R' }, cand({ last: 'Hazel', candidateID: '9', ballotOrder: 3, winner: 'X' })])]),
    check: (r) =>
      expect(only(r).winners).toEqual([
        { candidateId: 'biden', kind: 'runoff' },
        { candidateId: 'trump', kind: 'runoff' },
        { candidateId: 'hazel', kind: 'winner' },
      ]),
  },
  {
    name: 'passes counts that went down through as they are (the ingest calls it a correction)',
    body: body([ga({}, [{ ...BIDEN, voteCount: 10 }, { ...TRUMP, voteCount: 0 }])]),
    check: (r) => expect(only(r).batch.votes).toEqual({ biden: 10, trump: 0 }),
  },
  {
    name: 'reads a delta: only the races it carries; one with no races at all is empty',
    body: JSON.stringify({ timestamp: '2020-11-07T00:00:00Z', nextrequest: 'https://api.ap.org/v3/elections/2020-11-03?minDateTime=2020-11-06T09%3a50%3a07.414Z' }),
    check: (r) => {
      expect(r.races).toEqual([]);
      expect(r.nextrequest).toBe('https://api.ap.org/v3/elections/2020-11-03?minDateTime=2020-11-06T09%3a50%3a07.414Z');
      expect(r.isTruncated).toBe(false);
      expect(r.test).toBeNull();
    },
  },
  {
    name: 'reports a truncated page and its link',
    body: body([ga()], { isTruncated: true, nextrequest: 'https://api.ap.org/v3/elections/2020-11-03?minDateTime=x&page=2' }),
    check: (r) => {
      expect(r.isTruncated).toBe(true);
      expect(r.nextrequest).toBe('https://api.ap.org/v3/elections/2020-11-03?minDateTime=x&page=2');
      expect(r.races).toHaveLength(1);
    },
  },
  {
    name: 'marks resultsType "t" as test, on the batch and the feed',
    body: body([ga({ test: true })]),
    check: (r) => {
      expect(only(r).batch.test).toBe(true);
      expect(r.test).toBe(true);
    },
  },
  {
    name: 'marks a race with test: true as test even without resultsType',
    body: body([{ ...ga(), test: true }]),
    check: (r) => expect(only(r).batch.test).toBe(true),
  },
  {
    name: 'forces test on every batch when the feed says test',
    body: body([ga()]),
    feed: { test: true },
    check: (r) => {
      expect(only(r).batch.test).toBe(true);
      expect(r.test).toBe(true);
    },
  },
  {
    name: 'says live when the races that say anything say live',
    body: () => {
      const bare = ga() as { test?: unknown };
      delete bare.test;
      return body([ga({ raceID: '1' }), bare]);
    },
    check: (r) => expect(r.test).toBe(false),
  },
  {
    name: 'says nothing about test mode when no race says, and posts such batches as live',
    body: () => {
      const bare = ga() as { test?: unknown };
      delete bare.test;
      return body([bare]);
    },
    check: (r) => {
      expect(r.test).toBeNull();
      expect(only(r).batch.test).toBe(false);
    },
  },
  {
    name: 'reads a v3 response: reportingunitLevel instead of level, race-level statePostal, unit eevp',
    body: JSON.stringify({
      apiVersion: '3.1',
      electionDate: '2024-11-05',
      timestamp: '2024-11-06T12:00:00Z',
      races: [
        {
          test: false,
          resultsType: 'l',
          raceID: '0',
          statePostal: 'PA',
          stateName: 'Pennsylvania',
          officeID: 'P',
          officeName: 'President',
          reportingUnits: [
            { reportingunitLevel: 2, reportingunitID: '42001', lastUpdated: '2024-11-06T11:00:00Z', eevp: 50, candidates: [{ candidateID: '1', last: 'Harris', voteCount: 5 }] },
            {
              reportingunitLevel: 1,
              lastUpdated: '2024-11-06T11:59:58Z',
              eevp: 96.4,
              precinctsReporting: 9000,
              precinctsTotal: 9100,
              candidates: [
                { candidateID: '1', first: 'Kamala', last: 'Harris', party: 'Dem', ballotOrder: 1, voteCount: 3400000 },
                { candidateID: '2', first: 'Donald', last: 'Trump', party: 'GOP', ballotOrder: 2, voteCount: 3500000, winner: 'X' },
              ],
            },
          ],
        },
      ],
      nextrequest: 'https://api.ap.org/v3/elections/2024-11-05?format=json&minDateTime=2024-11-06T11%3a59%3a58Z',
    }),
    check: (r) => {
      const race = only(r);
      expect(race.raceId).toBe('ap-pa-0');
      expect(race.definition.jurisdiction).toBe('Pennsylvania');
      expect(race.batch).toMatchObject({ asOf: '2024-11-06T11:59:58Z', votes: { harris: 3400000, trump: 3500000 }, expectedVotePct: 96.4, test: false });
      expect(race.winners).toEqual([{ candidateId: 'trump', kind: 'winner' }]);
      expect(r.test).toBe(false);
    },
  },
  {
    name: 'produces only mapped races, with the candidate map, overrides and a warning for the rest',
    body: body([ga({ eevp: 98.9 }), ga({ raceID: '2', officeName: 'U.S. Senate' })]),
    feed: {
      races: [
        {
          match: { statePostal: 'ga', raceID: 0 },
          raceId: 'ga-president-2020',
          title: 'President of the United States',
          electoralVotes: 16,
          recount: { marginPct: 0.5 },
          candidates: { '8639': 'joe-biden' },
        },
      ],
    },
    check: (r) => {
      const race = only(r);
      expect(race.raceId).toBe('ga-president-2020');
      expect(race.definition.candidates.map((c) => c.id)).toEqual(['joe-biden', 'trump']);
      expect(race.batch.votes).toEqual({ 'joe-biden': 2449371, trump: 2448454 });
      expect(race.overrides).toEqual({ title: 'President of the United States', electoralVotes: 16, recount: { marginPct: 0.5, basis: 'total' } });
      expect(r.warnings).toEqual(["AP races not in the feed's races list, skipped: GA 2"]);
    },
  },
  {
    name: 'sums candidates the feed file maps to one id, as "Others", instead of skipping the race',
    body: body([ga({ units: [{ lastUpdated: '2020-11-06T09:50:07.414Z', candidates: [BIDEN, TRUMP, { first: 'Jo', last: 'Jorgensen', party: 'Lib', candidateID: '31708', ballotOrder: 3, voteCount: 62_138 }, { first: 'Write', last: 'Ins', candidateID: '895', ballotOrder: 4, voteCount: 1_117 }] }] })]),
    feed: { races: [{ match: { statePostal: 'GA', raceID: '0' }, raceId: 'ga-president-2020', candidates: { '31708': 'other', '895': 'other' } }] },
    check: (r) => {
      const race = only(r);
      expect(r.warnings).toEqual([]);
      expect(race.definition.candidates).toEqual([
        { id: 'biden', name: 'Joe Biden', party: 'DEM' },
        { id: 'trump', name: 'Donald Trump', party: 'GOP' },
        { id: 'other', name: 'Others' },
      ]);
      expect(race.batch.votes).toEqual({ biden: 2449371, trump: 2448454, other: 62_138 + 1_117 });
    },
  },
  {
    name: 'maps a sub-unit by reportingunitID: its own name, its own percentage, not the race eevp',
    body: body([
      ga({
        eevp: 98.9,
        units: [
          { lastUpdated: '2020-11-06T09:50:07.414Z', candidates: [BIDEN, TRUMP] },
          { level: 'subunit', reportingunitID: '13121', reportingunitName: 'Fulton', lastUpdated: '2020-11-06T09:40:00Z', precinctsReporting: 1, precinctsTotal: 4, candidates: [{ ...BIDEN, voteCount: 9 }, { ...TRUMP, voteCount: 3 }] },
        ],
      }),
    ]),
    feed: { races: [{ match: { statePostal: 'GA', raceID: '0', reportingunitID: '13121' }, raceId: 'ga-fulton-president' }] },
    check: (r) => {
      const race = only(r);
      expect(race.definition.jurisdiction).toBe('Fulton');
      expect(race.batch).toMatchObject({ asOf: '2020-11-06T09:40:00Z', votes: { biden: 9, trump: 3 }, expectedVotePct: 25 });
    },
  },
  {
    name: 'skips a unit the batch schema refuses, naming it, and keeps the other races',
    body: body([ga({}, [{ ...BIDEN, voteCount: -5 }, TRUMP]), ga({ raceID: '7' }, [BIDEN, TRUMP], { lastUpdated: 'yesterday' }), ga({ raceID: '2' })]),
    check: (r) => {
      expect(r.races.map((x) => x.raceId)).toEqual(['ap-ga-2']);
      expect(r.warnings).toHaveLength(2);
      expect(r.warnings[0]).toMatch(/^AP race GA 0 skipped: votes\.biden: must not be negative/);
      expect(r.warnings[1]).toMatch(/^AP race GA 7 skipped: asOf: /);
    },
  },
  {
    name: 'leaves out precincts and percentages it cannot use rather than the votes',
    body: body([ga({}, [BIDEN, TRUMP], { precinctsReporting: 2700, precinctsTotal: 2655 })]),
    check: (r) => {
      expect(only(r).batch).toEqual({ asOf: '2020-11-06T09:50:07.414Z', votes: { biden: 2449371, trump: 2448454 }, test: false });
      expect(r.warnings).toEqual([
        'AP race GA 0: expected vote 101.7% left out',
        expect.stringMatching(/^AP race GA 0: precincts 2700 of 2655 left out/),
      ]);
    },
  },
];

describe('parseAp', () => {
  for (const c of cases) {
    it(c.name, () => c.check(parseAp(typeof c.body === 'string' ? c.body : c.body(), feedOf(c.feed))));
  }

  it('parses an identical snapshot to identical output (the ingest answers duplicate)', () => {
    const b = body([ga({ eevp: 90 })]);
    expect(parseAp(b, feedOf())).toEqual(parseAp(b, feedOf()));
  });

  it.each([
    ['an empty body', '', /empty body/],
    ['a truncated document', '{"races": [', /not JSON/],
    ['XML', '<Error><Code>403</Code></Error>', /XML or HTML, not JSON/],
    ['races that are not a list', '{"races": 5}', /races: /],
    ['a JSON list', '[]', /cannot read/],
    ['a nextrequest that is not a string', '{"races": [], "nextrequest": 7}', /nextrequest: /],
  ])('throws FeedParseError for %s', (_, text, message) => {
    expect(() => parseAp(text, feedOf())).toThrow(FeedParseError);
    expect(() => parseAp(text, feedOf())).toThrow(message);
  });
});

describe.skipIf(!existsSync(SAMPLE))(existsSync(SAMPLE) ? 'parseAp on the shared AP v2 sample' : `AP v2 sample not found at ${SAMPLE}; skipped`, () => {
  const text = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8') : '{}';

  it('reads the Alaska 2012 presidential race from its state-level unit', () => {
    const r = parseAp(text, feedOf());
    const race = only(r);
    expect(race.raceId).toBe('ap-ak-0');
    expect(race.definition).toEqual({
      title: 'President',
      jurisdiction: 'Alaska',
      electoralVotes: 3,
      candidates: [
        { id: 'johnson', name: 'Gary Johnson', party: 'LIB' },
        { id: 'obama', name: 'Barack Obama', party: 'DEM' },
        { id: 'romney', name: 'Mitt Romney', party: 'GOP' },
        { id: 'stein', name: 'Jill Stein', party: 'GRN' },
      ],
    });
    expect(race.batch).toEqual({
      asOf: '2016-06-24T18:24:19Z',
      votes: { johnson: 6131, obama: 102138, romney: 136848, stein: 2366 },
      expectedVotePct: 100,
      test: false,
      reporting: { reported: 438, total: 438, unit: 'precincts' },
    });
    expect(race.winners).toEqual([{ candidateId: 'romney', kind: 'winner' }]);
    expect(r.nextrequest).toBe(
      'http://api.ap.org/v2/elections/2012-11-06?format=JSON&level=RU&officeID=P&statePostal=AK&minDateTime=2016-06-24T18%3a24%3a19.000Z',
    );
    expect(r).toMatchObject({ isTruncated: false, test: false, warnings: [] });
  });

  it('maps the sub-unit when a mapping names its reportingunitID', () => {
    const feed = feedOf({ races: [{ match: { statePostal: 'AK', raceID: '0', reportingunitID: '2001' }, raceId: 'ak-president' }] });
    const race = only(parseAp(text, feed));
    expect(race.raceId).toBe('ak-president');
    expect(race.batch.votes).toEqual({ johnson: 6131, obama: 102138, romney: 136848, stein: 2366 });
  });
});

describe.skipIf(!hasGeorgiaTimeline())(hasGeorgiaTimeline() ? 'parseAp on Georgia 2020 as AP responses' : GEORGIA_MISSING, () => {
  it('reads every batch of the timeline as ga-president-2020, votes and precincts as the CSV has them', () => {
    const rows = readGeorgiaRows();
    const feed = feedOf({ races: [GEORGIA_AP_MAPPING] });
    const races = georgiaApRaces().map((race) => only(parseAp(body([race]), feed)));
    expect(races).toHaveLength(rows.length);
    races.forEach((race, i) => {
      const row = rows[i]!;
      expect(race.raceId).toBe('ga-president-2020');
      expect(race.batch).toMatchObject({
        asOf: row.asOf,
        votes: { biden: row.biden, trump: row.trump, other: row.other },
        reporting: { reported: row.precinctsReporting, total: row.precinctsTotal, unit: 'precincts' },
      });
    });
    const lead = races.findIndex((r) => r.batch.votes.biden! > r.batch.votes.trump!);
    expect(races[lead]!.batch.asOf).toBe('2020-11-06T09:50:07.414Z');
    expect(races[0]!.definition.candidates).toEqual([
      { id: 'biden', name: 'Joe Biden', party: 'DEM' },
      { id: 'trump', name: 'Donald Trump', party: 'GOP' },
      { id: 'other', name: 'Other' },
    ]);
  });
});
