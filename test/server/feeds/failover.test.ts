import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus, LeadChange, RaceView } from '../../../shared/index.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { silentLogger } from '../../../server/logger.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { systemClock } from '../../../server/clock.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../../scripts/fakes/ap.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { startLeadWireProcess } from '../../helpers/process.js';
import { startRedis, type PrivateRedis } from '../../helpers/redis.js';

const INTERVAL_S = 0.5;

const georgia = (lastUpdated: string, biden: number, trump: number) =>
  apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
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

describe('two instances on one Redis and one feed', () => {
  let redis: PrivateRedis;
  let ap: FakeAp;
  let dir: string;
  let a: ChildProcess | null = null;
  let b: LeadWire | null = null;
  let bStore: Store | null = null;
  beforeAll(async () => {
    redis = await startRedis();
    ap = await startFakeAp();
    dir = mkdtempSync(join(tmpdir(), 'leadwire-feeds-'));
  }, 20_000);
  afterAll(async () => {
    a?.kill('SIGKILL');
    await b?.close();
    await bStore?.close();
    await ap.close();
    await redis.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'has exactly one poller, and when it dies the other polls within two intervals without posting any batch twice',
    async () => {
      const file = join(dir, 'feeds.json');
      const feeds = { feeds: [{ id: 'ap', kind: 'ap', label: 'AP', url: ap.electionUrl, intervalSeconds: INTERVAL_S }] };
      writeFileSync(file, JSON.stringify(feeds));
      ap.setScript([apSteps.full([georgia('2020-11-06T08:40:27Z', 2_447_991, 2_448_454)])]);

      // A: a real process; it takes the feed's lock first.
      const started = await startLeadWireProcess({ REDIS_URL: redis.url, LEADWIRE_FEEDS: file });
      a = started.proc;
      const statusOf = async (base: string) => ((await (await fetch(`${base}/api/feeds`)).json()) as FeedStatus[])[0]!;
      const aInstance = await eventually(async () => (await statusOf(started.base)).instance ?? undefined, 20_000, 'A to poll');

      // B: a second instance on the same Redis and prefix.
      bStore = new Store(await RedisBackend.connect({ url: redis.url, prefix: 'lw:', logger: silentLogger() }), { clock: systemClock });
      b = await startLeadWire({
        store: bStore,
        clock: systemClock,
        feeds: { configs: FeedsFile.parse(feeds).feeds, kinds: FEED_KINDS, instanceId: 'instance-b' },
      });

      // Over several intervals, every request after the first follows a link an answer handed out: a second
      // poller would start with the feed's own URL (it has no link), and a 304 answers only the holder's ETag.
      const seen = ap.requests.length;
      await eventually(() => (ap.requests.length >= seen + 6 ? true : undefined), 20_000, 'six more polls');
      const follow = ap.requests.slice(1).map((r) => `${ap.url}${r.url}`);
      expect(follow.filter((u) => !ap.handedOut.includes(u))).toEqual([]);
      expect((await statusOf(b.base)).instance).toBe(aInstance);

      // The flip reaches the race through A.
      ap.push(apSteps.delta([georgia('2020-11-06T09:50:07.414Z', 2_449_371, 2_448_454)]));
      await eventually(async () => ((await b!.api<RaceView>('GET', '/api/races/ap-ga-0')).body.leader === 'biden' ? true : undefined), 20_000, 'the flip');

      // The lock outlives its holder by at most 1.5 intervals; B tries every half interval: ≤ 2 intervals in all.
      const admin = createClient({ url: redis.url });
      await admin.connect();
      const ttl = await admin.pTTL('lw:lock:feed:ap');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(INTERVAL_S * 1.5 * 1000);
      await admin.quit();

      a.kill('SIGKILL');
      const killedAt = Date.now();
      const before = ap.requests.length;
      // What a fresh poller asks first is AP's whole current state: B posts it, and it is all duplicates.
      ap.push(apSteps.full([georgia('2020-11-06T09:50:07.414Z', 2_449_371, 2_448_454)]));
      const status = await eventually(
        async () => {
          const s = await statusOf(b!.base);
          const polledSinceKill = s.lastPollAt !== null && Date.parse(s.lastPollAt) >= killedAt;
          return s.instance === 'instance-b' && polledSinceKill && s.state === 'ok' && ap.requests.length > before ? s : undefined;
        },
        20_000,
        'B to take the feed over',
      );
      process.stderr.write(`feed takeover after kill -9: ${Date.now() - killedAt} ms (interval ${INTERVAL_S * 1000} ms)\n`);
      expect(status.state).toBe('ok');
      // B started afresh (its first request is the feed URL, not A's link), and posted nothing twice.
      expect(ap.requests.slice(before).some((r) => !/minDateTime/.test(r.url))).toBe(true);
      const race = (await b.api<RaceView>('GET', '/api/races/ap-ga-0')).body;
      expect(race.revision).toBe(3); // defined, then two batches
      expect((await b.api<LeadChange[]>('GET', '/api/races/ap-ga-0/lead-changes')).body).toHaveLength(1);
      expect(status.batchesPosted).toBe(2); // A's counters carried on; B's duplicate added nothing
    },
    90_000,
  );
});
