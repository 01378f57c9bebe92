import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { clarityContest, startFakeClarity, type FakeClarity } from '../../../scripts/fakes/clarity.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';

const president = (biden: number, trump: number, pr: number) =>
  clarityContest({ C: 'President of the United States', K: '5000', CH: ['Donald J. Trump (I) (Rep)', 'Joseph R. Biden (Dem)'], V: [trump, biden], PR: pr, TP: 159 });

describe.each(storeKinds())('a Clarity site, supervised ($name store)', (kind) => {
  let site: FakeClarity | null = null;
  let lw: LeadWire | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    await site?.close();
    lw = site = null;
  });

  const status = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
  const pollNow = async (lw: LeadWire) => (await lw.api<FeedStatus>('POST', '/api/feeds/ga-sos/poll')).body;
  const race = async (lw: LeadWire) => (await lw.api<RaceView>('GET', '/api/races/clarity-ga-5000')).body;

  it('follows the site’s versions, and starts the race afresh when the site leaves test mode', async () => {
    site = await startFakeClarity();
    site.setTestMode(true);
    site.publish(271000, { summary: [president(900, 100, 3)], lastModified: '2020-11-03T18:00:00Z' });
    const configs = FeedsFile.parse({ feeds: [{ id: 'ga-sos', kind: 'clarity', label: 'GA SOS', url: site.url, intervalSeconds: 3600 }] }).feeds;
    lw = await startLeadWire({ store: await kind.make(), feeds: { configs, kinds: FEED_KINDS } });
    await eventually(async () => ((await status(lw!)).state === 'ok' ? true : undefined), 10_000, 'the first poll');
    expect(await status(lw)).toMatchObject({ label: 'GA SOS', mode: 'test', races: expect.arrayContaining(['clarity-ga-5000']) });
    expect(await race(lw)).toMatchObject({ test: true, source: 'ga-sos', totalVotes: 1000, reporting: { reported: 3, total: 159, unit: 'counties' }, expectedVotePct: null });

    // Nothing new: current_ver.txt answers 304, the versioned files are not fetched again.
    await pollNow(lw);
    expect(site.requestsFor('/summary.json')).toHaveLength(1);

    // The site goes live, with counts timed before the rehearsal's: they apply, on empty counts.
    site.setTestMode(false);
    site.publish(271066, { summary: [president(2_449_371, 2_448_454, 158)], lastModified: '2020-11-03T12:00:00Z' });
    const live = await pollNow(lw);
    expect(live).toMatchObject({ mode: 'live', state: 'ok' });
    expect(await race(lw)).toMatchObject({ test: false, leader: 'biden', margin: 917, asOf: '2020-11-03T12:00:00.000Z' });
  });
});
