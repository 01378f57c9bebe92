import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, ChannelGraphics, ControlSnapshot, GraphicsState, LeadChange, OverlaySnapshot, RaceView, Tally } from '../../../shared/index.js';
import { GA_BEFORE, GA_FLIP, INGEST, next, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock, storeKinds } from '../../helpers/stores.js';
import { arrival, ask, batchAt, collect, defineGeorgia, GA, postGeorgia, refusal, strictlyIncreasing } from './support.js';

const RACE_GRAPHIC = { type: 'race', raceId: GA } as const;

describe.each(storeKinds())('socket.io namespaces over the $name store', (kind) => {
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());

  let cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups = [];
  });

  async function setup(): Promise<LeadWire> {
    const store = await kind.make(manualClock());
    cleanups.push(() => store.close());
    const lw = await startLeadWire({ store });
    cleanups.push(() => lw.close());
    return lw;
  }

  /** Georgia through the flip: one lead change, one pending alert. */
  async function georgiaFlipped(lw: LeadWire) {
    await defineGeorgia(lw);
    expect((await postGeorgia(lw, GA_BEFORE)).status).toBe(200);
    const flip = await postGeorgia(lw, GA_FLIP);
    expect(flip.status).toBe(200);
    return flip.body as { race: RaceView; leadChange: LeadChange };
  }

  describe('/overlay', () => {
    it('sends a program snapshot of layers, races, lead changes and revision on connect', async () => {
      const lw = await setup();
      const { race, leadChange } = await georgiaFlipped(lw);
      expect((await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);
      const graphics = (await lw.api<GraphicsState>('GET', '/api/graphics')).body;

      const overlay = lw.overlay();
      const snapshot = await next<OverlaySnapshot>(overlay, 'snapshot');

      expect(snapshot).toEqual({
        channel: 'program',
        layers: { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null },
        races: { [GA]: race },
        leadChanges: { [leadChange.id]: leadChange },
        revision: graphics.revision,
      });
      expect(snapshot.revision).toBe(1);
      expect(snapshot.races[GA]?.revision).toBe(3);
    });

    it('sends the preview layers to a page that asks for the preview channel', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);

      const snapshot = await next<OverlaySnapshot>(lw.overlay('preview'), 'snapshot');

      expect(snapshot.channel).toBe('preview');
      expect(snapshot.layers).toEqual({ lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null });
      expect(snapshot.revision).toBe(1);
      expect(Object.keys(snapshot.races)).toEqual([GA]);
      expect(snapshot.leadChanges).toEqual({});
    });

    it('sends a fresh snapshot after a reconnect, including what changed while the page was away', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      const overlay = lw.overlay();
      const first = await next<OverlaySnapshot>(overlay, 'snapshot');
      expect(first.races[GA]?.revision).toBe(1);

      overlay.disconnect();
      const posted = await postGeorgia(lw, GA_BEFORE);
      expect(posted.status).toBe(200);
      const again = next<OverlaySnapshot>(overlay, 'snapshot');
      overlay.connect();
      const second = await again;

      expect(second.channel).toBe('program');
      expect(second.races[GA]).toEqual(posted.body.race);
      expect(second.races[GA]?.revision).toBe(2);
    });

    it('pushes races in strictly increasing revision order through a burst of 30 batches, ending on the last accepted one', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      const overlay = lw.overlay();
      await next(overlay, 'snapshot');
      const seen = collect<RaceView>(overlay, 'race');

      const batches = Array.from({ length: 30 }, (_, i) => batchAt(i));
      const answers = await Promise.all(batches.map((b) => postGeorgia(lw, b)));

      for (const a of answers) expect([200, 409]).toContain(a.status);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error).toBe('stale');
      const accepted = answers.filter((a) => a.status === 200).map((a) => (a.body.race as RaceView).revision);
      const last = Math.max(...accepted);
      const stored = (await lw.api<RaceView>('GET', `/api/races/${GA}`)).body;
      expect(stored.revision).toBe(last);
      expect(stored.asOf).toBe(batches[29]!.asOf);

      await arrival(seen, (r) => r.revision === last, `race revision ${last}`);
      const revisions = seen.map((r) => r.revision);
      expect(strictlyIncreasing(revisions)).toBe(true);
      expect(revisions.at(-1)).toBe(last);
      expect(accepted).toEqual(expect.arrayContaining(revisions));
      expect(seen.at(-1)).toEqual(stored);
    });

    it('pushes the lead change when Georgia flips to Biden', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      expect((await postGeorgia(lw, GA_BEFORE)).status).toBe(200);
      const overlay = lw.overlay();
      await next(overlay, 'snapshot');
      const pushed = next<LeadChange>(overlay, 'leadChange');

      const flip = await postGeorgia(lw, GA_FLIP);

      const lc = await pushed;
      expect(lc).toEqual(flip.body.leadChange);
      expect(lc).toMatchObject({ raceId: GA, from: 'trump', to: 'biden', margin: 917, asOf: GA_FLIP.asOf, revision: 3 });
    });

    it('sends graphics pushes to each channel room with only that channel’s layers', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      const program = lw.overlay('program');
      const preview = lw.overlay('preview');
      await Promise.all([next(program, 'snapshot'), next(preview, 'snapshot')]);
      const onProgram = collect<ChannelGraphics>(program, 'graphics');
      const onPreview = collect<ChannelGraphics>(preview, 'graphics');

      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);
      expect((await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } })).status).toBe(200);
      expect((await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird', channel: 'preview' } })).status).toBe(200);

      await arrival(onProgram, (g) => g.revision === 3, 'program graphics revision 3');
      await arrival(onPreview, (g) => g.revision === 3, 'preview graphics revision 3');
      const shown = { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null };
      const empty = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
      expect(onProgram.every((g) => g.channel === 'program')).toBe(true);
      expect(onPreview.every((g) => g.channel === 'preview')).toBe(true);
      expect(onPreview.find((g) => g.revision === 1)).toEqual({ channel: 'preview', layers: shown, revision: 1 });
      expect(onProgram.find((g) => g.revision === 2)).toEqual({ channel: 'program', layers: shown, revision: 2 });
      expect(onProgram.at(-1)).toEqual({ channel: 'program', layers: shown, revision: 3 });
      expect(onPreview.at(-1)).toEqual({ channel: 'preview', layers: empty, revision: 3 });
    });

    it('ignores take, cue and air emitted on the overlay namespace', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);
      const before = (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
      const control = lw.control();
      const tallies = collect<Tally>(control, 'tally');
      await next(control, 'snapshot');
      const overlay = lw.overlay();
      await next(overlay, 'snapshot');
      await arrival(tallies, (t) => t.program === 1, 'the overlay counted');

      const raw = overlay as unknown as Socket;
      raw.emit('take', { layer: 'lowerThird' });
      raw.emit('cue', { layer: 'ticker', graphic: { type: 'ticker', raceIds: [GA] } });
      raw.emit('air', { layer: 'lowerThird', graphic: RACE_GRAPHIC });
      raw.emit('clear', { layer: 'lowerThird', channel: 'preview' });
      // The server handles a socket's packets in order, so once it has seen this page leave it has seen the emits.
      overlay.disconnect();
      await arrival(tallies, (t) => t.program === 0, 'the overlay gone from the tally');

      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body).toEqual(before);
      expect(before.revision).toBe(1);
    });
  });

  describe('/control', () => {
    const refusedWith = async (lw: LeadWire, token: string | null) => {
      const control = lw.control(token);
      const snapshots = collect(control, 'snapshot');
      const tallies = collect(control, 'tally');
      const err = await refusal(control as unknown as Socket);
      expect(err).toBeInstanceOf(Error);
      expect(control.connected).toBe(false);
      // A refused socket is never admitted, so nothing can follow the refusal.
      expect(snapshots).toEqual([]);
      expect(tallies).toEqual([]);
      return err;
    };

    it('refuses a connection without a token', async () => {
      const lw = await setup();
      await refusedWith(lw, null);
    });

    it('refuses the ingest token', async () => {
      const lw = await setup();
      await refusedWith(lw, INGEST);
    });

    it('refuses a wrong token', async () => {
      const lw = await setup();
      await refusedWith(lw, 'not-the-producer-token');
    });

    it('sends the producer a snapshot of graphics, races, lead changes, alerts and revision', async () => {
      const lw = await setup();
      const { race, leadChange } = await georgiaFlipped(lw);
      const cued = await lw.api<GraphicsState>('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } });
      const alerts = (await lw.api<Alert[]>('GET', '/api/alerts')).body;
      expect(alerts).toEqual([expect.objectContaining({ kind: 'leadChange', leadChangeId: leadChange.id, raceId: GA, status: 'pending' })]);

      const snapshot = await next<ControlSnapshot>(lw.control(), 'snapshot');

      expect(snapshot).toEqual({
        graphics: {
          program: { lowerThird: null, alert: null, ticker: null, fullscreen: null },
          preview: { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null },
        },
        races: { [GA]: race },
        leadChanges: { [leadChange.id]: leadChange },
        alerts,
        revision: cued.body.revision,
        feeds: [],
        calls: [],
        operator: { role: 'producer', name: 'producer' },
        rundowns: {
          list: [],
          runs: [
            { channel: 'program', run: null, nextIndex: null, endsAt: null },
            { channel: 'preview', run: null, nextIndex: null, endsAt: null },
          ],
        },
      });
      expect(snapshot.revision).toBe(1);
    });

    it('tells the producer how many overlay pages are connected per channel, and recounts when one leaves', async () => {
      const lw = await setup();
      const pages = [lw.overlay('program'), lw.overlay('program'), lw.overlay('preview')];
      // A control panel's monitors follow air too, but they capture nothing: not counted.
      const monitors = [lw.overlay('program', { monitor: true }), lw.overlay('preview', { monitor: true })];
      await Promise.all([...pages, ...monitors].map((p) => next(p, 'snapshot')));

      const control = lw.control();
      const tallies = collect<Tally>(control, 'tally');
      await next(control, 'snapshot');
      expect(await arrival(tallies, () => true, 'the first tally')).toEqual({ program: 2, preview: 1 });

      pages[0]!.disconnect();
      await arrival(tallies, (t) => t.program === 1, 'a recount');
      expect(tallies.at(-1)).toEqual({ program: 1, preview: 1 });
    });

    it('answers cue, take, clear and air with the new graphics state', async () => {
      const lw = await setup();
      const { leadChange } = await georgiaFlipped(lw);
      const control = lw.control();
      await next(control, 'snapshot');
      const shown = { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null };
      const empty = { lowerThird: null, alert: null, ticker: null, fullscreen: null };

      expect(await ask(control, 'cue', { layer: 'lowerThird', graphic: RACE_GRAPHIC })).toEqual({
        ok: true,
        data: { program: empty, preview: shown, revision: 1 },
      });
      expect(await ask(control, 'take', { layer: 'lowerThird' })).toEqual({
        ok: true,
        data: { program: shown, preview: shown, revision: 2 },
      });
      expect(await ask(control, 'clear', { layer: 'lowerThird' })).toEqual({
        ok: true,
        data: { program: empty, preview: shown, revision: 3 },
      });
      const alertGraphic = { type: 'leadChange', leadChangeId: leadChange.id };
      expect(await ask(control, 'air', { layer: 'alert', graphic: alertGraphic })).toEqual({
        ok: true,
        data: { program: { ...empty, alert: alertGraphic }, preview: shown, revision: 4 },
      });
      expect((await lw.api('GET', '/api/graphics')).body).toEqual({
        program: { ...empty, alert: alertGraphic },
        preview: shown,
        revision: 4,
      });
    });

    it('answers take with nothing cued as nothing_cued and changes nothing', async () => {
      const lw = await setup();
      const control = lw.control();
      await next(control, 'snapshot');

      const ack = await ask(control, 'take', { layer: 'lowerThird' });

      expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'nothing_cued', message: expect.any(String) }) });
      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.revision).toBe(0);
    });

    it('answers an invalid payload as invalid, naming the field, and changes nothing', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      const control = lw.control();
      await next(control, 'snapshot');

      const badLayer = await ask(control, 'take', { layer: 'sideways' });
      expect(badLayer.ok).toBe(false);
      if (badLayer.ok) return;
      expect(badLayer.error.code).toBe('invalid');
      expect(badLayer.error.message).toContain('layer');

      const badRace = await ask(control, 'cue', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'Not A Slug!' } });
      expect(badRace.ok).toBe(false);
      if (badRace.ok) return;
      expect(badRace.error.code).toBe('invalid');
      expect(badRace.error.message).toContain('graphic.raceId');

      const noPayload = await ask(control, 'cue', null);
      expect(noPayload).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid' }) });

      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.revision).toBe(0);
    });

    it('answers alert:take and alert:dismiss with the alert, and not_found for an unknown alert', async () => {
      const lw = await setup();
      const { leadChange } = await georgiaFlipped(lw);
      const [pending] = (await lw.api<Alert[]>('GET', '/api/alerts?status=pending')).body;
      expect(pending).toMatchObject({ kind: 'leadChange', leadChangeId: leadChange.id });
      const control = lw.control();
      await next(control, 'snapshot');

      const taken = await ask<Alert>(control, 'alert:take', { id: pending!.id });
      expect(taken).toEqual({ ok: true, data: expect.objectContaining({ id: pending!.id, leadChangeId: leadChange.id, status: 'aired' }) });
      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.program.alert).toEqual({
        type: 'leadChange',
        leadChangeId: leadChange.id,
      });

      const dismissed = await ask<Alert>(control, 'alert:dismiss', { id: pending!.id });
      expect(dismissed).toEqual({ ok: true, data: expect.objectContaining({ id: pending!.id, status: 'dismissed' }) });
      expect((await lw.api<GraphicsState>('GET', '/api/graphics')).body.program.alert).toBeNull();

      const unknown = await ask(control, 'alert:take', { id: 'alert.nothing-like-it' });
      expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });
    });

    it('pushes an alert to the producer when a lead change is posted, and again when it is taken and dismissed', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      expect((await postGeorgia(lw, GA_BEFORE)).status).toBe(200);
      const control = lw.control();
      await next(control, 'snapshot');
      const alerts = collect<Alert>(control, 'alert');

      const flip = await postGeorgia(lw, GA_FLIP);
      const lcId = (flip.body.leadChange as LeadChange).id;
      const pending = await arrival(alerts, (a) => a.status === 'pending', 'a pending alert');
      expect(pending).toMatchObject({ kind: 'leadChange', leadChangeId: lcId, raceId: GA, status: 'pending' });

      expect((await lw.api('POST', `/api/alerts/${pending.id}/take`)).status).toBe(200);
      await arrival(alerts, (a) => a.status === 'aired', 'the aired alert');
      expect((await lw.api('POST', `/api/alerts/${pending.id}/dismiss`)).status).toBe(200);
      await arrival(alerts, (a) => a.status === 'dismissed', 'the dismissed alert');

      expect(alerts.map((a) => [a.id, a.status])).toEqual([
        [pending.id, 'pending'],
        [pending.id, 'aired'],
        [pending.id, 'dismissed'],
      ]);
    });

    it('keeps two control panels in agreement: what one does, the other sees through graphics', async () => {
      const lw = await setup();
      await defineGeorgia(lw);
      const one = lw.control();
      const two = lw.control();
      await Promise.all([next(one, 'snapshot'), next(two, 'snapshot')]);
      const onOne = collect<GraphicsState>(one, 'graphics');
      const onTwo = collect<GraphicsState>(two, 'graphics');

      const cued = await ask<GraphicsState>(one, 'cue', { layer: 'lowerThird', graphic: RACE_GRAPHIC });
      if (!cued.ok) throw new Error(cued.error.message);
      expect(await arrival(onTwo, (g) => g.revision === 1, 'the cue on panel two')).toEqual(cued.data);

      const taken = await ask<GraphicsState>(two, 'take', { layer: 'lowerThird' });
      if (!taken.ok) throw new Error(taken.error.message);
      expect(await arrival(onOne, (g) => g.revision === 2, 'the take on panel one')).toEqual(taken.data);

      await arrival(onTwo, (g) => g.revision === 2, 'the take on panel two');
      expect(onOne.at(-1)).toEqual(onTwo.at(-1));
      expect(onOne.at(-1)?.program.lowerThird).toEqual(RACE_GRAPHIC);
    });
  });
});
