import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus, LeadChange, RaceView } from '../../../shared/index.js';
import { FeedsFile, type FeedConfig } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { apRace, apSteps, startFakeAp, type ApCandidateInput, type FakeAp } from '../../../scripts/fakes/ap.js';
import { GEORGIA_AP_MAPPING, GEORGIA_MISSING, georgiaApSteps, hasGeorgiaTimeline, readGeorgiaRows } from '../../helpers/georgiaAp.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';

const KEY = 'ap-test-key';
const ENV = { AP_TEST_KEY: KEY };

/** One state-level Georgia unit with these counts, as AP would send it. */
function georgia(lastUpdated: string, biden: number, trump: number, o: { test?: boolean; winner?: 'biden' } = {}) {
  const c = (first: string, last: string, id: string, ballotOrder: number, voteCount: number, win: boolean): ApCandidateInput => ({
    first,
    last,
    party: last === 'Biden' ? 'Dem' : 'GOP',
    candidateID: id,
    ballotOrder,
    voteCount,
    ...(win ? { winner: 'X' as const } : {}),
  });
  return apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
    raceID: '0',
    officeName: 'President',
    test: o.test,
    units: [
      {
        lastUpdated,
        precinctsReporting: 2600,
        precinctsTotal: 2655,
        candidates: [c('Joe', 'Biden', '1036', 1, biden, o.winner === 'biden'), c('Donald', 'Trump', '8639', 2, trump, false)],
      },
    ],
  });
}

const pennsylvania = (lastUpdated: string, biden: number, trump: number) =>
  apRace({
    statePostal: 'PA',
    stateName: 'Pennsylvania',
    raceID: '0',
    officeName: 'President',
    units: [
      {
        lastUpdated,
        precinctsReporting: 9000,
        precinctsTotal: 9150,
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: biden },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: trump },
        ],
      },
    ],
  });

describe.each(storeKinds())('the AP feed, supervised ($name store)', (kind) => {
  let ap: FakeAp | null = null;
  let lw: LeadWire | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    await ap?.close();
    lw = ap = null;
  });

  /**
   * A server polling the fake AP. The interval is an hour, so nothing polls by itself after the first poll at
   * start: each later poll is a producer's "Poll now", which answers when the poll is done.
   */
  async function setup(feed: Partial<FeedConfig> = {}) {
    ap = await startFakeAp({ apiKey: KEY });
    const configs = FeedsFile.parse({
      feeds: [{ id: 'ap', kind: 'ap', label: 'AP', url: ap.electionUrl, intervalSeconds: 3600, apiKeyEnv: 'AP_TEST_KEY', ...feed }],
    }).feeds;
    lw = await startLeadWire({ store: await kind.make(), feeds: { configs, kinds: FEED_KINDS, env: ENV } });
    return { ap, lw };
  }

  const status = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
  const pollNow = async (lw: LeadWire) => {
    const res = await lw.api<FeedStatus>('POST', '/api/feeds/ap/poll');
    expect(res.status).toBe(200);
    return res.body;
  };
  const firstPoll = (lw: LeadWire) => eventually(async () => ((await status(lw)).polls >= 1 && (await status(lw)).state !== 'starting' ? true : undefined), 10_000, 'the first poll');

  it(
    'follows a scripted night: full answer, deltas by nextrequest, a quota answer in words, a truncated pair, then nothing new',
    async () => {
      const { ap, lw } = await setup();
      ap.setScript([
        apSteps.full([georgia('2020-11-06T08:40:27Z', 2_447_991, 2_448_454), pennsylvania('2020-11-06T08:00:00Z', 3_290_000, 3_300_000)]),
        apSteps.delta([georgia('2020-11-06T09:50:07.414Z', 2_449_371, 2_448_454)]), // the flip, Pennsylvania left out
        apSteps.quota(),
        apSteps.truncated([georgia('2020-11-06T10:30:00Z', 2_450_000, 2_448_500)], [pennsylvania('2020-11-06T13:52:37.632Z', 3_310_000, 3_304_413)]),
        apSteps.unchanged(),
      ]);
      await firstPoll(lw);
      let s = await status(lw);
      expect(s).toMatchObject({ state: 'ok', mode: 'live', polls: 1, batchesPosted: 2, races: ['ap-ga-0', 'ap-pa-0'], lastError: null });
      const ga = (await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body;
      expect(ga).toMatchObject({ title: 'President', jurisdiction: 'Georgia', leader: 'trump', source: 'ap', test: false });
      expect(ga.reporting).toEqual({ reported: 2600, total: 2655, unit: 'precincts' });

      s = await pollNow(lw); // the flip
      expect(s).toMatchObject({ state: 'ok', polls: 2, batchesPosted: 3 });
      const lcs = (await lw.api<LeadChange[]>('GET', '/api/races/ap-ga-0/lead-changes')).body;
      expect(lcs).toEqual([expect.objectContaining({ from: 'trump', to: 'biden', margin: 917, asOf: '2020-11-06T09:50:07.414Z' })]);
      expect((await lw.api<RaceView>('GET', '/api/races/ap-pa-0')).body.revision).toBe(2); // left out of the delta: unchanged

      s = await pollNow(lw); // the quota answer: backoff, in words
      expect(s.state).toBe('error');
      expect(s.lastError).toMatch(/^AP answered 403: per-minute quota \(100\) exceeded.* — retrying in \d+/i);
      expect(s.retryAt).not.toBeNull();
      expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body.totalVotes).toBe(2_449_371 + 2_448_454); // nothing changed on air

      s = await pollNow(lw); // the truncated pair, both pages in one poll
      expect(s).toMatchObject({ state: 'ok', lastError: null, retryAt: null, batchesPosted: 5 });
      expect((await lw.api<RaceView>('GET', '/api/races/ap-pa-0')).body).toMatchObject({ leader: 'biden', margin: 5_587 });

      s = await pollNow(lw); // nothing new
      expect(s).toMatchObject({ state: 'ok', batchesPosted: 5 });

      // Every request carried the key and format=json; after the first, each was the last link handed out, verbatim.
      expect(ap.requests.every((r) => r.headers['x-api-key'] === KEY && /format=json/i.test(r.url))).toBe(true);
      const followUps = ap.requests.slice(1).map((r) => `${ap.url}${r.url}`);
      const expected = [ap.handedOut[0], ap.handedOut[1], ap.handedOut[1], ap.handedOut[2], ap.handedOut[3]];
      expect(followUps).toEqual(expected);
      expect(followUps.every((u) => u.includes('%3a'))).toBe(true);

      const metrics = (await lw.api<string>('GET', '/metrics', { token: null })).body;
      expect(metrics).toMatch(/leadwire_feed_polls_total\{feed="ap",outcome="error"\} 1/);
      expect(metrics).toMatch(/leadwire_feed_batches_total\{feed="ap",status="applied"\} 5/);
      expect(metrics).toMatch(/leadwire_feed_last_success_timestamp_seconds\{feed="ap"\} \d/);
      expect((await lw.api('GET', '/healthz', { token: null })).body.feeds).toEqual([{ id: 'ap', kind: 'ap', mode: 'live', state: 'ok' }]);
    },
  );

  it('posts nothing of an unparseable answer, says so, and keeps the cursor to retry the same request', async () => {
    const { ap, lw } = await setup();
    ap.setScript([apSteps.full([georgia('2020-11-06T08:40:27Z', 10, 20)]), apSteps.raw('{"races": [ {"raceID": '), apSteps.delta([georgia('2020-11-06T09:00:00Z', 30, 20)])]);
    await firstPoll(lw);
    const broken = await pollNow(lw);
    expect(broken.state).toBe('error');
    expect(broken.lastError).toMatch(/AP/);
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body.totalVotes).toBe(30);
    const fixed = await pollNow(lw);
    expect(fixed.state).toBe('ok');
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body.totalVotes).toBe(50);
    expect(ap.requests[2]!.url).toBe(ap.requests[1]!.url); // the same link, retried
  });

  it('shows a dead wire in words, and pause / resume', async () => {
    const { ap: wire, lw } = await setup();
    wire.setScript([apSteps.full([georgia('2020-11-06T08:40:27Z', 10, 20)])]);
    await firstPoll(lw);
    await wire.close();
    ap = null; // closed
    const dead = await pollNow(lw);
    expect(dead).toMatchObject({ state: 'error' });
    expect(dead.lastError).toMatch(/^could not reach AP \(connection refused\) — retrying in /);
    const paused = await lw.api<FeedStatus>('POST', '/api/feeds/ap/pause');
    expect(paused.body.state).toBe('paused');
    expect((await status(lw)).state).toBe('paused');
    const polls = (await status(lw)).polls;
    await pollNow(lw); // a paused feed is not polled, even when asked
    expect((await status(lw)).polls).toBe(polls);
    expect((await lw.api('POST', '/api/feeds/ap/pause', { token: 'ingest' })).status).toBe(403);
    expect((await lw.api('POST', '/api/feeds/nope/pause')).status).toBe(404);
    const resumed = await lw.api<FeedStatus>('POST', '/api/feeds/ap/resume');
    expect(resumed.body.state).toBe('error'); // polled at once on resume: the wire is still dead
    expect(resumed.body.polls).toBe(polls + 1);
  });

  it('stays paused when paused while a poll is under way', async () => {
    // A wire that holds its answer until the test lets it go.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const slow = createServer((req, res) => {
      void held.then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ races: [georgia('2020-11-06T08:40:27Z', 10, 20)], nextrequest: `http://127.0.0.1/${req.url}` }));
      });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/v3/elections/2020-11-03`;
      const configs = FeedsFile.parse({ feeds: [{ id: 'ap', kind: 'ap', url, intervalSeconds: 3600 }] }).feeds;
      lw = await startLeadWire({ store: await kind.make(), feeds: { configs, kinds: FEED_KINDS } });
      await eventually(async () => ((await status(lw!)).polls >= 1 ? true : undefined)); // the first poll is under way
      expect((await lw.api<FeedStatus>('POST', '/api/feeds/ap/pause')).body.state).toBe('paused');
      release();
      await eventually(async () => ((await status(lw!)).lastSuccessAt !== null ? true : undefined), 10_000, 'the held poll to end');
      expect((await status(lw)).state).toBe('paused');
    } finally {
      release();
      await lw?.close();
      lw = null;
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  it('resets a race when the wire switches from test to live, so rehearsal counts never mix with live ones', async () => {
    const { ap, lw } = await setup();
    ap.setScript([
      apSteps.full([georgia('2020-11-07T10:00:00Z', 900, 100, { test: true })]), // AP's test session, timed after the real night
      apSteps.delta([georgia('2020-11-06T08:40:27Z', 2_447_991, 2_448_454)]),
    ]);
    await firstPoll(lw);
    expect(await status(lw)).toMatchObject({ mode: 'test' });
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body).toMatchObject({ test: true, totalVotes: 1000 });
    const live = await pollNow(lw);
    expect(live).toMatchObject({ mode: 'live', state: 'ok', warnings: [] });
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body).toMatchObject({
      test: false,
      leader: 'trump',
      totalVotes: 2_447_991 + 2_448_454,
      asOf: '2020-11-06T08:40:27.000Z',
    });
    expect((await lw.api<LeadChange[]>('GET', '/api/races/ap-ga-0/lead-changes')).body).toEqual([]);
  });

  it('forces test mode when the feed file says so', async () => {
    const { ap, lw } = await setup({ test: true });
    ap.setScript([apSteps.full([georgia('2020-11-06T08:40:27Z', 10, 20)])]);
    await firstPoll(lw);
    expect(await status(lw)).toMatchObject({ mode: 'test' });
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body.test).toBe(true);
  });

  it('makes a call the wire flags a proposal for the desk: the race is not called', async () => {
    const { ap, lw } = await setup();
    ap.setScript([apSteps.full([georgia('2020-11-06T08:40:27Z', 30, 20, { winner: 'biden' })])]);
    await firstPoll(lw);
    expect((await lw.api<RaceView>('GET', '/api/races/ap-ga-0')).body).toMatchObject({ status: 'leading', call: null });
    expect((await lw.api('GET', '/api/calls?status=proposed')).body).toEqual([expect.objectContaining({ raceId: 'ap-ga-0', winner: 'biden', source: 'ap' })]);
  });

  it.skipIf(!hasGeorgiaTimeline())(
    `tells Georgia's 2020 night through the AP path: one lead change, at 09:50:07.414Z by 917${hasGeorgiaTimeline() ? '' : ` (${GEORGIA_MISSING})`}`,
    async () => {
      const { ap, lw } = await setup({ races: [GEORGIA_AP_MAPPING] });
      const steps = georgiaApSteps();
      ap.setScript(steps);
      await firstPoll(lw);
      for (let i = 1; i < steps.length; i++) await pollNow(lw);
      const rows = readGeorgiaRows();
      const race = (await lw.api<RaceView>('GET', '/api/races/ga-president-2020')).body;
      const last = rows[rows.length - 1]!;
      expect(race).toMatchObject({ leader: 'biden', electoralVotes: 16, asOf: new Date(last.asOf).toISOString(), source: 'ap' });
      expect(race.candidates.map((c) => c.votes)).toEqual([last.biden, last.trump, last.other]);
      const lcs = (await lw.api<LeadChange[]>('GET', '/api/races/ga-president-2020/lead-changes')).body;
      expect(lcs.map((lc) => [lc.asOf, lc.from, lc.to, lc.margin])).toEqual([['2020-11-06T09:50:07.414Z', 'trump', 'biden', 917]]);
    },
    60_000,
  );
});
