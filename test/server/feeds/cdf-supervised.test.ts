import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { georgiaCdf } from '../../../scripts/fakes/cdf.js';
import { startFakeSheet, type FakeSheet } from '../../../scripts/fakes/sheet.js';
import { eventually, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';

const asJson = (report: unknown) => ({ csv: JSON.stringify(report), contentType: 'application/json' });

describe.each(storeKinds())('a CDF results report, supervised ($name store)', (kind) => {
  let source: FakeSheet | null = null;
  let lw: LeadWire | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    await source?.close();
    lw = source = null;
  });

  /** A server polling the report hourly: after the first poll at start, each poll is a producer's "Poll now". */
  async function setup(report: unknown) {
    source = await startFakeSheet(asJson(report));
    const configs = FeedsFile.parse({ feeds: [{ id: 'ga-cdf', kind: 'cdf', label: 'GA CDF', url: source.url, intervalSeconds: 3600 }] }).feeds;
    lw = await startLeadWire({ store: await kind.make(), feeds: { configs, kinds: FEED_KINDS } });
    await eventually(async () => ((await status(lw!)).polls >= 1 && (await status(lw!)).state !== 'starting' ? true : undefined), 10_000, 'the first poll');
    return { source, lw };
  }

  const status = async (lw: LeadWire) => (await lw.api<FeedStatus[]>('GET', '/api/feeds', { token: null })).body[0]!;
  const pollNow = async (lw: LeadWire) => (await lw.api<FeedStatus>('POST', '/api/feeds/ga-cdf/poll')).body;
  const race = async (lw: LeadWire, id: string) => (await lw.api<RaceView>('GET', `/api/races/${id}`, { token: null })).body;
  const views = async (lw: LeadWire) => (await lw.api<RaceView[]>('GET', '/api/races', { token: null })).body;

  it('defines both contests and posts their counts with the ballots outstanding; an unchanged report posts nothing', async () => {
    const { source, lw } = await setup(georgiaCdf());
    expect(await status(lw)).toMatchObject({ state: 'ok', mode: 'live', batchesPosted: 2, races: ['cdf-con-president', 'cdf-con-senate'], warnings: [] });
    expect(await race(lw, 'cdf-con-president')).toMatchObject({
      title: 'President of the United States',
      jurisdiction: 'Georgia',
      source: 'ga-cdf',
      test: false,
      asOf: '2020-11-04T07:00:00.000Z',
      leader: 'biden',
      margin: 2_473_633 - 2_461_854,
      outstanding: { ballots: 8_410, label: 'ballots' },
      reporting: { reported: 158, total: 159, unit: 'counties' },
    });
    expect((await race(lw, 'cdf-con-senate')).candidates.map((c) => [c.id, c.party])).toEqual([
      ['perdue', 'REP'],
      ['ossoff', 'DEM'],
    ]);

    expect(await pollNow(lw)).toMatchObject({ state: 'ok', batchesPosted: 2 }); // the same bytes
    source.set(asJson(georgiaCdf({ generatedDate: '2020-11-04T03:00:00-05:00', biden: 2_480_000, outstanding: 2_000 })));
    expect(await pollNow(lw)).toMatchObject({ state: 'ok', batchesPosted: 4 });
    expect(await race(lw, 'cdf-con-president')).toMatchObject({ asOf: '2020-11-04T08:00:00.000Z', outstanding: { ballots: 2_000 } });
  });

  it('follows IsTest: a test report makes test races, and the live report starts them afresh', async () => {
    const { source, lw } = await setup(georgiaCdf({ isTest: true, biden: 900, trump: 100, generatedDate: '2020-11-05T00:00:00Z' }));
    expect(await status(lw)).toMatchObject({ mode: 'test' });
    expect(await race(lw, 'cdf-con-president')).toMatchObject({ test: true, totalVotes: 900 + 100 + 62_229 });
    source.set(asJson(georgiaCdf({ isTest: false }))); // timed before the rehearsal: it applies, on empty counts
    expect(await pollNow(lw)).toMatchObject({ mode: 'live', state: 'ok' });
    expect(await race(lw, 'cdf-con-president')).toMatchObject({ test: false, totalVotes: 2_473_633 + 2_461_854 + 62_229 });
  });

  it('refuses a report whose GeneratedDate has no zone: the feed errs in words, nothing is posted', async () => {
    const { source, lw } = await setup(georgiaCdf());
    const before = await views(lw);
    source.set(asJson(georgiaCdf({ generatedDate: '2020-11-04T03:00:00', biden: 3_000_000 })));
    const s = await pollNow(lw);
    expect(s.state).toBe('error');
    expect(s.lastError).toMatch(/^the CDF report's GeneratedDate "2020-11-04T03:00:00" has no time zone .* — retrying in /);
    expect(await views(lw)).toEqual(before);
  });
});
