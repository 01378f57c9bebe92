import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { csvOf, startFakeSheet, type FakeSheet } from '../../../scripts/fakes/sheet.js';
import { FeedConfig } from '../../../server/feeds/config.js';
import { createCsvPoller } from '../../../server/feeds/csv/index.js';
import { FeedHttpError, FeedParseError } from '../../../server/feeds/errors.js';
import { createHttpClient } from '../../../server/feeds/http.js';
import { manualClock } from '../../helpers/stores.js';

const HEADER = ['race_id', 'candidate_id', 'votes'];
const senate = (ossoff: number, perdue: number) => csvOf([HEADER, ['ga-senate', 'ossoff', ossoff], ['ga-senate', 'perdue', perdue]]);

function pollerFor(url: string) {
  const clock = manualClock('2020-11-06T10:00:00.000Z');
  const feed = FeedConfig.parse({ id: 'desk', kind: 'csv', url });
  const http = createHttpClient({ sourceName: 'the sheet', timeoutMs: 10_000, now: clock.now });
  const poller = createCsvPoller({ feed, env: {}, clock, http });
  const signal = new AbortController().signal;
  return { clock, poll: () => poller.poll(signal) };
}

let sheet: FakeSheet | null = null;
let dir: string | null = null;
afterEach(async () => {
  await sheet?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sheet = dir = null;
});

describe('csv poller against a fake sheet on loopback', () => {
  it('times counts at the sheet’s Last-Modified, and posts nothing while the sheet answers 304', async () => {
    sheet = await startFakeSheet({ csv: senate(10, 20), lastModified: '2020-11-06T09:50:07Z' });
    const { poll } = pollerFor(sheet.url);
    const first = await poll();
    expect(first).toMatchObject({ test: null, warnings: [], races: [{ raceId: 'ga-senate', definition: null, batch: { asOf: '2020-11-06T09:50:07.000Z', votes: { ossoff: 10, perdue: 20 } } }] });
    expect(await poll()).toEqual({ races: [], test: null, warnings: [] });
    expect(sheet.requests[1]!.headers['if-modified-since']).toBe('Fri, 06 Nov 2020 09:50:07 GMT');

    sheet.set({ csv: senate(30, 20), lastModified: '2020-11-06T09:55:00Z' });
    expect((await poll()).races[0]!.batch).toMatchObject({ asOf: '2020-11-06T09:55:00.000Z', votes: { ossoff: 30 } });
  });

  it('times counts at the fetch time without a Last-Modified, and takes the same bytes as no change', async () => {
    sheet = await startFakeSheet({ csv: senate(10, 20) }); // Google Sheets' export sends no validators
    const { clock, poll } = pollerFor(sheet.url);
    expect((await poll()).races[0]!.batch.asOf).toBe('2020-11-06T10:00:00.000Z');
    clock.advance(30_000);
    expect((await poll()).races).toEqual([]);
    sheet.set({ csv: senate(11, 20) });
    expect((await poll()).races[0]!.batch).toMatchObject({ asOf: '2020-11-06T10:00:30.000Z', votes: { ossoff: 11 } });
  });

  it('keeps showing a bad row while the sheet is unchanged', async () => {
    sheet = await startFakeSheet({ csv: csvOf([HEADER, ['ga-senate', 'ossoff', '1554.5']]), lastModified: '2020-11-06T09:00:00Z' });
    const { poll } = pollerFor(sheet.url);
    const warning = 'line 2: votes "1554.5" is not a whole number — race ga-senate not posted from this sheet';
    expect(await poll()).toEqual({ races: [], test: null, warnings: [warning] });
    expect(await poll()).toEqual({ races: [], test: null, warnings: [warning] });
    expect(sheet.requests.at(-1)!.headers['if-modified-since']).toBeDefined();
  });

  it('fails a poll on a sheet it cannot read, and reads the same sheet again next time', async () => {
    sheet = await startFakeSheet({ csv: 'race_id,votes\r\nga-senate,1\r\n', lastModified: '2020-11-06T09:00:00Z' });
    const { poll } = pollerFor(sheet.url);
    await expect(poll()).rejects.toThrow(FeedParseError);
    await expect(poll()).rejects.toThrow('the sheet has no "candidate_id" column');
    expect(sheet.requests.every((r) => r.headers['if-modified-since'] === undefined)).toBe(true);
  });

  it('says what the server answered', async () => {
    sheet = await startFakeSheet({ csv: '', status: 500 });
    const { poll } = pollerFor(sheet.url);
    const err = await poll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedHttpError);
    expect((err as Error).message).toBe('the sheet answered 500: failing on purpose (500)');
  });
});

describe('csv poller on a file: URL', () => {
  it('reads the file, times counts at its mtime, and posts again only when it changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-sheet-'));
    const file = join(dir, 'desk.csv');
    writeFileSync(file, senate(10, 20));
    utimesSync(file, new Date('2020-11-06T09:00:00Z'), new Date('2020-11-06T09:00:00Z'));
    const { poll } = pollerFor(pathToFileURL(file).href);
    expect((await poll()).races[0]!.batch).toMatchObject({ asOf: '2020-11-06T09:00:00.000Z', votes: { ossoff: 10 } });
    expect((await poll()).races).toEqual([]); // 304 by mtime

    writeFileSync(file, senate(40, 20));
    utimesSync(file, new Date('2020-11-06T09:10:00Z'), new Date('2020-11-06T09:10:00Z'));
    expect((await poll()).races[0]!.batch).toMatchObject({ asOf: '2020-11-06T09:10:00.000Z', votes: { ossoff: 40 } });
  });
});
