import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { csvOf, startFakeSheet, type FakeSheet } from '../../../scripts/fakes/sheet.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';

const HEADER = ['race_id', 'candidate_id', 'name', 'votes', 'expected_pct'];

const RACES = {
  'ga-senate': { title: 'U.S. Senate', jurisdiction: 'Georgia', candidates: [{ id: 'ossoff', name: 'Jon Ossoff' }, { id: 'perdue', name: 'David Perdue' }] },
  'ga-president': {
    title: 'President',
    jurisdiction: 'Georgia',
    candidates: [{ id: 'biden', name: 'Joe Biden' }, { id: 'trump', name: 'Donald Trump' }, { id: 'jorgensen', name: 'Jo Jorgensen' }],
  },
};

/** The night's sheet: quoted names with commas and quotes, a BOM, CRLF, float votes, a race LeadWire does not know, one bad row. */
const NIGHT = csvOf(
  [
    HEADER,
    ['ga-senate', 'ossoff', 'Ossoff, Jon "Jonathan"', '2374519.0', '98'],
    ['ga-senate', 'perdue', 'Perdue, David A.', '2462617.0', ''],
    ['ga-house-99', 'smith', 'Smith, Pat', '100', ''],
    ['ga-president', 'biden', 'Biden, Joe', '2473633', ''],
    ['ga-president', 'trump', 'Trump, Donald J.', '2461854.5', ''],
    ['ga-president', 'jorgensen', 'Jorgensen, Jo', '62229', ''],
  ],
  { bom: true },
);

describe.each(storeKinds())('a desk sheet, supervised ($name store)', (kind) => {
  let sheet: FakeSheet | null = null;
  let lw: LeadWire | null = null;
  let dir: string | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    await sheet?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    lw = sheet = dir = null;
  });

  /** A server polling `url` hourly: after the first poll at start, each poll is a producer's "Poll now". */
  async function setup(url: string) {
    const configs = FeedsFile.parse({ feeds: [{ id: 'desk', kind: 'csv', label: 'Desk', url, intervalSeconds: 3600 }] }).feeds;
    lw = await startLeadWire({ store: await kind.make(), feeds: { configs, kinds: FEED_KINDS } });
    await eventually(async () => ((await status(lw!)).polls >= 1 && (await status(lw!)).state !== 'starting' ? true : undefined), 10_000, 'the first poll');
    for (const [id, def] of Object.entries(RACES)) expect((await lw.api('PUT', `/api/races/${id}`, { body: def })).status).toBe(201);
    return lw;
  }

  const status = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
  const pollNow = async (lw: LeadWire) => {
    const res = await lw.api<FeedStatus>('POST', '/api/feeds/desk/poll');
    expect(res.status).toBe(200);
    return res.body;
  };
  const views = async (lw: LeadWire) => (await lw.api<RaceView[]>('GET', '/api/races', { token: null })).body;
  const race = async (lw: LeadWire, id: string) => (await lw.api<RaceView>('GET', `/api/races/${id}`, { token: null })).body;

  it('posts the good races, says which line is bad and which race does not exist, and defines nothing', async () => {
    sheet = await startFakeSheet({ csv: csvOf([HEADER]) }); // the sheet starts empty: races are defined first
    const lw = await setup(sheet.url);
    const before = await views(lw);

    sheet.set({ csv: NIGHT, lastModified: '2020-11-06T09:50:07Z' });
    const s = await pollNow(lw);
    expect(s).toMatchObject({ state: 'ok', lastError: null, batchesPosted: 1 });
    expect(s.warnings).toEqual([
      'line 6: votes "2461854.5" is not a whole number — race ga-president not posted from this sheet',
      'ga-house-99: no such race',
    ]);
    expect((await status(lw)).warnings).toEqual(s.warnings); // what every client sees on GET /api/feeds

    expect(await race(lw, 'ga-senate')).toMatchObject({
      source: 'desk',
      test: false,
      asOf: '2020-11-06T09:50:07.000Z', // the sheet's Last-Modified
      expectedVotePct: 98,
      leader: 'perdue',
      totalVotes: 2374519 + 2462617,
      // The desk's names stay: a sheet's extra columns are not read.
      candidates: [expect.objectContaining({ id: 'ossoff', name: 'Jon Ossoff', votes: 2374519 }), expect.objectContaining({ id: 'perdue', name: 'David Perdue', votes: 2462617 })],
    });
    // Nothing malformed stored: the race with the bad row is as it was, the unknown race was not created.
    const after = await views(lw);
    expect(after.find((r) => r.id === 'ga-president')).toEqual(before.find((r) => r.id === 'ga-president'));
    expect(after.map((r) => r.id).sort()).toEqual(['ga-president', 'ga-senate']);
    expect((await lw.api('GET', '/api/races/ga-house-99', { token: null })).status).toBe(404);

    // The sheet has not changed, but it names a race that does not exist yet: it is read again (unconditionally)
    // until it does; nothing is posted again, and the bad row and the unknown race are still shown.
    const revision = (await race(lw, 'ga-senate')).revision;
    const again = await pollNow(lw);
    expect(again).toMatchObject({ state: 'ok', batchesPosted: 1, polls: s.polls + 1 });
    expect(again.warnings).toEqual(s.warnings);
    expect(sheet.requests.at(-1)!.headers['if-modified-since']).toBeUndefined();
    expect((await race(lw, 'ga-senate')).revision).toBe(revision);

    // The desk defines the race: the next poll posts its count from the unchanged sheet, and then the sheet is
    // asked conditionally again (a 304: nothing to read).
    expect((await lw.api('PUT', '/api/races/ga-house-99', { body: { title: 'U.S. House', jurisdiction: 'Georgia 99', candidates: [{ id: 'smith', name: 'Pat Smith' }] } })).status).toBe(201);
    const defined = await pollNow(lw);
    expect(defined).toMatchObject({ batchesPosted: 2 });
    expect(defined.warnings).toEqual([s.warnings[0]]);
    expect(await race(lw, 'ga-house-99')).toMatchObject({ totalVotes: 100, asOf: '2020-11-06T09:50:07.000Z', source: 'desk' });
    const quiet = await pollNow(lw);
    expect(quiet).toMatchObject({ batchesPosted: 2, warnings: [s.warnings[0]] });
    expect(sheet.requests.at(-1)!.headers['if-modified-since']).toBe('Fri, 06 Nov 2020 09:50:07 GMT');

    // The desk fixes the row: the race is posted whole.
    sheet.set({ csv: NIGHT.replace('2461854.5', '2461854'), lastModified: '2020-11-06T09:55:00Z' });
    const fixed = await pollNow(lw);
    expect(fixed.warnings).toEqual([]);
    expect(await race(lw, 'ga-president')).toMatchObject({ leader: 'biden', margin: 2473633 - 2461854, asOf: '2020-11-06T09:55:00.000Z' });
  });

  it('posts a correction saved within the same second as the sheet it corrects (file: mtimes), a millisecond after it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-desk-'));
    const file = join(dir, 'desk.csv');
    const save = (ossoff: number, at: string) => {
      writeFileSync(file, csvOf([HEADER, ['ga-senate', 'ossoff', 'Jon Ossoff', ossoff, ''], ['ga-senate', 'perdue', 'David Perdue', 2000, '']]));
      utimesSync(file, new Date(at), new Date(at));
    };
    writeFileSync(file, csvOf([HEADER]));
    const lw = await setup(pathToFileURL(file).href);
    save(1000, '2020-11-06T09:50:07.100Z');
    expect(await pollNow(lw)).toMatchObject({ batchesPosted: 1, warnings: [] });
    expect(await race(lw, 'ga-senate')).toMatchObject({ leader: 'perdue', asOf: '2020-11-06T09:50:07.000Z' });
    // The desk fixes a typo 600 ms later: the file's Last-Modified, in whole seconds, reads the same.
    save(3000, '2020-11-06T09:50:07.700Z');
    expect(await pollNow(lw)).toMatchObject({ batchesPosted: 2, warnings: [] });
    expect(await race(lw, 'ga-senate')).toMatchObject({ leader: 'ossoff', asOf: '2020-11-06T09:50:07.001Z' });
    // Unchanged since: nothing new, nothing refused; a save in a later second stands at its own time.
    expect(await pollNow(lw)).toMatchObject({ batchesPosted: 2, warnings: [] });
    save(3100, '2020-11-06T09:50:08.200Z');
    expect(await pollNow(lw)).toMatchObject({ batchesPosted: 3, warnings: [] });
    expect(await race(lw, 'ga-senate')).toMatchObject({ totalVotes: 5100, asOf: '2020-11-06T09:50:08.000Z' });
  });

  it('fails a poll on a sheet without a required column, in words, and stores nothing of it', async () => {
    sheet = await startFakeSheet({ csv: csvOf([HEADER]) });
    const lw = await setup(sheet.url);
    const before = await views(lw);
    sheet.set({ csv: csvOf([['race_id', 'candidate', 'votes'], ['ga-senate', 'ossoff', '1']]), lastModified: '2020-11-06T09:00:00Z' });
    const s = await pollNow(lw);
    expect(s.state).toBe('error');
    expect(s.lastError).toMatch(/^the sheet has no "candidate_id" column \(it needs race_id, candidate_id, votes\) — retrying in /);
    expect(await views(lw)).toEqual(before);
  });

  it('honours a Retry-After of up to an hour, and waits an hour for one far beyond it instead of polling at once', async () => {
    // 3,000,000 s is past what a timer can hold (2³¹ ms): taken as it is, the wait would end at once, every time.
    sheet = await startFakeSheet({ csv: NIGHT, status: 503, retryAfter: '3000000' });
    const lw = await setup(sheet.url);
    const s = await status(lw);
    expect(s).toMatchObject({ state: 'error', lastError: expect.stringContaining('retrying in 60 min') });
    expect(Date.parse(s.retryAt!) - Date.parse(s.lastPollAt!)).toBeGreaterThan(59 * 60_000);
    // Had the wait overflowed, the feed would have polled hundreds of times by now.
    await new Promise((r) => setTimeout(r, 500));
    expect(sheet.requests).toHaveLength(1);
    expect((await status(lw)).polls).toBe(1);
  });

  it('follows a file: URL, even one put back with an older mtime', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-desk-'));
    const file = join(dir, 'desk.csv');
    const write = (ossoff: number, at: string) => {
      writeFileSync(file, csvOf([HEADER, ['ga-senate', 'ossoff', 'Jon Ossoff', ossoff, ''], ['ga-senate', 'perdue', 'David Perdue', '20', '']]));
      utimesSync(file, new Date(at), new Date(at));
    };
    writeFileSync(file, csvOf([HEADER]));
    const lw = await setup(pathToFileURL(file).href);
    write(10, '2020-11-06T08:00:00Z');
    expect(await pollNow(lw)).toMatchObject({ state: 'ok', batchesPosted: 1, warnings: [] });
    expect(await race(lw, 'ga-senate')).toMatchObject({ totalVotes: 30, asOf: '2020-11-06T08:00:00.000Z', source: 'desk' });
    expect(await pollNow(lw)).toMatchObject({ batchesPosted: 1 }); // the same bytes: nothing new

    write(5, '2020-11-06T07:00:00Z'); // a copy that kept an older timestamp: read, and refused by the ingest as older
    const s = await pollNow(lw);
    expect(s.warnings).toEqual(['ga-senate: older than the count already stored (not applied)']);
    expect((await race(lw, 'ga-senate')).totalVotes).toBe(30);
  });
});
