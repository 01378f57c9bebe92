import { describe, expect, it } from 'vitest';
import type { Alert, CallProposal, FeedStatus, GraphicsState, RaceView } from '../../../shared/index.js';
import { FeedsFile } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../../scripts/fakes/ap.js';
import { GA_FLIP, GEORGIA } from '../../helpers/fixtures.js';
import { eventually, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, rejectedWithoutChange, useLeadWire } from './setup.js';

/** Georgia from AP: Biden ahead; `winner` marks AP's call ("X") or a runoff flag ("R") on candidates. */
const apGeorgia = (lastUpdated: string, flags: { biden?: 'X' | 'R'; trump?: 'X' | 'R' } = {}) =>
  apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
    raceID: '0',
    officeName: 'President',
    units: [
      {
        lastUpdated,
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: 2_449_371, ...(flags.biden ? { winner: flags.biden } : {}) },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: 2_448_454, ...(flags.trump ? { winner: flags.trump } : {}) },
        ],
      },
    ],
  });

describe.each(storeKinds())('race calls ($name store)', (kind) => {
  const start = useLeadWire(kind);

  /** A server whose AP feed (long interval: polls are "Poll now") maps onto Georgia with the given rule. */
  async function withAp(acceptCalls?: 'approve' | 'auto' | 'ignore') {
    const ap: FakeAp = await startFakeAp();
    const configs = FeedsFile.parse({
      feeds: [
        {
          id: 'ap',
          kind: 'ap',
          url: ap.electionUrl,
          intervalSeconds: 3600,
          races: [{ match: { statePostal: 'GA', raceID: '0' }, raceId: GA, candidates: { '1036': 'biden', '8639': 'trump' } }],
        },
      ],
    }).feeds;
    const lw = await start({ feeds: { configs, kinds: FEED_KINDS } });
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, candidates: GEORGIA.candidates.slice(0, 2), ...(acceptCalls ? { acceptCalls } : {}) } })).status).toBe(201);
    const poll = async () => (await lw.api<FeedStatus>('POST', '/api/feeds/ap/poll')).body;
    await eventually(async () => ((await lw.api<FeedStatus[]>('GET', '/api/feeds')).body[0]!.polls >= 1 ? true : undefined));
    return { lw, ap, poll, close: () => ap.close() };
  }

  const calls = async (lw: LeadWire, q = '') => (await lw.api<CallProposal[]>('GET', `/api/calls${q}`)).body;
  const race = async (lw: LeadWire) => (await lw.api<RaceView>('GET', `/api/races/${GA}`)).body;
  const pendingAlerts = async (lw: LeadWire) => (await lw.api<Alert[]>('GET', '/api/alerts?status=pending')).body;

  it('turns a wire’s call into one proposal for the desk, however many polls repeat it; accepting calls the race and queues its alert', async () => {
    const { lw, ap, poll, close } = await withAp();
    try {
      ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'X' })]), apSteps.delta([apGeorgia('2020-11-07T16:26:00Z', { biden: 'X' })]));
      await poll();
      await poll();
      const proposed = await calls(lw, '?status=proposed');
      expect(proposed).toEqual([
        expect.objectContaining({ id: `${GA}.ap.winner.biden`, raceId: GA, winner: 'biden', kind: 'winner', source: 'ap', status: 'proposed', decidedBy: null }),
      ]);
      expect((await race(lw)).call).toBeNull(); // a wire's call waits for the desk
      expect(await pendingAlerts(lw)).toEqual([]);

      const accepted = await lw.api<CallProposal>('POST', `/api/calls/${proposed[0]!.id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: 'producer', decidedAt: expect.any(String) });
      expect(await race(lw)).toMatchObject({ status: 'called', call: { winner: 'biden', source: 'ap' } });
      expect(await pendingAlerts(lw)).toEqual([expect.objectContaining({ kind: 'call', raceId: GA, winner: 'biden', callId: proposed[0]!.id })]);
      // Deciding twice: the same answer again is no change; the other answer is a conflict.
      expect((await lw.api('POST', `/api/calls/${proposed[0]!.id}/accept`)).status).toBe(200);
      expect((await lw.api('POST', `/api/calls/${proposed[0]!.id}/reject`)).status).toBe(409);
    } finally {
      await close();
    }
  });

  it('rejecting a proposal puts nothing on air and calls nothing', async () => {
    const { lw, ap, poll, close } = await withAp();
    try {
      ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'X' })]));
      await poll();
      const [p] = await calls(lw);
      const before = (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
      expect((await lw.api<CallProposal>('POST', `/api/calls/${p!.id}/reject`)).body.status).toBe('rejected');
      expect((await race(lw)).call).toBeNull();
      expect(await pendingAlerts(lw)).toEqual([]);
      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body).toEqual(before);
      expect(await calls(lw, '?status=proposed')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('accepts at once with acceptCalls "auto", and records only with "ignore"', async () => {
    const auto = await withAp('auto');
    try {
      auto.ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'X' })]));
      await auto.poll();
      expect(await calls(auto.lw)).toEqual([expect.objectContaining({ status: 'accepted', decidedBy: 'auto' })]);
      expect((await race(auto.lw)).call).toMatchObject({ winner: 'biden', source: 'ap' });
      expect(await pendingAlerts(auto.lw)).toHaveLength(1); // the alert still waits for a producer to air it
    } finally {
      await auto.close();
    }
  });

  it('records a wire’s call only, with acceptCalls "ignore"', async () => {
    const ignore = await withAp('ignore');
    try {
      ignore.ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'X' })]));
      await ignore.poll();
      expect(await calls(ignore.lw)).toEqual([expect.objectContaining({ status: 'ignored', decidedBy: 'auto' })]);
      expect((await race(ignore.lw)).call).toBeNull();
      expect(await pendingAlerts(ignore.lw)).toEqual([]);
    } finally {
      await ignore.close();
    }
  });

  it('shows AP’s runoff flags as candidates advancing, once accepted', async () => {
    const { lw, ap, poll, close } = await withAp();
    try {
      ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'R', trump: 'R' })]));
      await poll();
      const proposed = await calls(lw, '?status=proposed');
      expect(proposed.map((p) => [p.kind, p.winner])).toEqual([
        ['runoff', 'biden'],
        ['runoff', 'trump'],
      ]);
      for (const p of proposed) await lw.api('POST', `/api/calls/${p.id}/accept`);
      expect(await race(lw)).toMatchObject({ advancing: ['biden', 'trump'], call: null });
      expect(await pendingAlerts(lw)).toEqual([]); // no projected winner in a runoff
    } finally {
      await close();
    }
  });

  it('a desk call queues a call alert; withdrawing it dismisses a pending one and pulls an aired banner off program at once', async () => {
    const lw = await start();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    expect((await lw.api<RaceView>('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } })).body.call).toMatchObject({ winner: 'biden', source: 'desk' });
    const [alert] = await pendingAlerts(lw);
    expect(alert).toMatchObject({ kind: 'call', winner: 'biden', raceId: GA });

    // Withdrawn while pending: the alert goes.
    await lw.api('DELETE', `/api/races/${GA}/call`);
    expect(await pendingAlerts(lw)).toEqual([]);
    expect((await lw.api<Alert[]>('GET', '/api/alerts')).body).toEqual([expect.objectContaining({ id: alert!.id, status: 'dismissed' })]);

    // Called again and aired: the banner is on program; withdrawn: it leaves program in the same request.
    await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    const [again] = await pendingAlerts(lw);
    expect((await lw.api('POST', `/api/alerts/${again!.id}/take`)).status).toBe(200);
    expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.program.alert).toEqual({ type: 'call', raceId: GA });
    await lw.api('DELETE', `/api/races/${GA}/call`);
    expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.program.alert).toBeNull();
  });

  it('refuses to decide an unknown or malformed call id, and to air the banner of an unknown race, changing nothing', async () => {
    const lw = await start();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    expect((await rejectedWithoutChange(lw, () => lw.api('POST', `/api/calls/${GA}.ap.winner.biden/accept`))).status).toBe(404);
    const bad = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/calls/not a call/accept'));
    expect(bad.status).toBe(400);
    expect((await rejectedWithoutChange(lw, () => lw.api('POST', `/api/calls/${GA}.ap.winner.biden/accept`, { token: 'ingest' }))).status).toBe(403);
    const air = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/graphics/air', { body: { layer: 'alert', graphic: { type: 'call', raceId: 'nope' } } }));
    expect(air.status).toBe(404);
    const wrongLayer = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'call', raceId: GA } } }));
    expect((wrongLayer.body as { issues: unknown }).issues).toEqual([{ path: 'graphic.type', message: expect.any(String) }]);
  });
});
