import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { FeedConfig } from '../../../server/feeds/config.js';
import { FeedHttpError, FeedParseError } from '../../../server/feeds/errors.js';
import { createHttpClient } from '../../../server/feeds/http.js';
import { createApPoller, firstRequestUrl } from '../../../server/feeds/ap/index.js';
import { apRace, apSteps, startFakeAp, type FakeAp, type FakeApOptions } from '../../../scripts/fakes/ap.js';

const KEY = 'test-key-not-secret';

/** Georgia race `raceID` as AP would send it at `lastUpdated`. */
const ga = (raceID: string, lastUpdated: string, biden: number, trump: number, opts: { test?: boolean; version?: 2 | 3 } = {}) =>
  apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
    raceID,
    officeName: raceID === '0' ? 'President' : 'U.S. Senate',
    ...opts,
    units: [
      {
        lastUpdated,
        precinctsReporting: 2600,
        precinctsTotal: 2655,
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '8639', ballotOrder: 1, voteCount: biden },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8645', ballotOrder: 2, voteCount: trump },
        ],
      },
    ],
  });

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

async function setup(o: { fake?: FakeApOptions; feed?: Record<string, unknown>; env?: NodeJS.ProcessEnv } = {}) {
  const ap = await startFakeAp({ apiKey: KEY, ...o.fake });
  cleanups.push(() => ap.close());
  const feed = FeedConfig.parse({ id: 'ap', kind: 'ap', url: ap.electionUrl, apiKeyEnv: 'AP_KEY', params: { statePostal: 'GA', level: 'state' }, ...o.feed });
  const http = createHttpClient({ sourceName: 'AP', timeoutMs: 10_000, now: () => new Date() });
  const poller = createApPoller({ feed, env: o.env ?? { AP_KEY: KEY }, clock: systemClock, http });
  const poll = () => poller.poll(new AbortController().signal);
  /** What the fake saw: the request-target (path and query) of each request, exactly as sent. */
  const seen = () => ap.requests.map((r) => r.url);
  /** A handed-out link as the request-target a faithful client sends. */
  const target = (i: number) => pathOf(ap, ap.handedOut[i]!);
  return { ap, poller, poll, seen, target };
}

const pathOf = (ap: FakeAp, link: string) => {
  expect(link.startsWith(ap.url)).toBe(true);
  return link.slice(ap.url.length);
};

const votesOf = (r: { races: { raceId: string; batch: { votes: Record<string, number> } }[] }) =>
  Object.fromEntries(r.races.map((x) => [x.raceId, x.batch.votes]));

describe('the AP poller against a fake AP', () => {
  it('follows nextrequest verbatim through deltas, a 403, a truncated pair and unchanged answers', async () => {
    const { ap, poller, poll, seen, target } = await setup();
    ap.push(
      apSteps.full([ga('0', '2020-11-04T13:28:22.084Z', 100, 200), ga('2', '2020-11-04T13:28:22.084Z', 50, 60)]),
      apSteps.delta([ga('0', '2020-11-05T01:00:00.000Z', 150, 210)]),
      apSteps.delta([ga('2', '2020-11-05T02:00:00.000Z', 70, 65)]),
      apSteps.quota(),
      apSteps.truncated([ga('0', '2020-11-06T09:50:07.414Z', 2449371, 2448454)], [ga('2', '2020-11-06T09:50:07.414Z', 90, 80)]),
      apSteps.unchanged(),
      apSteps.unchanged(),
    );

    const p1 = await poll();
    expect(votesOf(p1)).toEqual({ 'ap-ga-0': { biden: 100, trump: 200 }, 'ap-ga-2': { biden: 50, trump: 60 } });
    expect(p1.test).toBe(false);

    // A delta names only what changed; the merged picture keeps the rest as it was.
    expect(votesOf(await poll())).toEqual({ 'ap-ga-0': { biden: 150, trump: 210 } });
    expect(votesOf({ races: poller.current() })).toEqual({ 'ap-ga-0': { biden: 150, trump: 210 }, 'ap-ga-2': { biden: 50, trump: 60 } });
    expect(votesOf(await poll())).toEqual({ 'ap-ga-2': { biden: 70, trump: 65 } });

    const quota = await poll().catch((e: unknown) => e);
    expect(quota).toBeInstanceOf(FeedHttpError);
    expect((quota as FeedHttpError).status).toBe(403);
    expect((quota as FeedHttpError).message).toMatch(/^AP answered 403: per-minute quota \(100\) exceeded/i);

    // The retry asks the same question again, and drains both pages of the truncated answer in one poll.
    const p5 = await poll();
    expect(votesOf(p5)).toEqual({ 'ap-ga-0': { biden: 2449371, trump: 2448454 }, 'ap-ga-2': { biden: 90, trump: 80 } });
    expect(p5.races[0]!.batch.asOf).toBe('2020-11-06T09:50:07.414Z');

    expect(await poll()).toEqual({ races: [], test: false, warnings: [] }); // 200, nothing changed
    expect(await poll()).toEqual({ races: [], test: false, warnings: [] }); // 304

    expect(seen()).toEqual([
      '/v2/elections/2020-11-03?statePostal=GA&level=state&format=json',
      target(0),
      target(1),
      target(2), // answered 403
      target(2), // the same link again
      target(3), // truncated: more at once
      target(4),
      target(5), // the unchanged answer gave its own link back
    ]);
    expect(ap.handedOut[5]).toBe(ap.handedOut[4]);
    expect(ap.handedOut[0]).toMatch(/&minDateTime=2020-11-04T13%3a28%3a22\.084Z&/); // a re-encoding client would send %3A
    expect(ap.requests.map((r) => r.status)).toEqual([200, 200, 200, 403, 200, 200, 200, 304]);
    expect(ap.requests.at(-1)!.headers['if-none-match']).toMatch(/^"ap-unchanged-/);
    for (const r of ap.requests) {
      expect(new URLSearchParams(r.url.split('?')[1]).get('format')?.toLowerCase()).toBe('json');
      expect(r.headers['x-api-key']).toBe(KEY);
    }
    expect(ap.pending()).toBe(0);
  });

  it('answers 304 as nothing changed and keeps asking with the same validators', async () => {
    const { ap, poll } = await setup();
    ap.push(apSteps.full([ga('0', '2020-11-04T13:28:22.084Z', 1, 2)]), apSteps.unchanged(), apSteps.unchanged(), apSteps.unchanged());
    await poll();
    await poll(); // 200 with an ETag
    expect((await poll()).races).toEqual([]);
    expect((await poll()).races).toEqual([]);
    const [, , third, fourth] = ap.requests;
    expect(third!.headers['if-none-match']).toMatch(/^"ap-unchanged-/);
    expect(fourth!.headers['if-none-match']).toBe(third!.headers['if-none-match']);
    expect(fourth!.url).toBe(third!.url);
  });

  it('does not move past a body it cannot read: the next poll asks the same question', async () => {
    const { ap, poll, seen, target } = await setup();
    ap.push(apSteps.full([ga('0', '2020-11-04T13:28:22.084Z', 1, 2)]), apSteps.raw('{"races": [{"raceID"'), apSteps.delta([ga('0', '2020-11-04T14:00:00Z', 5, 6)]));
    await poll();
    await expect(poll()).rejects.toBeInstanceOf(FeedParseError);
    expect(votesOf(await poll())).toEqual({ 'ap-ga-0': { biden: 5, trump: 6 } });
    expect(seen().slice(1)).toEqual([target(0), target(0)]);
  });

  it('posts nothing of a truncated update whose second page fails, and starts it again', async () => {
    const { ap, poller, poll, seen, target } = await setup();
    ap.push(
      apSteps.full([ga('0', '2020-11-04T13:28:22.084Z', 1, 2)]),
      apSteps.truncated([ga('0', '2020-11-05T00:00:00Z', 10, 20)], [])[0]!,
      apSteps.tooManyRequests(7),
      ...apSteps.truncated([ga('0', '2020-11-05T00:00:00Z', 10, 20)], [ga('2', '2020-11-05T00:00:00Z', 3, 4)]),
    );
    await poll();
    const err = await poll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedHttpError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 7000 });
    expect(votesOf({ races: poller.current() })).toEqual({ 'ap-ga-0': { biden: 1, trump: 2 } });
    expect(Object.keys(votesOf(await poll()))).toEqual(['ap-ga-0', 'ap-ga-2']);
    expect(seen().slice(1)).toEqual([target(0), target(1), target(0), target(2)]);
  });

  it('reports test mode from the responses and keeps it through answers that say nothing (v3)', async () => {
    const { ap, poll } = await setup({ fake: { version: 3 } });
    ap.push(apSteps.full([ga('0', '2020-11-04T13:28:22.084Z', 1, 2, { test: true, version: 3 })]), apSteps.unchanged());
    const first = await poll();
    expect(first.test).toBe(true);
    expect(first.races[0]!.batch.test).toBe(true);
    expect((await poll()).test).toBe(true);
    expect(ap.requests[0]!.url).toBe('/v3/elections/2020-11-03?statePostal=GA&level=state&format=json');
  });

  it('sends no key when the variable is not set, and AP says so', async () => {
    const { ap, poll } = await setup({ env: {} });
    const err = await poll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedHttpError);
    expect((err as FeedHttpError).message).toBe('AP answered 401: invalid apikey');
    expect(ap.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('keeps the params the URL already has and adds the rest', async () => {
    const { ap, poll } = await setup({ fake: { apiKey: undefined } });
    ap.push(apSteps.full([]));
    const url = `${ap.electionUrl}?statePostal=GA&format=JSON`;
    expect(firstRequestUrl(url, { statepostal: 'PA', officeID: 'P,S' })).toBe(`${url}&officeID=P,S`);
    expect(firstRequestUrl(`${ap.electionUrl}?`, {})).toBe(`${ap.electionUrl}?format=json`);
    expect(firstRequestUrl(`${ap.electionUrl}#x`, { level: 'ru' })).toBe(`${ap.electionUrl}?level=ru&format=json`);
    await poll();
    expect(ap.requests[0]!.url).toBe('/v2/elections/2020-11-03?statePostal=GA&level=state&format=json');
  });

  it('reads a file: payload rewritten within the second of the last read, or put back with an older mtime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadwire-ap-file-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'ap.json');
    const write = (lastUpdated: string, biden: number, mtime: string) => {
      writeFileSync(file, JSON.stringify({ races: [ga('0', lastUpdated, biden, 2_448_454)] }));
      utimesSync(file, new Date(mtime), new Date(mtime));
    };
    const feed = FeedConfig.parse({ id: 'ap', kind: 'ap', url: pathToFileURL(file).href });
    const http = createHttpClient({ sourceName: 'AP', timeoutMs: 10_000, now: () => new Date() });
    const poller = createApPoller({ feed, env: {}, clock: systemClock, http });
    const poll = async () => (await poller.poll(new AbortController().signal)).races.map((r) => r.batch.votes.biden);
    write('2020-11-06T08:40:27Z', 2_447_991, '2020-11-06T09:50:00.100Z');
    expect(await poll()).toEqual([2_447_991]);
    expect(await poll()).toEqual([]); // the same bytes: nothing new
    // The mirror writes the flip 600 ms later: the same whole second, which If-Modified-Since cannot tell apart.
    write('2020-11-06T09:50:07.414Z', 2_449_371, '2020-11-06T09:50:00.700Z');
    expect(await poll()).toEqual([2_449_371]);
    // A copy that keeps an older timestamp (cp -p, rsync -t) is read too; the ingest judges it by its own time.
    write('2020-11-06T10:15:00Z', 2_450_000, '2020-11-06T09:00:00Z');
    expect(await poll()).toEqual([2_450_000]);
  });
});
