import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus, LeadChange, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { createRecorder } from '../../../server/feeds/record.js';
import { silentLogger } from '../../../server/logger.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { Store } from '../../../server/store/store.js';
import { clarityContest, startFakeClarity, type FakeClarity } from '../../../scripts/fakes/clarity.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock } from '../../helpers/stores.js';

const president = (biden: number, trump: number, pr: number) =>
  clarityContest({ C: 'President of the United States', K: '5000', CH: ['Donald J. Trump (I) (Rep)', 'Joseph R. Biden (Dem)'], V: [trump, biden], PR: pr, TP: 159 });
const RACE = 'clarity-ga-5000';

const status = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
const pollNow = async (lw: LeadWire, id: string) => (await lw.api<FeedStatus>('POST', `/api/feeds/${id}/poll`)).body;
const firstPoll = (lw: LeadWire) => eventually(async () => ((await status(lw)).state === 'ok' ? true : undefined), 10_000, 'the first poll');

async function outcome(lw: LeadWire) {
  const r = (await lw.api<RaceView>('GET', `/api/races/${RACE}`)).body;
  const lcs = (await lw.api<LeadChange[]>('GET', `/api/races/${RACE}/lead-changes`)).body;
  return {
    count: { asOf: r.asOf, leader: r.leader, margin: r.margin, reporting: r.reporting, votes: r.candidates.map((c) => [c.id, c.votes]) },
    leadChanges: lcs.map(({ from, to, margin, asOf }) => ({ from, to, margin, asOf })),
  };
}

describe('recording a Clarity site and replaying it through the Clarity poller', () => {
  let site: FakeClarity | null = null;
  const servers: LeadWire[] = [];
  let dir = '';
  afterEach(async () => {
    for (const lw of servers.splice(0)) await lw.close();
    await site?.close();
    site = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays the versions as fetched, a version without electionsettings.json included, to the same counts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-replay-clarity-'));
    site = await startFakeClarity();
    site.publish(271000, { summary: [president(900_000, 1_000_000, 100)], lastModified: '2020-11-04T01:00:00Z' });
    const clock = manualClock('2020-11-04T02:00:00.000Z');
    const configs = FeedsFile.parse({ feeds: [{ id: 'ga-sos', kind: 'clarity', url: site.url, intervalSeconds: 3600 }] }).feeds;
    const recorder = createRecorder({ dir, logger: silentLogger(), env: {} });
    const live = await startLeadWire({
      clock,
      store: new Store(new MemoryBackend(), { clock }),
      feeds: { configs, kinds: FEED_KINDS, onFetch: async (f, r) => void (await recorder.record(f, r)) },
    });
    servers.push(live);
    await firstPoll(live);
    clock.advance(10_000);
    site.publish(271010, { summary: [president(1_200_000, 1_250_000, 130)], settings: null, lastModified: '2020-11-04T01:10:00Z' });
    await pollNow(live, 'ga-sos');
    clock.advance(10_000);
    await pollNow(live, 'ga-sos'); // 304: nothing recorded
    clock.advance(10_000);
    site.publish(271066, { summary: [president(2_449_371, 2_448_454, 158)], lastModified: '2020-11-04T01:30:00Z' });
    expect(await pollNow(live, 'ga-sos')).toMatchObject({ state: 'ok', batchesPosted: 3 });
    const expected = await outcome(live);
    expect(expected.leadChanges).toEqual([expect.objectContaining({ from: 'trump', to: 'biden', margin: 917 })]);
    // current_ver, summary and settings, then current_ver and summary (no settings: 404), then all three again.
    expect(readdirSync(join(dir, 'ga-sos')).filter((n) => n !== 'feed.json')).toHaveLength(8);

    const replayClock = manualClock('2024-11-06T02:00:00.000Z');
    const replayConfigs = FeedsFile.parse({
      feeds: [{ id: 'ga-replay', kind: 'replay', url: pathToFileURL(join(dir, 'ga-sos')).href, speed: 50, intervalSeconds: 3600 }],
    }).feeds;
    const replay = await startLeadWire({ clock: replayClock, store: new Store(new MemoryBackend(), { clock: replayClock }), feeds: { configs: replayConfigs, kinds: FEED_KINDS } });
    servers.push(replay);
    await firstPoll(replay);
    const seen: FeedStatus[] = [];
    for (let i = 0; i < 3; i++) {
      replayClock.advance(10_000 / 50);
      seen.push(await pollNow(replay, 'ga-replay'));
    }
    expect(seen.map((s) => [s.state, s.batchesPosted])).toEqual([['ok', 2], ['ok', 2], ['ok', 3]]);
    expect(seen[0]!.warnings).toContain('Clarity has no electionsettings.json for version 271010: its test flag is unknown');
    expect(seen[2]!.warnings).toEqual([expect.stringMatching(/^replay finished: 8 of 8/)]);
    expect(await outcome(replay)).toEqual(expected);
  });
});
