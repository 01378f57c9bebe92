import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clarityContest, claritySettings, startFakeClarity, type FakeClarity } from '../../../scripts/fakes/clarity.js';
import { clarityFeed, createClarityPoller } from '../../../server/feeds/clarity/index.js';
import { FeedConfig } from '../../../server/feeds/config.js';
import { FeedHttpError, FeedParseError } from '../../../server/feeds/errors.js';
import { createHttpClient } from '../../../server/feeds/http.js';

const president = (biden: number, trump: number, o: { W?: (0 | 1)[] } = {}) =>
  clarityContest({ C: 'President of the United States', K: '5000', CH: ['Donald J. Trump (I) (Rep)', 'Joseph R. Biden (Dem)'], V: [trump, biden], PR: 150, TP: 159, ...o });

function manualClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function setup(feedExtra: Record<string, unknown> = {}) {
  const fake = await startFakeClarity({ state: 'GA', electionId: '107231' });
  const clock = manualClock('2020-11-04T05:00:00.000Z');
  const feed = FeedConfig.parse({ id: 'ga-sos', kind: 'clarity', url: fake.url, ...feedExtra });
  const http = createHttpClient({ sourceName: 'Clarity', timeoutMs: 10_000, now: clock.now });
  const poller = createClarityPoller({ feed, env: {}, clock, http });
  const signal = new AbortController().signal;
  return { fake, clock, poller, poll: () => poller.poll(signal), cleanup: () => fake.close() };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});
const start = async (feedExtra?: Record<string, unknown>) => {
  const s = await setup(feedExtra);
  cleanup = s.cleanup;
  return s;
};

const count = (fake: FakeClarity, suffix: string) => fake.requestsFor(suffix).length;

describe('Clarity poller against a fake Clarity site', () => {
  it('posts a new version once, then answers 304s with nothing to post', async () => {
    const { fake, poll } = await start();
    fake.publish(271066, { summary: [president(2471955, 2457910)], lastModified: '2020-11-12T15:57:55Z' });

    const first = await poll();
    expect(first.warnings).toEqual([]);
    expect(first.test).toBe(false);
    expect(first.races).toHaveLength(1);
    expect(first.races[0]!.raceId).toBe('clarity-ga-5000');
    expect(first.races[0]!.batch).toMatchObject({
      asOf: '2020-11-12T15:57:55.000Z',
      votes: { trump: 2457910, biden: 2471955 },
      reporting: { reported: 150, total: 159, unit: 'counties' },
      expectedVotePct: null,
      test: false,
    });

    const second = await poll();
    expect(second).toEqual({ races: [], test: false, warnings: [] });
    const [ver1, ver2] = fake.requestsFor('/current_ver.txt');
    expect(ver1!.headers['if-none-match']).toBeUndefined();
    expect(ver2!.headers['if-none-match']).toBe('"271066-1"');
    expect(ver2!.headers['if-modified-since']).toBeTruthy();
  });

  it('fetches the files of a version once each, however often it polls', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)] });
    await poll();
    await poll();
    await poll();
    expect(count(fake, '/current_ver.txt')).toBe(3);
    expect(fake.requestsFor('/summary.json').map((r) => r.url)).toEqual(['/GA/107231/100/json/en/summary.json']);
    expect(fake.requestsFor('/electionsettings.json').map((r) => r.url)).toEqual(['/GA/107231/100/json/en/electionsettings.json']);
  });

  it('posts a new batch on a version bump, as of the new summary’s Last-Modified', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(10, 20)], lastModified: '2020-11-06T08:40:27Z' });
    await poll();
    fake.publish(101, { summary: [president(2449371, 2448454)], lastModified: 'Fri, 06 Nov 2020 09:50:07 GMT' });

    const r = await poll();
    expect(r.races[0]!.batch.asOf).toBe('2020-11-06T09:50:07.000Z');
    expect(r.races[0]!.batch.votes).toEqual({ trump: 2448454, biden: 2449371 });
    expect(fake.requestsFor('/summary.json').map((x) => x.url)).toEqual([
      '/GA/107231/100/json/en/summary.json',
      '/GA/107231/101/json/en/summary.json',
    ]);
    expect((await poll()).races).toEqual([]);
  });

  it('dates a version without Last-Modified by when it was first seen, across a failed attempt', async () => {
    const { fake, poll, clock } = await start();
    fake.publish(100, { summary: '[{"C": ', lastModified: null });
    await expect(poll()).rejects.toBeInstanceOf(FeedParseError);
    const firstSeen = clock.now().toISOString();
    clock.advance(30_000);
    fake.replace(100, 'summary', [president(1, 2)]);
    const r = await poll();
    expect(r.races[0]!.batch.asOf).toBe(firstSeen);
  });

  it('follows istestmode: test batches, then live ones (the ingest resets the race)', async () => {
    const { fake, poll } = await start();
    fake.setTestMode(true);
    fake.publish(100, { summary: [president(500, 400)] });
    const rehearsal = await poll();
    expect(rehearsal.test).toBe(true);
    expect(rehearsal.races[0]!.batch.test).toBe(true);

    fake.setTestMode(false);
    fake.publish(101, { summary: [president(0, 0)] });
    const live = await poll();
    expect(live.test).toBe(false);
    expect(live.races[0]!.batch.test).toBe(false);
  });

  it('forces test with feed.test even when the site is live', async () => {
    const { fake, poll } = await start({ test: true });
    fake.publish(100, { summary: [president(1, 2)], settings: claritySettings({ istestmode: false }) });
    const r = await poll();
    expect(r.test).toBe(true);
    expect(r.races[0]!.batch.test).toBe(true);
  });

  it('throws FeedParseError for a broken summary and retries that version on the next poll', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: '<html>checking your browser</html>' });
    const failed = poll();
    await expect(failed).rejects.toBeInstanceOf(FeedParseError);
    await expect(failed).rejects.toThrow(/summary\.json is not JSON/);

    fake.replace(100, 'summary', [president(3, 4)]);
    const r = await poll();
    expect(r.races[0]!.batch.votes).toEqual({ trump: 4, biden: 3 });
    expect(count(fake, '/summary.json')).toBe(2);

    expect((await poll()).races).toEqual([]);
    expect(count(fake, '/summary.json')).toBe(2);
    // The retry asked for current_ver.txt unconditionally: the failed version was never marked done.
    expect(fake.requestsFor('/current_ver.txt')[1]!.headers['if-none-match']).toBeUndefined();
  });

  it('retries after an HTTP failure without fetching again what already arrived', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)] });
    fake.failWith('/electionsettings.json', 503);
    const failed = poll();
    await expect(failed).rejects.toBeInstanceOf(FeedHttpError);
    await expect(failed).rejects.toThrow(/Clarity answered 503/);
    expect(count(fake, '/summary.json')).toBe(1);

    fake.failWith('/electionsettings.json', null);
    const r = await poll();
    expect(r.races).toHaveLength(1);
    expect(count(fake, '/summary.json')).toBe(1);
    expect(count(fake, '/electionsettings.json')).toBe(2);
  });

  it('fails on a missing summary and picks the version up once it appears', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)] });
    fake.replace(100, 'summary', null);
    await expect(poll()).rejects.toThrow(/Clarity answered 404/);
    fake.replace(100, 'summary', [president(5, 6)]);
    expect((await poll()).races[0]!.batch.votes).toEqual({ trump: 6, biden: 5 });
  });

  it('posts a version whose electionsettings.json is missing, saying its test flag is unknown', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)], settings: null });
    const r = await poll();
    expect(r.test).toBeNull();
    expect(r.races[0]!.batch.test).toBe(false);
    expect(r.warnings).toEqual(['Clarity has no electionsettings.json for version 100: its test flag is unknown']);
  });

  it.each([
    { does: 'an istestmode it cannot read', settings: { settings: { electiondetails: { istestmode: 'yes', isstate: true } } } },
    { does: 'no istestmode at all', settings: { settings: { electiondetails: { isstate: true } } } },
  ])('posts a version whose settings give $does as live, and says so', async ({ settings }) => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)], settings });
    const r = await poll();
    expect(r.races[0]!.batch.test).toBe(false);
    expect(r.warnings).toEqual(["Clarity's electionsettings.json for version 100 gives no readable istestmode: posted as live"]);
  });

  it('carries the W winner flags', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(2473633, 2461854, { W: [0, 1] })] });
    expect((await poll()).races[0]!.winners).toEqual([{ candidateId: 'biden', kind: 'winner' }]);
  });

  it('sends a browser-like User-Agent on every request', async () => {
    const { fake, poll } = await start();
    fake.publish(100, { summary: [president(1, 2)] });
    await poll();
    await poll();
    expect(fake.requests).toHaveLength(4);
    for (const r of fake.requests) expect(r.headers['user-agent']).toMatch(/^Mozilla\/5\.0 \(.+\) AppleWebKit\/.+ Chrome\/[\d.]+ Safari\//);
  });

  it('says so when current_ver.txt holds no version', async () => {
    const { fake, poll } = await start();
    await expect(poll()).rejects.toThrow(/Clarity answered 404/);
    fake.publish('../../etc', { summary: [] });
    await expect(poll()).rejects.toThrow(/current_ver\.txt holds no version/);
  });

  it('refuses a url that names no state', async () => {
    const clock = manualClock('2020-11-04T05:00:00.000Z');
    const feed = FeedConfig.parse({ id: 'x', kind: 'clarity', url: 'http://127.0.0.1:9/results/107231' });
    const poller = clarityFeed.create({ feed, env: {}, clock, http: createHttpClient({ sourceName: 'Clarity', timeoutMs: 1000, now: clock.now }) });
    await expect(poller.poll(new AbortController().signal)).rejects.toThrow(/names no state/);
    expect(clarityFeed).toMatchObject({ kind: 'clarity', sourceName: 'Clarity' });
  });

  it('reads a file: site whose current_ver.txt is rewritten within the second of the last read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'leadwire-clarity-file-'));
    cleanup = async () => rmSync(root, { recursive: true, force: true });
    const site = join(root, 'GA', '107231');
    for (const [version, biden] of [['270000', 10], ['270001', 20]] as const) {
      mkdirSync(join(site, version, 'json', 'en'), { recursive: true });
      writeFileSync(join(site, version, 'json', 'en', 'summary.json'), JSON.stringify([president(biden, 5)]));
      writeFileSync(join(site, version, 'json', 'en', 'electionsettings.json'), JSON.stringify(claritySettings({ istestmode: false })));
    }
    const current = (version: string, mtime: string) => {
      writeFileSync(join(site, 'current_ver.txt'), version);
      utimesSync(join(site, 'current_ver.txt'), new Date(mtime), new Date(mtime));
    };
    const feed = FeedConfig.parse({ id: 'ga-sos', kind: 'clarity', url: pathToFileURL(site).href });
    const http = createHttpClient({ sourceName: 'Clarity', timeoutMs: 10_000, now: () => new Date() });
    const poller = createClarityPoller({ feed, env: {}, clock: manualClock('2020-11-04T05:00:00.000Z'), http });
    const poll = async () => (await poller.poll(new AbortController().signal)).races.map((r) => r.batch.votes);
    current('270000', '2020-11-04T05:00:00.100Z');
    expect(await poll()).toHaveLength(1);
    current('270001', '2020-11-04T05:00:00.900Z');
    expect(await poll()).toEqual([expect.objectContaining({ biden: 20 })]);
  });
});
