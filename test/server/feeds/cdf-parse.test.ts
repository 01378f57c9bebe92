import { describe, expect, it } from 'vitest';
import { cdfReport, georgiaCdf, text } from '../../../scripts/fakes/cdf.js';
import { parseCdf } from '../../../server/feeds/cdf/index.js';
import { FeedsFile, type FeedConfig } from '../../../server/feeds/config.js';
import { FeedParseError } from '../../../server/feeds/errors.js';

function feedOf(extra: Partial<Record<keyof FeedConfig, unknown>> = {}): FeedConfig {
  return FeedsFile.parse({ feeds: [{ id: 'ga-cdf', kind: 'cdf', url: 'file:///srv/ga.json', ...extra }] }).feeds[0]!;
}
const parse = (report: unknown, feed = feedOf()) => parseCdf(typeof report === 'string' ? report : JSON.stringify(report), feed);

describe('parseCdf: a report with two contests and outstanding ballots', () => {
  it('defines each contest as a race and posts its district’s total counts', () => {
    const { races, test, asOf, warnings } = parse(georgiaCdf());
    expect([test, asOf, warnings]).toEqual([null, '2020-11-04T07:00:00.000Z', []]);
    expect(races.map((r) => r.raceId)).toEqual(['cdf-con-president', 'cdf-con-senate']);
    const [president, senate] = races;
    expect(president!.definition).toEqual({
      title: 'President of the United States',
      jurisdiction: 'Georgia',
      candidates: [
        { id: 'biden', name: 'Joseph R. Biden', party: 'DEM' },
        { id: 'trump', name: 'Donald J. Trump', party: 'REP' },
        { id: 'jorgensen', name: 'Jo Jorgensen', party: 'LIB' },
      ],
    });
    expect(president!.batch).toEqual({
      asOf: '2020-11-04T07:00:00.000Z',
      votes: { biden: 2_473_633, trump: 2_461_854, jorgensen: 62_229 },
      expectedVotePct: null,
      outstanding: { ballots: 8_410, label: 'ballots' },
      test: false,
      reporting: { reported: 158, total: 159, unit: 'counties' },
    });
    expect(senate!.batch.votes).toEqual({ perdue: 2_462_617, ossoff: 2_374_519 });
    expect(senate!.winners).toEqual([{ candidateId: 'ossoff', kind: 'runoff' }]);
  });

  it('reads only the district’s total: other count types and other units are left aside', () => {
    const report = georgiaCdf();
    const sel = report.Election[0]!.Contest[0]!.ContestSelection[0]! as { VoteCounts: unknown[] };
    sel.VoteCounts.push(
      { '@type': 'ElectionResults.VoteCounts', Type: 'election-day', GpUnitId: 'gp-ga', Count: 1_000_000 },
      { '@type': 'ElectionResults.VoteCounts', Type: 'total', GpUnitId: 'gp-fulton', Count: 381_144 },
    );
    expect(parse(report).races[0]!.batch.votes.biden).toBe(2_473_633);
  });

  it('leaves out a contest whose selection lacks its total, and posts the other', () => {
    const report = georgiaCdf();
    (report.Election[0]!.Contest[1]!.ContestSelection[1]! as { VoteCounts: unknown[] }).VoteCounts = [];
    const { races, warnings } = parse(report);
    expect(races.map((r) => r.raceId)).toEqual(['cdf-con-president']);
    expect(warnings).toEqual(['contest "US Senate (Perdue)" (con-senate) skipped: selection con-senate-can-ossoff has no "total" VoteCounts for gp-ga']);
  });

  it.each([
    [{ 'gp-ga': 0 }, { ballots: 0, label: 'ballots' }],
    [{}, null],
    [{ 'gp-fulton': 99 }, null],
  ])('outstanding from BallotCounts %j', (outstanding, expected) => {
    const report = cdfReport({ ...baseInput(), outstanding });
    expect(parse(report).races[0]!.batch.outstanding).toEqual(expected);
  });

  it('sums the BallotsOutstanding of the district’s count types when it has no total', () => {
    const report = georgiaCdf();
    report.Election[0]!.BallotCounts = [
      { '@type': 'ElectionResults.BallotCounts', Type: 'absentee-mail', GpUnitId: 'gp-ga', BallotsOutstanding: 8000 },
      { '@type': 'ElectionResults.BallotCounts', Type: 'uocava', GpUnitId: 'gp-ga', BallotsOutstanding: 410 },
    ];
    expect(parse(report).races[0]!.batch.outstanding).toEqual({ ballots: 8410, label: 'ballots' });
  });
});

function baseInput() {
  return {
    gpUnits: [{ id: 'gp-ga', name: 'Georgia', type: 'state' }],
    contests: [{ id: 'c1', name: 'Governor', districtId: 'gp-ga', candidates: [{ id: 'k1', ballotName: 'Stacey Abrams', votes: 10 }, { id: 'k2', ballotName: 'Brian Kemp', votes: 20 }] }],
  };
}

describe('parseCdf: test mode and the time of the report', () => {
  it.each([
    [true, undefined, true, true],
    [false, undefined, false, false],
    [undefined, undefined, null, false],
    [false, true, true, true],
  ])('IsTest %j with the feed’s test %j: result test %j, batches test %j', (isTest, forced, resultTest, batchTest) => {
    const { test, races } = parse(georgiaCdf({ isTest }), feedOf(forced === undefined ? {} : { test: forced }));
    expect(test).toBe(resultTest);
    expect(races.every((r) => r.batch.test === batchTest)).toBe(true);
  });

  it.each([
    ['2020-11-04T02:00:00-05:00', '2020-11-04T07:00:00.000Z'],
    ['2020-11-04T07:00:00Z', '2020-11-04T07:00:00.000Z'],
    ['2020-11-04T12:30:00+0530', '2020-11-04T07:00:00.000Z'],
    ['2020-11-04T07:00:00.1234567Z', '2020-11-04T07:00:00.123Z'],
  ])('reads GeneratedDate %j as %s', (generatedDate, asOf) => {
    const r = parse(georgiaCdf({ generatedDate }));
    expect([r.asOf, r.races[0]!.batch.asOf]).toEqual([asOf, asOf]);
  });

  it.each([
    ['2020-11-04T02:00:00', 'the CDF report\'s GeneratedDate "2020-11-04T02:00:00" has no time zone'],
    ['2020-11-04 02:00', 'has no time zone'],
    ['', 'the CDF report has no GeneratedDate'],
    ['last night', 'the CDF report\'s GeneratedDate "last night" is not a date-time with a zone'],
    ['2020-13-45T02:00:00Z', 'is not a date-time with a zone'],
  ])('refuses GeneratedDate %j: nothing of the report is posted', (generatedDate, message) => {
    const report = { ...georgiaCdf(), GeneratedDate: generatedDate };
    expect(() => parse(report)).toThrow(FeedParseError);
    expect(() => parse(report)).toThrow(message);
  });

  it.each([
    ['{"Election": [', 'the CDF report is not JSON (it starts "{"Election": [")'],
    ['[1, 2]', 'the CDF report is not an ElectionReport object'],
    [JSON.stringify({ ...georgiaCdf(), '@type': 'CVR.CastVoteRecordReport' }), 'the CDF report\'s @type is "CVR.CastVoteRecordReport", not ElectionResults.ElectionReport'],
  ])('refuses %j', (body, message) => {
    expect(() => parse(body)).toThrow(message);
  });
});

describe('parseCdf: mapped contests and candidate ids', () => {
  it('matches contests by @id or by Name, keys candidates by the Candidate’s @id or the selection’s, and applies overrides', () => {
    const feed = feedOf({
      races: [
        { match: { contestId: 'con-president' }, raceId: 'ga-president-2020', electoralVotes: 16, candidates: { 'can-biden': 'biden', 'can-trump': 'trump', 'con-president-can-jorgensen': 'other' } },
        { match: { contest: 'us senate  (PERDUE)' }, raceId: 'ga-senate-2020' },
        { match: { contest: 'Governor' }, raceId: 'ga-governor' },
        { match: { office: 'x' }, raceId: 'ga-x' },
      ],
    });
    const { races, warnings } = parse(georgiaCdf(), feed);
    expect(races.map((r) => [r.raceId, Object.keys(r.batch.votes)])).toEqual([
      ['ga-president-2020', ['biden', 'trump', 'other']],
      ['ga-senate-2020', ['perdue', 'ossoff']],
    ]);
    expect(races[0]!.overrides).toEqual({ electoralVotes: 16 });
    expect(warnings).toEqual([
      'races.2 (ga-governor): the report has no contest with Name "Governor"',
      'races.3 (ga-x): match needs "contestId" (the contest\'s @id) or "contest" (its Name)',
    ]);
  });

  it('gives clashing last names both a suffix, reads plain-string names, and makes a measure’s selections yes / no', () => {
    const report = cdfReport({
      gpUnits: [{ id: 'gp-co', name: 'Cobb County', type: 'county' }],
      contests: [
        {
          id: 'c-board',
          name: 'Board of Education',
          districtId: 'gp-co',
          candidates: [{ id: 'k-101', ballotName: 'Pat Smith', votes: 3 }, { id: 'k-102', ballotName: 'Lee Smith', votes: 4 }, { id: 'k-103', ballotName: 'Ann Jones', votes: 5 }],
        },
        { id: 'c-q1', name: 'Question 1', districtId: 'gp-co', candidates: [], measure: [{ id: 'q1-y', selection: 'Yes', votes: 7 }, { id: 'q1-n', selection: 'No', votes: 6 }] },
      ],
    });
    report.GpUnit[0]!.Name = 'Cobb County (string)' as unknown as ReturnType<typeof text>;
    const { races, warnings } = parse(report);
    expect(warnings).toEqual([]);
    expect(races[0]!.definition.candidates.map((c) => c.id)).toEqual(['smith-k-101', 'smith-k-102', 'jones']);
    expect(races[0]!.definition.jurisdiction).toBe('Cobb County (string)');
    expect(races[1]!.definition.candidates).toEqual([{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }]);
    expect(races[1]!.batch.votes).toEqual({ yes: 7, no: 6 });
  });
});
