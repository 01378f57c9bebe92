import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus, LeadChange, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { createRecorder } from '../../../server/feeds/record.js';
import { RecordedFetch } from '../../../server/feeds/replay/index.js';
import { silentLogger } from '../../../server/logger.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { Store } from '../../../server/store/store.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../../scripts/fakes/ap.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock } from '../../helpers/stores.js';

const KEY = 'ap-key-never-on-disk';
const SPEED = 50;
/** Live clock time between the recorded polls. */
const GAP_MS = 10_000;

const president = (postal: string, state: string, lastUpdated: string, biden: number, trump: number) =>
  apRace({
    statePostal: postal,
    stateName: state,
    raceID: '0',
    officeName: 'President',
    units: [
      {
        lastUpdated,
        precinctsReporting: 2600,
        precinctsTotal: 2655,
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: biden },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: trump },
        ],
      },
    ],
  });
const ga = (t: string, b: number, tr: number) => president('GA', 'Georgia', t, b, tr);
const pa = (t: string, b: number, tr: number) => president('PA', 'Pennsylvania', t, b, tr);

/** A night with two flips in Georgia and one in Pennsylvania, a quota answer, a truncated pair and a quiet poll. */
const NIGHT = [
  apSteps.full([ga('2020-11-06T08:40:27Z', 2_447_991, 2_448_454), pa('2020-11-06T08:00:00Z', 3_290_000, 3_300_000)]),
  apSteps.delta([ga('2020-11-06T09:50:07.414Z', 2_449_371, 2_448_454)]),
  apSteps.quota(),
  apSteps.truncated([ga('2020-11-06T10:30:00Z', 2_450_000, 2_448_500)], [pa('2020-11-06T13:52:37.632Z', 3_310_000, 3_304_413)]),
  apSteps.unchanged(),
  apSteps.delta([ga('2020-11-06T14:00:00Z', 2_450_100, 2_450_200)]),
];
/** Polls of the live run: the quota answer and the truncated pair are one poll each. */
const LIVE_POLLS = 6;

/** What must come out the same live and replayed. */
async function outcome(lw: LeadWire) {
  const races = (await lw.api<RaceView[]>('GET', '/api/races', { token: null })).body;
  const leadChanges: Record<string, unknown> = {};
  for (const r of races) {
    const lcs = (await lw.api<LeadChange[]>('GET', `/api/races/${r.id}/lead-changes`, { token: null })).body;
    leadChanges[r.id] = lcs.map(({ from, to, margin, asOf }) => ({ from, to, margin, asOf }));
  }
  const counts = races.map((r) => ({
    id: r.id,
    title: r.title,
    asOf: r.asOf,
    leader: r.leader,
    margin: r.margin,
    votes: Object.fromEntries(r.candidates.map((c) => [c.id, c.votes])),
    reporting: r.reporting,
  }));
  return { counts, leadChanges };
}

const feedStatus = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
const pollNow = async (lw: LeadWire, id: string) => {
  const res = await lw.api<FeedStatus>('POST', `/api/feeds/${id}/poll`);
  expect(res.status).toBe(200);
  return res.body;
};
const firstPoll = (lw: LeadWire) =>
  eventually(async () => ((await feedStatus(lw)).polls >= 1 && (await feedStatus(lw)).state !== 'starting' ? true : undefined), 10_000, 'the first poll');

describe('recording a fake-AP night and replaying it through the AP parser', () => {
  let ap: FakeAp | null = null;
  const servers: LeadWire[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const lw of servers.splice(0)) await lw.close();
    await ap?.close();
    ap = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'leadwire-replay-'));
    dirs.push(d);
    return d;
  };

  /** The live night: a real LeadWire recording into `dir`, one producer "Poll now" per step, 10 s apart. */
  async function recordNight(dir: string) {
    ap = await startFakeAp({ apiKey: KEY, script: NIGHT.flat() });
    const clock = manualClock('2020-11-06T19:00:00.000Z');
    const configs = FeedsFile.parse({
      feeds: [{ id: 'ap', kind: 'ap', label: 'AP', url: ap.electionUrl, intervalSeconds: 3600, apiKeyEnv: 'AP_KEY', params: { statePostal: 'GA,PA' } }],
    }).feeds;
    const recorder = createRecorder({ dir, logger: silentLogger(), env: { AP_KEY: KEY } });
    const lw = await startLeadWire({
      clock,
      store: new Store(new MemoryBackend(), { clock }),
      feeds: { configs, kinds: FEED_KINDS, env: { AP_KEY: KEY }, onFetch: async (feed, r) => void (await recorder.record(feed, r)) },
    });
    servers.push(lw);
    await firstPoll(lw);
    for (let i = 1; i < LIVE_POLLS; i++) {
      clock.advance(GAP_MS);
      await pollNow(lw, 'ap');
    }
    return { live: await outcome(lw), status: await feedStatus(lw) };
  }

  async function startReplay(folder: string, extra: object = {}) {
    const clock = manualClock('2024-11-05T23:00:00.000Z');
    const configs = FeedsFile.parse({
      feeds: [{ id: 'rehearsal', kind: 'replay', url: pathToFileURL(folder).href, speed: SPEED, intervalSeconds: 3600, test: true, ...extra }],
    }).feeds;
    const lw = await startLeadWire({ clock, store: new Store(new MemoryBackend(), { clock }), feeds: { configs, kinds: FEED_KINDS, env: {} } });
    servers.push(lw);
    await firstPoll(lw);
    return { lw, clock };
  }

  it('records every fetched payload with its headers and fetch time, one file each, in order, never the key', async () => {
    const dir = tempDir();
    const { status } = await recordNight(dir);
    expect(status).toMatchObject({ state: 'ok', polls: LIVE_POLLS });
    const folder = join(dir, 'ap');
    const names = readdirSync(folder).sort();
    // Full, flip, the truncated pair, the quiet answer, the last delta; the quota answer (a 403) is no payload.
    expect(names).toEqual([
      '000001-2020-11-06T19-00-00.000Z.json',
      '000002-2020-11-06T19-00-10.000Z.json',
      '000003-2020-11-06T19-00-30.000Z.json',
      '000004-2020-11-06T19-00-30.000Z.json',
      '000005-2020-11-06T19-00-40.000Z.json',
      '000006-2020-11-06T19-00-50.000Z.json',
      'feed.json',
    ]);
    const fetches = names.filter((n) => n !== 'feed.json').map((n) => RecordedFetch.parse(JSON.parse(readFileSync(join(folder, n), 'utf8'))));
    expect(fetches[0]).toMatchObject({ kind: 'ap', feedId: 'ap', status: 200, fetchedAt: '2020-11-06T19:00:00.000Z' });
    expect(fetches[0]!.url).toBe(`${ap!.electionUrl}?statePostal=GA,PA&format=json`);
    expect(fetches[0]!.headers['content-type']).toMatch(/json/);
    expect(fetches.slice(1).map((f) => f.url)).toEqual([ap!.handedOut[0], ap!.handedOut[1], ap!.handedOut[2], ap!.handedOut[3], ap!.handedOut[4]]);
    expect(new Set(fetches.map((f) => f.session)).size).toBe(1);
    const feed = JSON.parse(readFileSync(join(folder, 'feed.json'), 'utf8'));
    expect(feed).toMatchObject({ id: 'ap', kind: 'ap', url: ap!.electionUrl, apiKeyEnv: 'AP_KEY' });
    for (const n of names) expect(readFileSync(join(folder, n), 'utf8')).not.toContain(KEY);
  });

  it('replays at speed 50 on its own clock: the same races, lead changes and final counts as the live night', async () => {
    const dir = tempDir();
    const { live } = await recordNight(dir);
    expect(live.leadChanges).toEqual({
      'ap-ga-0': [
        { from: 'trump', to: 'biden', margin: 917, asOf: '2020-11-06T09:50:07.414Z' },
        { from: 'biden', to: 'trump', margin: 100, asOf: '2020-11-06T14:00:00.000Z' },
      ],
      'ap-pa-0': [{ from: 'trump', to: 'biden', margin: 5_587, asOf: '2020-11-06T13:52:37.632Z' }],
    });

    const { lw, clock } = await startReplay(join(dir, 'ap'));
    let s = await feedStatus(lw);
    expect(s).toMatchObject({ kind: 'replay', state: 'ok', mode: 'test', batchesPosted: 2, races: ['ap-ga-0', 'ap-pa-0'] });

    // Not yet due (10 s recorded = 200 ms replayed): nothing changes, the feed stays ok.
    clock.advance(GAP_MS / SPEED - 1);
    s = await pollNow(lw, 'rehearsal');
    expect(s).toMatchObject({ state: 'ok', batchesPosted: 2 });
    clock.advance(1);
    s = await pollNow(lw, 'rehearsal');
    expect(s).toMatchObject({ state: 'ok', batchesPosted: 3 });
    const flip = (await lw.api<LeadChange[]>('GET', '/api/races/ap-ga-0/lead-changes')).body;
    expect(flip).toEqual([expect.objectContaining({ from: 'trump', to: 'biden', margin: 917, test: true })]);

    // The quota answer was not recorded: at 20 s nothing is due; at 30 s the truncated pair plays in one poll.
    clock.advance(GAP_MS / SPEED);
    expect((await pollNow(lw, 'rehearsal')).batchesPosted).toBe(3);
    clock.advance(GAP_MS / SPEED);
    expect((await pollNow(lw, 'rehearsal')).batchesPosted).toBe(5);
    for (let i = 0; i < 2; i++) {
      clock.advance(GAP_MS / SPEED);
      s = await pollNow(lw, 'rehearsal');
    }
    expect(s).toMatchObject({ state: 'ok', mode: 'test', batchesPosted: 6, lastError: null });
    expect(s.warnings).toEqual([expect.stringMatching(/^replay finished: 6 of 6 recorded fetches played/)]);
    expect(await outcome(lw)).toEqual(live);

    // Exhausted: it keeps answering "nothing changed", and the feed stays ok.
    clock.advance(60_000);
    s = await pollNow(lw, 'rehearsal');
    expect(s).toMatchObject({ state: 'ok', batchesPosted: 6, lastError: null });
    expect(s.warnings.filter((w) => /replay finished/.test(w))).toHaveLength(1);
    const views = (await lw.api<RaceView[]>('GET', '/api/races')).body;
    expect(views.every((v) => v.test && v.source === 'rehearsal')).toBe(true);
  });

  it('ignores a stray temp file in the folder; an unreadable payload is a poll error naming it, then skipped', async () => {
    const dir = tempDir();
    await recordNight(dir);
    const folder = join(tempDir(), 'copy');
    cpSync(join(dir, 'ap'), folder, { recursive: true });
    const third = join(folder, '000003-2020-11-06T19-00-30.000Z.json');
    // What a crash mid-write leaves: half a file under a temp name.
    writeFileSync(join(folder, '.000007-2020-11-06T19-01-00.000Z.json.1a2b3c4d.tmp'), readFileSync(third, 'utf8').slice(0, 200));
    // And a payload damaged after the fact (the quiet answer).
    writeFileSync(join(folder, '000005-2020-11-06T19-00-40.000Z.json'), '{"kind": "ap", "body": ');

    const { lw, clock } = await startReplay(folder, { speed: 10_000 });
    clock.advance(1_000);
    await pollNow(lw, 'rehearsal'); // the flip
    await pollNow(lw, 'rehearsal'); // the truncated pair
    const broken = await pollNow(lw, 'rehearsal');
    expect(broken.state).toBe('error');
    expect(broken.lastError).toContain('000005-2020-11-06T19-00-40.000Z.json');
    const next = await pollNow(lw, 'rehearsal');
    expect(next).toMatchObject({ state: 'ok', lastError: null, batchesPosted: 6 });
    expect(next.warnings).toEqual([
      expect.stringMatching(/^replay finished: 5 of 6 recorded fetches played/),
      expect.stringMatching(/^skipped: .*000005-2020-11-06T19-00-40\.000Z\.json is not JSON/),
    ]);
    expect((await lw.api<LeadChange[]>('GET', '/api/races/ap-ga-0/lead-changes')).body).toHaveLength(2);
  });

  it('says in its status when the folder is missing: a poll error, retried, never a crash', async () => {
    const folder = join(tempDir(), 'not-yet');
    const { lw } = await startReplay(folder);
    const s = await feedStatus(lw);
    expect(s.state).toBe('error');
    expect(s.lastError).toMatch(/cannot read the recording folder .*not-yet \(ENOENT\)/);
  });
});
