import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultBatch } from '../../../shared/index.js';
import { clarityContest, claritySettings } from '../../../scripts/fakes/clarity.js';
import { FeedConfig } from '../../../server/feeds/config.js';
import { FeedParseError } from '../../../server/feeds/errors.js';
import { parseClaritySummary, statePostalOfUrl } from '../../../server/feeds/clarity/index.js';
import { ELECTIONS_2020 } from '../../data/timeline.js';

const SAMPLE = resolve(ELECTIONS_2020, 'clarity-sample.json');
const AS_OF = '2020-11-12T15:57:55.000Z';

const feed = (extra: Record<string, unknown> = {}) =>
  FeedConfig.parse({ id: 'ga-sos', kind: 'clarity', url: 'https://results.enr.clarityelections.com/GA/105369', ...extra });

const parse = (summary: unknown, settings: unknown = claritySettings({ istestmode: false }), extra: Record<string, unknown> = {}) =>
  parseClaritySummary(
    typeof summary === 'string' ? summary : JSON.stringify(summary),
    settings === null ? null : typeof settings === 'string' ? settings : JSON.stringify(settings),
    { feed: feed(extra), asOf: AS_OF, statePostal: 'GA' },
  );

const president = (o: Partial<Parameters<typeof clarityContest>[0]> = {}) =>
  clarityContest({
    C: 'President of the United States',
    K: '5000',
    CH: ['Donald J. Trump (I) (Rep)', 'Joseph R. Biden (Dem)', 'Jo Jorgensen (Lib)'],
    V: [2457910, 2471955, 62058],
    PR: 158,
    TP: 159,
    ...o,
  });

describe.skipIf(!existsSync(SAMPLE))('Clarity parser on Georgia’s real summary.json (skipped: ../shared/data/elections-2020/clarity-sample.json not found)', () => {
  const result = () => parse(readFileSync(SAMPLE, 'utf8'));

  it('makes one race per contest, named by state and key', () => {
    const r = result();
    expect(r.warnings).toEqual([]);
    expect(r.races.map((x) => [x.raceId, x.definition.title])).toEqual([
      ['clarity-ga-5000', 'President of the United States'],
      ['clarity-ga-10000', 'US Senate (Perdue)'],
      ['clarity-ga-10100', 'US Senate (Loeffler) - Special'],
    ]);
    expect(r.races.every((x) => x.definition.jurisdiction === 'Georgia')).toBe(true);
  });

  it('reads names and parties out of the choice names, in ballot order', () => {
    const [pres] = result().races;
    expect(pres!.definition.candidates).toEqual([
      { id: 'trump', name: 'Donald J. Trump', party: 'REP' },
      { id: 'biden', name: 'Joseph R. Biden', party: 'DEM' },
      { id: 'jorgensen', name: 'Jo Jorgensen', party: 'LIB' },
    ]);
    expect(pres!.batch.votes).toEqual({ trump: 2457910, biden: 2471955, jorgensen: 62058 });
  });

  it('reports counties, never as expected vote', () => {
    for (const race of result().races) {
      expect(race.batch.reporting).toEqual({ reported: 158, total: 159, unit: 'counties' });
      expect(race.batch.expectedVotePct).toBeNull();
      expect(race.batch.asOf).toBe(AS_OF);
      expect(race.batch.test).toBe(false);
      expect(race.winners).toEqual([]);
    }
  });

  it('keeps all 20 candidates of the special Senate race, telling the two Jacksons apart', () => {
    const special = result().races[2]!;
    expect(special.definition.candidates).toHaveLength(20);
    const ids = special.definition.candidates.map((c) => c.id);
    expect(new Set(ids).size).toBe(20);
    // Two Jacksons: each by the full name, whatever order Clarity lists them in.
    expect(ids).toContain('annette-davis-jackson');
    expect(ids).toContain('deborah-jackson');
    expect(ids).not.toContain('jackson');
    expect(ids).toContain('johnson-shealey');
    expect(special.definition.candidates.find((c) => c.id === 'warnock')).toEqual({ id: 'warnock', name: 'Raphael Warnock', party: 'DEM' });
    expect(special.batch.votes.warnock).toBe(1615382);
  });
});

describe('Clarity choices sharing a surname', () => {
  it('names each by the full name, so listing them in another order moves no votes', () => {
    const votesOf = (CH: string[], V: number[]) => {
      const race = parse(JSON.stringify([clarityContest({ C: 'US Senate (Loeffler) - Special', K: '10100', CH, V, PR: 1, TP: 159 })])).races[0]!;
      return race.batch.votes;
    };
    const want = { 'annette-davis-jackson': 44_254, 'deborah-jackson': 323_785, warnock: 1_615_382 };
    expect(votesOf(['Annette Davis Jackson (Rep)', 'Deborah Jackson (Dem)', 'Raphael Warnock (Dem)'], [44_254, 323_785, 1_615_382])).toEqual(want);
    expect(votesOf(['Deborah Jackson (Dem)', 'Raphael Warnock (Dem)', 'Annette Davis Jackson (Rep)'], [323_785, 1_615_382, 44_254])).toEqual(want);
  });
});

describe('Clarity choice names', () => {
  it.each([
    ['Donald J. Trump (I) (Rep)', { id: 'trump', name: 'Donald J. Trump', party: 'REP' }],
    ['Joseph R. Biden (Dem)', { id: 'biden', name: 'Joseph R. Biden', party: 'DEM' }],
    ['Lauren Bubba McDonald, Jr. (I) (Rep)', { id: 'mcdonald', name: 'Lauren Bubba McDonald, Jr.', party: 'REP' }],
    ["Earl L. ''Buddy'' Carter (I) (Rep)", { id: 'carter', name: "Earl L. ''Buddy'' Carter", party: 'REP' }],
    ['Lester G. Jackson, III (I) (Dem)', { id: 'jackson', name: 'Lester G. Jackson, III', party: 'DEM' }],
    ['YES', { id: 'yes', name: 'YES' }],
    ['José Peña (Ind)', { id: 'pena', name: 'José Peña', party: 'IND' }],
    ['(Rep)', { id: 'rep', name: '(Rep)' }],
  ])('%s', (ch, candidate) => {
    const r = parse([clarityContest({ C: 'Test', K: 1, CH: [ch], V: [1] })]);
    expect(r.races[0]!.definition.candidates).toEqual([candidate]);
  });

  it('takes the party from P where the name carries none (primaries), never "NP"', () => {
    const r = parse([clarityContest({ C: 'SD 39 - Dem Primary', K: 43920, CH: ['Zan Fort', 'Sonya Halpern'], V: [1, 2], P: ['DEM', 'NP'] })]);
    expect(r.races[0]!.definition.candidates).toEqual([
      { id: 'fort', name: 'Zan Fort', party: 'DEM' },
      { id: 'halpern', name: 'Sonya Halpern' },
    ]);
  });

  it('names choices sharing a last name by their full names within a contest, not across contests; the same full name is numbered', () => {
    const r = parse([
      clarityContest({ C: 'A', K: 1, CH: ['Ann Smith (Rep)', 'Bob Smith (Dem)', 'Cy Smith (Lib)', 'Dee Jones (Ind)', 'Cy Smith (Grn)'], V: [1, 2, 3, 4, 6] }),
      clarityContest({ C: 'B', K: 2, CH: ['Eve Smith (Rep)'], V: [5] }),
    ]);
    expect(r.races[0]!.definition.candidates.map((c) => c.id)).toEqual(['ann-smith', 'bob-smith', 'cy-smith', 'jones', 'cy-smith-2']);
    expect(r.races[1]!.definition.candidates.map((c) => c.id)).toEqual(['smith']);
  });
});

describe('Clarity parser', () => {
  const mapped = (races: unknown[]) => ({ races });
  const senate = clarityContest({ C: 'US Senate (Perdue)', K: '10000', CH: ['David A. Perdue (I) (Rep)', 'Jon Ossoff (Dem)', 'Shane Hazel (Lib)'], V: [10, 20, 3], PR: 5, TP: 159 });

  it('maps a contest by its name, with candidates by choice name and overrides', () => {
    const r = parse([president(), senate], undefined, mapped([
      {
        match: { contest: 'President of the United States' },
        raceId: 'ga-president-2020',
        title: 'President',
        electoralVotes: 16,
        recount: { marginPct: 0.5 },
        candidates: { 'Joseph R. Biden (Dem)': 'biden', 'Donald J. Trump (I) (Rep)': 'trump', 'Jo Jorgensen (Lib)': 'other' },
      },
    ]));
    expect(r.warnings).toEqual([]);
    expect(r.races).toHaveLength(1);
    const race = r.races[0]!;
    expect(race.raceId).toBe('ga-president-2020');
    expect(race.definition.title).toBe('President of the United States');
    expect(race.overrides).toEqual({ title: 'President', electoralVotes: 16, recount: { marginPct: 0.5, basis: 'total' } });
    expect(race.definition.candidates.map((c) => c.id)).toEqual(['trump', 'biden', 'other']);
    expect(race.batch.votes).toEqual({ trump: 2457910, biden: 2471955, other: 62058 });
  });

  it('maps a contest by its key; unmapped choices keep automatic ids, several choices mapped to one id add up', () => {
    const r = parse([president(), senate], undefined, mapped([
      { match: { key: '10000' }, raceId: 'ga-senate', candidates: { 'Jon Ossoff': 'ossoff-jon', 'Shane Hazel (Lib)': 'other', 'David A. Perdue (I) (Rep)': 'other' } },
      { match: { key: 5000 }, raceId: 'ga-pres' },
    ]));
    expect(r.warnings).toEqual([]);
    const [sen, pres] = r.races;
    expect(sen!.raceId).toBe('ga-senate');
    expect(sen!.overrides).toBeUndefined();
    expect(sen!.definition.candidates).toEqual([
      { id: 'other', name: 'Others' },
      { id: 'ossoff-jon', name: 'Jon Ossoff', party: 'DEM' },
    ]);
    expect(sen!.batch.votes).toEqual({ other: 13, 'ossoff-jon': 20 });
    expect(sen!.batch.reporting).toEqual({ reported: 5, total: 159, unit: 'counties' });
    expect(pres!.definition.candidates.map((c) => c.id)).toEqual(['trump', 'biden', 'jorgensen']);
  });

  it.each([
    ['a contest name the summary lacks', { match: { contest: 'Governor' }, raceId: 'ga-gov' }, /races\.0 \(ga-gov\): the summary has no contest with contest "Governor"/],
    ['a key the summary lacks', { match: { key: '99' }, raceId: 'ga-x' }, /no contest with key 99/],
    ['a match with neither contest nor key', { match: { statePostal: 'GA' }, raceId: 'ga-y' }, /match needs "contest"/],
  ])('warns about a mapping with %s and posts the rest', (_what, mapping, warning) => {
    const r = parse([president(), senate], undefined, mapped([mapping, { match: { key: '10000' }, raceId: 'ga-senate' }]));
    expect(r.races.map((x) => x.raceId)).toEqual(['ga-senate']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(warning);
  });

  it('skips a contest whose CH and V differ in length, naming it, and keeps the others', () => {
    const r = parse([president({ V: [1, 2] }), senate]);
    expect(r.races.map((x) => x.raceId)).toEqual(['clarity-ga-10000']);
    expect(r.warnings).toEqual(['contest "President of the United States" (K 5000) skipped: 3 choices (CH) but 2 counts (V)']);
  });

  it.each([
    ['a negative count', president({ V: [1, -2, 3] }), /contest "President of the United States" \(K 5000\) skipped: not a valid batch \(votes\.biden: must not be negative\)/],
    ['a contest without a name', { ...senate, C: '' }, /contest #1 \(K 10000\) skipped: C: has no contest name/],
    ['no choices', clarityContest({ C: 'Empty', K: 7, CH: [], V: [] }), /contest "Empty" \(K 7\) skipped: not a valid race \(candidates:/],
    ['a count that is not a number', { ...senate, V: ['many', 1, 2] }, /contest "US Senate \(Perdue\)" \(K 10000\) skipped: V\.0:/],
    ['51 candidates', clarityContest({ C: 'Big', K: 8, CH: Array.from({ length: 51 }, (_, i) => `C${i}`), V: Array.from({ length: 51 }, () => 1) }), /contest "Big" \(K 8\) skipped: not a valid race/],
  ])('turns %s into a warning naming the contest, never a crash', (_what, bad, warning) => {
    const r = parse([bad, president()]);
    expect(r.races.map((x) => x.raceId)).toEqual(['clarity-ga-5000']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(warning);
  });

  it('keeps a contest whose PR exceeds TP, without its reporting', () => {
    const r = parse([president({ PR: 160, TP: 159 })]);
    expect(r.races[0]!.batch.reporting).toBeNull();
    expect(r.warnings[0]).toMatch(/contest "President of the United States" \(K 5000\): reporting left out/);
  });

  it('reports precincts on a county site (isstate false)', () => {
    const r = parse([president({ PR: 10, TP: 12 })], claritySettings({ istestmode: false, isstate: false }));
    expect(r.races[0]!.batch.reporting).toEqual({ reported: 10, total: 12, unit: 'precincts' });
  });

  it.each([
    ['istestmode true', claritySettings({ istestmode: true }), {}, true, true],
    ['istestmode false', claritySettings({ istestmode: false }), {}, false, false],
    ['istestmode "1"', { settings: { electiondetails: { istestmode: '1' } } }, {}, true, true],
    ['no settings', null, {}, null, false],
    ['settings without the flag', { settings: {} }, {}, null, false],
    ['feed.test forcing a live site', claritySettings({ istestmode: false }), { test: true }, true, true],
    ['feed.test false leaving a test site in test', claritySettings({ istestmode: true }), { test: false }, true, true],
  ])('%s', (_what, settings, extra, test, batchTest) => {
    const r = parse([president()], settings, extra);
    expect(r.test).toBe(test);
    expect(r.races[0]!.batch.test).toBe(batchTest);
  });

  it.each([
    ['summary.json that is not JSON', '<html>Please wait…</html>', claritySettings({ istestmode: false }), /summary\.json is not JSON \(it starts "<html>/],
    ['summary.json that is not a list', '{"C":"x"}', claritySettings({ istestmode: false }), /summary\.json is not a list of contests/],
    ['electionsettings.json that is not JSON', [president()], '{"settings": ', /electionsettings\.json is not JSON/],
    ['electionsettings.json that is not an object', [president()], '[]', /electionsettings\.json is not a settings object/],
  ])('throws FeedParseError for %s', (_what, summary, settings, message) => {
    expect(() => parse(summary, settings)).toThrow(FeedParseError);
    expect(() => parse(summary, settings)).toThrow(message);
  });

  it('flags winners from W', () => {
    const r = parse([president({ W: [0, 1, 0] }), { ...senate, W: [true, '0', null] }]);
    expect(r.races[0]!.winners).toEqual([{ candidateId: 'biden', kind: 'winner' }]);
    expect(r.races[1]!.winners).toEqual([{ candidateId: 'perdue', kind: 'winner' }]);
  });

  it('warns about a second contest that would make the same race, keeping the first', () => {
    const r = parse([president(), president({ V: [1, 2, 3] })]);
    expect(r.races).toHaveLength(1);
    expect(r.races[0]!.batch.votes.trump).toBe(2457910);
    expect(r.warnings[0]).toMatch(/K 5000\) skipped: race clarity-ga-5000 already comes from another contest/);
  });

  it('makes batches that pass the ingest schema as they are', () => {
    const r = parse([president(), senate]);
    for (const race of r.races) expect(ResultBatch.parse(race.batch)).toEqual(race.batch);
  });
});

describe('Clarity site URLs', () => {
  it.each([
    ['https://results.enr.clarityelections.com/GA/105369', 'GA'],
    ['https://results.enr.clarityelections.com//GA/105369/', 'GA'],
    ['https://results.enr.clarityelections.com/GA/Fulton/105430', 'GA'],
    ['file:///srv/al/mirror/wv/126209', 'WV'],
    ['https://example.org/results/105369', null],
    ['not a url', null],
  ])('%s → %s', (url, postal) => {
    expect(statePostalOfUrl(url)).toBe(postal);
  });
});
