import { describe, expect, it } from 'vitest';
import { RaceDefinitionInput, type LogEvent } from '../../../shared/index.js';
import { parseFeeds } from '../../../server/feeds/config.js';
import type { FeedKind, PollResult } from '../../../server/feeds/types.js';
import { GA_BEFORE, GA_FLIP, GEORGIA } from '../../helpers/fixtures.js';
import { eventually, next } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { ALICE, BOB, GA, INGEST, PATIENCE_MS, PRODUCER, brief, useServer, type Started } from './setup.js';

/** The events an action wrote: everything logged after the last event before it. */
async function loggedBy(lw: Started, action: () => Promise<unknown>): Promise<LogEvent[]> {
  const before = (await lw.events()).at(-1)?.id;
  await action();
  const q = before ? `?after=${before}&limit=1000` : '?limit=1000';
  return (await lw.api<{ events: LogEvent[] }>('GET', `/api/events${q}`)).body.events;
}

describe.each(storeKinds())('the event log ($name store)', (kind) => {
  const begin = useServer(kind);

  it('logs each action once, naming who did it: env tokens, named tokens, the /control socket', async () => {
    const lw = await begin();
    const define = await loggedBy(lw, () => lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: INGEST }));
    expect(define.map(brief)).toEqual([{ type: 'race.defined', actor: 'ingest:ingest', raceId: GA }]);
    expect(define[0]!.data).toMatchObject({ created: true, rev: 1, definition: { id: GA, title: 'President' } });

    const batch = await loggedBy(lw, () => lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: PRODUCER }));
    expect(batch.map(brief)).toEqual([{ type: 'batch.applied', actor: 'producer:producer', raceId: GA }]);
    expect(batch[0]!.data).toEqual({ asOf: GA_BEFORE.asOf, votes: GA_BEFORE.votes, source: 'manual', correction: false, rev: 2, expectedVotePct: 98.8 });

    const cue = await loggedBy(lw, () => lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } }, token: ALICE }));
    expect(cue.map(brief)).toEqual([{ type: 'graphics', actor: 'producer:Alice Producer' }]);
    expect(cue[0]!.data).toMatchObject({ action: 'cue', layer: 'lowerThird', channel: 'preview', rev: 1, program: { lowerThird: null } });

    const socket = lw.control(BOB);
    await next(socket, 'snapshot', PATIENCE_MS);
    const take = await loggedBy(lw, () => socket.emitWithAck('take', { layer: 'lowerThird' }));
    expect(take.map(brief)).toEqual([{ type: 'graphics', actor: 'producer:Bob Producer' }]);
    expect(take[0]!.data).toMatchObject({ action: 'take', layer: 'lowerThird', rev: 2, program: { lowerThird: { type: 'race', raceId: GA } } });

    // The flip: the batch, its lead change and the alert it raised, in one commit.
    const flip = await loggedBy(lw, () => lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: INGEST }));
    expect(flip.map((e) => e.type)).toEqual(['batch.applied', 'leadChange', 'alert']);
    expect(flip.every((e) => e.actor.name === 'ingest' && e.at === flip[0]!.at)).toBe(true);
    expect(flip[2]!.data).toMatchObject({ kind: 'leadChange', status: 'pending', leadChangeId: `${GA}.r3` });

    const air = await loggedBy(lw, () => lw.api('POST', `/api/alerts/alert.${GA}.r3/take`, { token: ALICE }));
    expect(air.map((e) => [e.type, e.actor.name, e.type === 'alert' ? e.data.status : e.type === 'graphics' ? e.data.action : null])).toEqual([
      ['graphics', 'Alice Producer', 'air'],
      ['alert', 'Alice Producer', 'aired'],
    ]);

    const call = await loggedBy(lw, () => lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' }, token: BOB }));
    expect(call.map(brief)).toEqual([
      { type: 'call', actor: 'producer:Bob Producer', raceId: GA },
      { type: 'alert', actor: 'producer:Bob Producer', raceId: GA },
    ]);
    expect(call[0]!.data).toEqual({ winner: 'biden', kind: 'winner', source: 'desk', rev: 4 });

    const uncall = await loggedBy(lw, () => lw.api('DELETE', `/api/races/${GA}/call`, { token: PRODUCER }));
    expect(uncall.map((e) => [e.type, e.type === 'alert' ? e.data.status : null])).toEqual([
      ['uncall', null],
      ['alert', 'dismissed'],
    ]);

    const reset = await loggedBy(lw, () => lw.api('POST', `/api/races/${GA}/reset`, { body: { test: true }, token: PRODUCER }));
    expect(reset.map(brief)).toEqual([{ type: 'race.reset', actor: 'producer:producer', raceId: GA }]);
    expect(reset[0]!.data).toEqual({ test: true, rev: 6 });
  });

  it('logs nothing for what changes nothing: duplicates, dry runs, identical redefinitions, refused graphics', async () => {
    const lw = await begin();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE });
    const none = await loggedBy(lw, async () => {
      expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE })).body.duplicate).toBe(true);
      expect((await lw.api('POST', `/api/races/${GA}/results?dryRun=1`, { body: GA_FLIP })).body.dryRun).toBe(true);
      expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(200);
      expect((await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } })).status).toBe(409);
      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: 'nowhere' } } })).status).toBe(404);
      expect((await lw.api('POST', `/api/races/nowhere/results`, { body: GA_BEFORE })).status).toBe(404);
      expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'not-a-token-at-all' })).status).toBe(401);
    });
    expect(none).toEqual([]);
  });

  it('logs a refused batch with its reason, and counts the same refusal sent again instead of repeating it', async () => {
    const lw = await begin();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    const before = await lw.api('GET', `/api/races/${GA}`);
    const stale = { updates: [{ raceId: GA, ...GA_BEFORE, source: 'wire' }] };
    const refused = await loggedBy(lw, async () => {
      for (let i = 0; i < 4; i++) expect((await lw.api('POST', '/api/results', { body: stale, token: INGEST })).body.results[0].status).toBe('stale');
      expect((await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_FLIP, votes: { ...GA_FLIP.votes, other: 1 } } })).status).toBe(409);
      expect((await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_FLIP, asOf: '2020-11-06T10:00:00Z', votes: { biden: 1 } } })).status).toBe(400);
      expect((await lw.api('POST', '/api/results', { body: stale, token: INGEST })).body.results[0].status).toBe('stale');
    });
    expect((await lw.api('GET', `/api/races/${GA}`)).body).toEqual(before.body); // nothing else changed
    expect(refused.map((e) => [e.type, e.actor.name, e.type === 'batch.refused' ? e.data.reason : null])).toEqual([
      ['batch.refused', 'ingest', 'stale'],
      ['batch.refused', 'producer', 'conflict'],
      ['batch.refused', 'producer', 'invalid'],
    ]);
    const [first, conflict, invalid] = refused as Extract<LogEvent, { type: 'batch.refused' }>[];
    // Four stale posts in a row then one more after the producer's refusals (its own key): one event, four repeats.
    expect(first!.data).toMatchObject({ source: 'wire', asOf: GA_BEFORE.asOf, repeats: 4, current: { asOf: GA_FLIP.asOf, revision: 2 } });
    expect(conflict!.data.repeats).toBeUndefined();
    expect(invalid!.data.issues?.map((i) => i.path)).toEqual(['votes.trump', 'votes.other']);
  });

  it('logs a feed’s batches and state changes as the feed, and a producer’s poll as the producer', async () => {
    const polls: PollResult[] = [
      { races: [{ raceId: GA, definition: RaceDefinitionInput.parse(GEORGIA), batch: GA_BEFORE, winners: [] }], test: false, warnings: [] },
      { races: [{ raceId: GA, definition: RaceDefinitionInput.parse(GEORGIA), batch: GA_FLIP, winners: [{ candidateId: 'biden', kind: 'winner' }] }], test: false, warnings: [] },
    ];
    const fake: FeedKind = { kind: 'csv', sourceName: 'the fake wire', create: () => ({ poll: async () => polls.shift() ?? { races: [], test: false, warnings: [] } }) };
    const [feed] = parseFeeds({ feeds: [{ id: 'wire', kind: 'csv', url: 'https://wire.invalid/sheet.csv', intervalSeconds: 3600 }] }, {});
    const lw = await begin({ feeds: { configs: [feed!], kinds: { csv: fake }, instanceId: 'test' } });
    // The first poll is over once the feed has said it is ok (its status is written after its batches).
    const ok = (e: LogEvent) => e.type === 'feed' && e.data.state === 'ok';
    await eventually(async () => ((await lw.events({ type: 'feed' })).some(ok) ? true : undefined), PATIENCE_MS, 'the first poll');
    await lw.api('POST', '/api/feeds/wire/poll', { token: ALICE });
    const all = await lw.events();
    expect(all.map(brief)).toEqual([
      { type: 'feed', actor: 'feed:wire' },
      { type: 'race.defined', actor: 'feed:wire', raceId: GA },
      { type: 'batch.applied', actor: 'feed:wire', raceId: GA },
      { type: 'feed', actor: 'feed:wire' },
      { type: 'feed', actor: 'producer:Alice Producer' },
      { type: 'batch.applied', actor: 'feed:wire', raceId: GA },
      { type: 'leadChange', actor: 'feed:wire', raceId: GA },
      { type: 'alert', actor: 'feed:wire', raceId: GA },
      { type: 'call.proposal', actor: 'feed:wire', raceId: GA },
    ]);
    expect(all.filter((e) => e.type === 'feed').map((e) => e.data)).toEqual([
      { feed: 'wire', state: 'starting', lastError: null },
      { feed: 'wire', state: 'ok', lastError: null },
      { feed: 'wire', action: 'poll' },
    ]);
    expect(all[2]!.data).toMatchObject({ source: 'wire' });
  });

  it('logs a ticker held and run on as pause and resume, once each, by who did it, on either door', async () => {
    const lw = await begin();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    const ticker = { type: 'ticker', raceIds: [GA] };
    await lw.api('POST', '/api/graphics/air', { body: { layer: 'ticker', graphic: ticker } });
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'ticker', graphic: ticker } });
    const what = (e: LogEvent) => (e.type === 'graphics' ? { actor: e.actor.name, action: e.data.action, layer: e.data.layer, channel: e.data.channel } : e.type);

    const pause = await loggedBy(lw, () => lw.api('POST', '/api/graphics/ticker/pause', { body: {}, token: ALICE }));
    expect(pause.map(what)).toEqual([{ actor: 'Alice Producer', action: 'pause', layer: 'ticker', channel: 'program' }]);
    expect(pause[0]!.type === 'graphics' && pause[0]!.data.program.ticker).toEqual({ ...ticker, paused: true });

    // Held already: nothing changes, nothing is logged; no ticker to hold: 409 and nothing logged either.
    const none = await loggedBy(lw, async () => {
      expect((await lw.api('POST', '/api/graphics/ticker/pause', { token: BOB })).status).toBe(200);
      await lw.api('POST', '/api/graphics/clear', { body: { layer: 'ticker', channel: 'preview' } });
      expect((await lw.api('POST', '/api/graphics/ticker/pause', { body: { channel: 'preview' } })).status).toBe(409);
    });
    expect(none.map(what)).toEqual([{ actor: 'producer', action: 'clear', layer: 'ticker', channel: 'preview' }]);

    const socket = lw.control(BOB);
    await next(socket, 'snapshot', PATIENCE_MS);
    const resume = await loggedBy(lw, () => socket.emitWithAck('ticker:resume', { channel: 'program' }));
    expect(resume.map(what)).toEqual([{ actor: 'Bob Producer', action: 'resume', layer: 'ticker', channel: 'program' }]);
    expect(resume[0]!.type === 'graphics' && resume[0]!.data.program.ticker).toEqual(ticker);
    // Held or running it is the same band: the as-run keeps one entry for it.
    const asRun = (await lw.api<{ layer: string; end: string | null }[]>('GET', '/api/as-run')).body;
    expect(asRun.filter((x) => x.layer === 'ticker')).toMatchObject([{ end: null }]);
  });

  it('logs an alert leaving air on time as the server itself', async () => {
    const lw = await begin({ alertDurationMs: 30 });
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    await lw.api('POST', `/api/alerts/alert.${GA}.r3/take`, { token: BOB });
    const off = await eventually(async () => {
      const last = (await lw.events({ type: 'graphics' })).at(-1)!;
      return last.type === 'graphics' && last.data.action === 'clear' ? last : undefined;
    }, PATIENCE_MS, 'the alert to leave air');
    expect(brief(off)).toEqual({ type: 'graphics', actor: 'system:leadwire' });
    expect(off.type === 'graphics' && off.data.program.alert).toBeNull();
  });
});
