import { describe, expect, it } from 'vitest';
import { FeedsFile, type FeedConfig } from '../../../server/feeds/config.js';
import { parseSheet } from '../../../server/feeds/csv/index.js';
import { FeedParseError } from '../../../server/feeds/errors.js';
import { csvOf } from '../../../scripts/fakes/sheet.js';

const AS_OF = '2020-11-06T10:00:00.000Z';

function feedOf(extra: Partial<Record<keyof FeedConfig, unknown>> = {}): FeedConfig {
  return FeedsFile.parse({ feeds: [{ id: 'desk', kind: 'csv', url: 'file:///srv/desk.csv', ...extra }] }).feeds[0]!;
}

const read = (body: string, feed = feedOf()) => parseSheet(body, { feed, asOf: AS_OF });
const votesOf = (body: string) => Object.fromEntries(read(body).races.map((r) => [r.raceId, r.batch.votes]));

describe('parseSheet: reading the sheet', () => {
  it('reads quoted names with commas and doubled quotes, a BOM and CRLF line ends', () => {
    const body = csvOf(
      [
        ['race_id', 'candidate_id', 'name', 'votes'],
        ['ga-senate', 'ossoff', 'Ossoff, Jon "Jonathan"', '2374519'],
        ['ga-senate', 'perdue', 'Perdue, David A., Jr.', '2462617'],
      ],
      { bom: true },
    );
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body).toContain('ga-senate,ossoff,"Ossoff, Jon ""Jonathan""",2374519\r\n');
    const { races, warnings } = read(body);
    expect(warnings).toEqual([]);
    expect(races).toEqual([
      {
        raceId: 'ga-senate',
        definition: null,
        batch: { asOf: AS_OF, votes: { ossoff: 2374519, perdue: 2462617 }, expectedVotePct: null, outstanding: null, test: false, reporting: null },
        winners: [],
      },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('reads %s line ends, and lines mixed', (_name, eol) => {
    const body = ['race_id,candidate_id,votes', 'a,x,1', 'a,y,2'].join(eol) + '\n' + 'b,z,3\r\n';
    expect(votesOf(body)).toEqual({ a: { x: 1, y: 2 }, b: { z: 3 } });
  });

  it('matches columns by name without case or order, ignores others, skips blank lines and rows of empty cells', () => {
    const body = 'Notes,VOTES,Candidate ID,Race-ID\r\nhello,10,Biden,GA-President\r\n\r\n,,,\r\n"see, also",20,trump,ga-president\r\n';
    expect(read(body)).toMatchObject({ warnings: [], races: [{ raceId: 'ga-president', batch: { votes: { biden: 10, trump: 20 } } }] });
  });

  it.each([
    ['1554', 1554],
    ['1554.0', 1554],
    ['1554.00', 1554],
    [' 1554 ', 1554],
    ['1,554', 1554],
    ['2,374,519', 2374519],
    ['0', 0],
    ['-0', 0],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads the vote count %j as %d', (cell, votes) => {
    expect(votesOf(csvOf([['race_id', 'candidate_id', 'votes'], ['r', 'c', cell]]))).toEqual({ r: { c: votes } });
  });

  it.each([
    ['1554.5', 'votes "1554.5" is not a whole number'],
    ['-3', 'votes "-3" is negative'],
    ['1.554', 'votes "1.554" is ambiguous (a dot between groups of three digits): write 1554'],
    ['1.554.000', 'is ambiguous'],
    ['1,55', 'votes "1,55" is not a number of votes'],
    ['1 554', 'is not a number of votes'],
    ['12e3', 'is not a number of votes'],
    ['', 'votes is empty'],
    ['n/a', 'votes "n/a" is not a number of votes'],
    ['99999999999999999999', 'is too large'],
  ])('refuses the vote count %j as a bad row, naming its line', (cell, problem) => {
    const { races, warnings } = read(csvOf([['race_id', 'candidate_id', 'votes'], ['ok', 'a', '1'], ['r', 'c', cell]]));
    expect(races.map((r) => r.raceId)).toEqual(['ok']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(problem);
    expect(warnings[0]).toMatch(/^line 3: .* — race r not posted from this sheet$/);
  });
});

describe('parseSheet: a bad row holds back its race, never posts it partly', () => {
  const body = csvOf([
    ['race_id', 'candidate_id', 'name', 'votes'],
    ['ga-senate', 'ossoff', 'Jon\r\nOssoff', '2374519'], // a quoted line break: this record spans lines 2–3
    ['ga-senate', 'perdue', 'David Perdue', '2462617'],
    ['ga-president', 'biden', 'Joe Biden', '2473633'],
    ['ga-president', 'trump', 'Donald Trump', '2461854.5'],
    ['ga-president', 'jorgensen', 'Jo Jorgensen', '62229'],
  ]);

  it('names the line (counted in the file, quoted line breaks included) and what is wrong; the rest is posted', () => {
    const { races, warnings } = read(body);
    expect(races.map((r) => r.raceId)).toEqual(['ga-senate']);
    expect(warnings).toEqual(['line 6: votes "2461854.5" is not a whole number — race ga-president not posted from this sheet']);
  });

  it('names a record that spans lines by its lines', () => {
    const { warnings } = read(body.replace('2374519', 'lots'));
    expect(warnings[0]).toMatch(/^lines 2–3: votes "lots" is not a number of votes — race ga-senate not posted/);
  });

  it.each([
    [['ga-president', '', 'Kanye', '5'], 'line 8: candidate_id is empty — race ga-president not posted from this sheet'],
    [['ga-president', 'Bad Id!', 'Someone', '5'], 'line 8: candidate_id "Bad Id!" is not a candidate id'],
    [['ga-president', 'biden', 'Joe Biden', '5'], 'line 8: candidate biden is listed twice in race ga-president (also line 5) — race ga-president not posted from this sheet'],
    [['', 'west', 'Kanye West', '5'], 'line 8: race_id is empty'],
    [['Georgia President!', 'west', 'Kanye West', '5'], 'line 8: race_id "Georgia President!" is not a race id'],
  ])('a row %j', (row, warning) => {
    const fixed = body.replace('2461854.5', '2461854');
    const { races, warnings } = read(fixed + csvOf([row]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(warning);
    // A row that names no readable race cannot hold one back: the ingest refuses a batch missing a candidate anyway.
    const held = row[0] === 'ga-president' ? ['ga-senate'] : ['ga-senate', 'ga-president'];
    expect(races.map((r) => r.raceId)).toEqual(held);
  });

  it('puts every problem of a row in one warning', () => {
    const { warnings } = read(csvOf([['race_id', 'candidate_id', 'votes', 'test', 'expected_pct'], ['r', 'c', '1.5', 'maybe', '101']]));
    expect(warnings).toEqual(['line 2: votes "1.5" is not a whole number; expected_pct "101" is over 100; test "maybe" is not TRUE or FALSE — race r not posted from this sheet']);
  });
});

describe('parseSheet: the race-wide columns', () => {
  const header = ['race_id', 'candidate_id', 'votes', 'as_of', 'expected_pct', 'outstanding', 'outstanding_label', 'reported', 'total', 'test'];

  it('reads them from whichever rows fill them in', () => {
    const { races, warnings } = read(
      csvOf([
        header,
        ['ga-senate', 'ossoff', '2374519', '2020-11-06T04:50:07-05:00', '98.9%', '8,410', 'military and overseas ballots', '2650', '2655', 'FALSE'],
        ['ga-senate', 'perdue', '2462617', '', '', '', '', '', '', ''],
      ]),
    );
    expect(warnings).toEqual([]);
    expect(races[0]!.batch).toEqual({
      asOf: '2020-11-06T09:50:07.000Z',
      votes: { ossoff: 2374519, perdue: 2462617 },
      expectedVotePct: 98.9,
      outstanding: { ballots: 8410, label: 'military and overseas ballots' },
      test: false,
      reporting: { reported: 2650, total: 2655, unit: 'precincts' },
    });
  });

  it('takes the sheet’s Last-Modified (the context) without an as_of; "ballots" when outstanding has no label; a reporting_unit column', () => {
    const { races } = read(csvOf([['race_id', 'candidate_id', 'votes', 'outstanding', 'reported', 'total', 'reporting_unit', 'test'], ['r', 'c', '1', '30', '3', '159', 'counties', 'TRUE']]));
    expect(races[0]!.batch).toMatchObject({ asOf: AS_OF, outstanding: { ballots: 30, label: 'ballots' }, reporting: { reported: 3, total: 159, unit: 'counties' }, test: true });
  });

  it.each([
    [['2020-11-06T10:00:00Z', '90'], ['2020-11-06T05:00:00-05:00', '90.0'], null],
    [['', '90'], ['', '91'], 'line 3: expected_pct 91 differs from 90 on line 2 — race r not posted from this sheet'],
    [['2020-11-06T10:00:00Z', ''], ['2020-11-06T10:00:01Z', ''], 'line 3: as_of 2020-11-06T10:00:01.000Z differs from 2020-11-06T10:00:00.000Z on line 2'],
  ])('rows agreeing (%j, %j) or not', (a, b, warning) => {
    const { races, warnings } = read(csvOf([['race_id', 'candidate_id', 'votes', 'as_of', 'expected_pct'], ['r', 'x', '1', ...a], ['r', 'y', '2', ...b]]));
    if (warning === null) expect([races.length, warnings]).toEqual([1, []]);
    else expect([races.length, warnings[0]]).toEqual([0, expect.stringContaining(warning)]);
  });

  it.each([
    [['2020-11-06 10:00', '', ''], 'as_of "2020-11-06 10:00" has no time zone'],
    [['yesterday', '', ''], 'as_of "yesterday" is not an ISO-8601 date-time with a zone'],
    [['', '160', '159'], 'race r: reported 160 of total 159: reported: reported must not exceed total — race r not posted'],
    [['', '3', ''], 'race r: reported without total — race r not posted'],
  ])('refuses %j', (cells, warning) => {
    const { races, warnings } = read(csvOf([['race_id', 'candidate_id', 'votes', 'as_of', 'reported', 'total'], ['r', 'c', '1', ...cells]]));
    expect(races).toEqual([]);
    expect(warnings[0]).toContain(warning);
  });
});

describe('parseSheet: sheets it cannot read fail the poll', () => {
  it.each([
    ['race_id,votes\r\nr,1\r\n', 'the sheet has no "candidate_id" column (it needs race_id, candidate_id, votes)'],
    ['name,party\r\n', 'the sheet has no "race_id", "candidate_id", "votes" columns'],
    ['race_id,candidate_id,votes,Votes\r\n', 'the sheet has two "votes" columns (columns 3 and 4)'],
    ['', 'the sheet is empty (it has no header row)'],
    ['\uFEFF\r\n\r\n', 'the sheet is empty'],
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'the sheet answered an HTML page, not CSV'],
    ['race_id,candidate_id,votes\r\nr,"unclosed,1\r\n', 'the sheet is not readable CSV: Quote Not Closed'],
  ])('%j', (body, message) => {
    expect(() => read(body)).toThrow(FeedParseError);
    expect(() => read(body)).toThrow(message);
  });
});

describe('parseSheet: a feed file that maps races', () => {
  const body = csvOf([
    ['race_id', 'candidate_id', 'votes'],
    ['Senate', 'Ossoff', '10'],
    ['Senate', 'Perdue', '20'],
    ['House-7', 'bourdeaux', '5'],
  ]);

  it('takes only the mapped races, under their LeadWire ids and candidate ids', () => {
    const feed = feedOf({
      races: [
        { match: { race_id: 'senate' }, raceId: 'ga-senate-2020', candidates: { Ossoff: 'jon-ossoff' }, title: 'U.S. Senate' },
        { match: { race_id: 'governor' }, raceId: 'ga-governor' },
        { match: { contest: 'x' }, raceId: 'ga-x' },
      ],
    });
    const { races, warnings } = read(body, feed);
    expect(races).toEqual([expect.objectContaining({ raceId: 'ga-senate-2020', batch: expect.objectContaining({ votes: { 'jon-ossoff': 10, perdue: 20 } }) })]);
    expect(warnings).toEqual([
      'races.0 (ga-senate-2020): title ignored (a desk sheet does not define races: set them on the race)',
      'races.2 (ga-x): match needs "race_id" (the sheet\'s race_id)',
      'races.1 (ga-governor): the sheet has no rows with race_id "governor"',
    ]);
  });
});
