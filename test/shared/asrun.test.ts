import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LAYERS,
  asRun,
  asRunCsv,
  asRunRows,
  batchEvents,
  buildRaceView,
  definitionEvent,
  graphicsEvent,
  leadChangeEvent,
  programAt,
  replay,
  replayRace,
  resetRecord,
  type EventDraft,
  type Graphic,
  type LogEvent,
} from '../../shared/index.js';
import { GA_BEFORE, GA_FLIP } from '../helpers/fixtures.js';
import { applied, defineRace, freshRecord } from './fixtures.js';

const GA = 'ga-president-2020';
const t = (m: number) => new Date(Date.parse('2020-11-06T10:00:00.000Z') + m * 60_000).toISOString();
let seq = 0;
/** Stamps a draft as the store would, at minute `m`. */
const at = (m: number, d: EventDraft): LogEvent => ({ ...d, id: `${Date.parse(t(m))}-${seq++}`, at: t(m), actor: { role: 'producer', name: 'p' } }) as LogEvent;
const lower: Graphic = { type: 'race', raceId: GA };
const program = (layers: Partial<typeof EMPTY_LAYERS>, rev: number) => graphicsEvent({ program: { ...EMPTY_LAYERS, ...layers }, preview: EMPTY_LAYERS, revision: rev }, { action: 'air', layer: 'lowerThird' });

const r1 = freshRecord();
const b1 = applied(r1, GA_BEFORE);
const b2 = applied(b1.record, GA_FLIP);
const night = [
  at(0, definitionEvent(r1, true)),
  at(1, program({ lowerThird: lower }, 1)),
  ...batchEvents(b1).map((e) => at(2, e)),
  ...batchEvents(b2).map((e) => at(3, e)),
  at(3, leadChangeEvent(b2.leadChange!)),
  at(4, program({ lowerThird: lower, alert: { type: 'leadChange', leadChangeId: b2.leadChange!.id } }, 2)),
  at(5, program({ lowerThird: lower }, 3)), // the alert leaves; the lower third stays (re-aired: one entry)
  at(6, program({}, 4)),
];

describe('replay', () => {
  it('rebuilds each race as the store had it: revision, votes, view', () => {
    const s = replay(night);
    const rebuilt = s.races.get(GA)!;
    expect(buildRaceView(rebuilt)).toEqual(buildRaceView(b2.record));
    expect(s.graphicsRevision).toBe(4);
    expect(s.leadChanges.get(b2.leadChange!.id)).toEqual(b2.leadChange);
  });

  it.each([
    { does: 'a reset wipes the counts and moves the revision on', e: at(9, { type: 'race.reset', raceId: GA, data: { test: true, rev: 9 } }), want: { ...resetRecord(b2.record, true, new Date(t(9))), revision: 9 } },
    { does: 'a call names the winner and its source', e: at(9, { type: 'call', raceId: GA, data: { winner: 'biden', kind: 'winner', source: 'ap', rev: 4 } }), want: { ...b2.record, call: { winner: 'biden', at: t(9), source: 'ap' }, revision: 4, updatedAt: t(9) } },
    { does: 'a runoff call sends a candidate on', e: at(9, { type: 'call', raceId: GA, data: { winner: 'trump', kind: 'runoff', source: 'ap', rev: 4 } }), want: { ...b2.record, advancing: ['trump'], revision: 4, updatedAt: t(9) } },
    { does: 'a proposal only moves the revision', e: at(9, { type: 'call.proposal', raceId: GA, data: { proposal: 'x', winner: 'biden', kind: 'winner', source: 'ap', status: 'proposed', rev: 4 } }), want: { ...b2.record, revision: 4, updatedAt: t(9) } },
  ])('$does', ({ e, want }) => {
    expect(buildRaceView(replayRace(b2.record, e)!)).toEqual(buildRaceView(want));
  });

  it('cannot rebuild a race defined before the log starts (a trimmed log): it stays unknown', () => {
    expect(replayRace(null, night[2]!)).toBeNull();
  });
});

describe('asRun', () => {
  it('lists each graphic once from take to clear, with a version each time its text changed', () => {
    const [lt, alert] = asRun(night);
    expect(lt).toMatchObject({ layer: 'lowerThird', start: t(1), end: t(6) });
    expect(lt!.shown.map((v) => [v.at, v.revision])).toEqual([
      [t(1), 1],
      [t(2), 2],
      [t(3), 3],
    ]);
    expect(alert).toMatchObject({ layer: 'alert', graphic: { type: 'leadChange' }, start: t(4), end: t(5) });
    expect(alert!.shown.map((v) => v.text)).toEqual(['LEAD CHANGE\nGEORGIA · Biden overtakes Trump · leads by 917']);
  });

  it('keeps the graphics up at some point in a range, and those still up at the end have no end', () => {
    expect(asRun(night, { from: new Date(t(5.5)) }).map((x) => x.layer)).toEqual(['lowerThird']);
    expect(asRun(night, { to: new Date(t(0.5)) })).toEqual([]);
    expect(asRun(night.slice(0, -1))[0]!.end).toBeNull();
  });

  it('answers program at an instant from the events up to it', () => {
    expect(programAt(night, new Date(t(0.5)))).toMatchObject({ layers: EMPTY_LAYERS, races: {} });
    const mid = programAt(night, new Date(t(2.5)));
    expect(mid.races[GA]).toEqual(buildRaceView(b1.record));
    const alertUp = programAt(night, new Date(t(4)));
    expect(Object.keys(alertUp.leadChanges)).toEqual([b2.leadChange!.id]);
    expect(alertUp.text.alert).toContain('Biden overtakes Trump');
  });
});

describe('asRun of the full-screen kinds', () => {
  const other = (id: string, jurisdiction: string, ev: number) =>
    freshRecord(defineRace(id, { title: 'President', jurisdiction, electoralVotes: ev, candidates: [{ id: 'biden', name: 'Joe Biden', party: 'DEM' }, { id: 'trump', name: 'Donald Trump', party: 'REP' }] }));
  const pa = other('pa', 'Pennsylvania', 20);
  const nv = other('nv', 'Nevada', 6);
  const paCounted = applied(pa, { asOf: '2020-11-06T08:00:00Z', votes: { biden: 10, trump: 5 } });
  const full = (g: Graphic | null, rev: number) => program({ fullscreen: g }, rev);
  const board: Graphic = { type: 'board', raceId: GA };
  const balance: Graphic = { type: 'balance', target: 270, raceIds: 'all' };
  const grid: Graphic = { type: 'keyRaces', raceIds: [GA, 'nv'] };
  const log = [
    at(0, definitionEvent(r1, true)),
    at(1, full(board, 1)),
    ...batchEvents(b1).map((e) => at(2, e)),
    ...batchEvents(b2).map((e) => at(3, e)),
    at(4, full(balance, 2)),
    at(5, { type: 'call', raceId: GA, data: { winner: 'biden', kind: 'winner', source: 'desk', rev: 4 } }),
    at(6, definitionEvent(pa, true)),
    ...batchEvents(paCounted).map((e) => at(7, e)), // the balance counts calls: its text does not change
    at(8, full(grid, 3)),
    at(9, definitionEvent(nv, true)),
    at(10, full(null, 4)),
  ];
  const [b, bal, g] = asRun(log);

  it('records each version of a board’s numbers while it is up, as the board reads them', () => {
    expect(b).toMatchObject({ layer: 'fullscreen', graphic: board, start: t(1), end: t(4) });
    expect(b!.shown.map((v) => [v.at, v.raceId, v.revision])).toEqual([
      [t(1), GA, 1],
      [t(2), GA, 2],
      [t(3), GA, 3],
    ]);
    expect(b!.shown[2]!.text.split('\n').slice(0, 2)).toEqual(['Georgia President 16 electoral votes RECOUNT RANGE', 'Joe Biden ▲ LEADS 2,449,371 49.4%']);
  });

  it('follows a balance of "all" through calls and races defined later, and only when its text changes', () => {
    expect(bal).toMatchObject({ graphic: balance, start: t(4), end: t(8) });
    expect(bal!.shown.map((v) => [v.at, v.raceId])).toEqual([
      [t(4), GA],
      [t(5), GA],
      [t(6), 'pa'],
    ]);
    expect(bal!.shown.map((v) => v.text.split('\n').slice(1))).toEqual([
      ['Democrats 0', 'Republicans 0', '16 electoral votes not yet called · 0 of 1 races called'],
      ['Democrats 16', 'Republicans 0', 'Every race called · 1 of 1 races called'],
      ['Democrats 16', 'Republicans 0', '20 electoral votes not yet called · 1 of 2 races called'],
    ]);
  });

  it('draws a key-races grid only once every race of it is known, as the page does', () => {
    expect(g).toMatchObject({ graphic: grid, start: t(8), end: t(10) });
    expect(g!.shown.map((v) => [v.at, v.raceId])).toEqual([[t(9), 'nv']]);
    expect(g!.shown[0]!.text.split('\n')).toEqual(['KEY RACES', 'GEORGIA President · 16 EV', '✓ CALLED Biden', '+917 · 0.02 pts', 'NEVADA President · 6 EV', 'AWAITING', 'Awaiting results']);
  });

  it('answers a balance of "all" at an instant with every race it counted', () => {
    const mid = programAt(log, new Date(t(7.5)));
    expect(Object.keys(mid.races).sort()).toEqual([GA, 'pa']);
    expect(mid.text.fullscreen).toBe(bal!.shown[2]!.text);
  });
});

describe('asRun of a balance of every race', () => {
  const three = freshRecord(
    defineRace('nm', { title: 'Senate', jurisdiction: 'New Mexico', candidates: [{ id: 'd', name: 'Dee Dem', party: 'DEM' }, { id: 'r', name: 'Rae Rep', party: 'REP' }, { id: 'l', name: 'Lee Lib', party: 'LIB' }] }),
  );
  const batches = [
    { d: 100, r: 90, l: 10 },
    { d: 150, r: 120, l: 30 }, // the same two on top: the balance reads the same
    { d: 160, r: 120, l: 130 }, // the Libertarian into the top two: a party the balance now lists
    { d: 170, r: 125, l: 131 },
  ];
  const log: LogEvent[] = [at(0, definitionEvent(three, true)), at(1, program({ lowerThird: { type: 'balance', target: 51, raceIds: 'all' } }, 1))];
  batches.reduce((rec, votes, i) => {
    const out = applied(rec, { asOf: `2020-11-04T0${i + 1}:00:00Z`, votes });
    log.push(...batchEvents(out).map((e) => at(2 + i, e)));
    return out.record;
  }, three);
  log.push(at(6, { type: 'call', raceId: 'nm', data: { winner: 'l', kind: 'winner', source: 'desk', rev: 6 } }));

  it('adds a version only when a race changes what the balance counts, and misses none', () => {
    const [bal] = asRun(log);
    expect(bal!.shown.map((v) => [v.at, v.text.split('\n').slice(1, -1)])).toEqual([
      [t(1), ['Democrats 0', 'Republicans 0']],
      [t(4), ['Democrats 0', 'Libertarians 0']],
      [t(6), ['Democrats 0', 'Libertarians 1']],
    ]);
    // Whatever the shortcut skips, each instant's last version is what program showed then.
    for (const e of log.slice(1)) {
      const last = bal!.shown.filter((v) => v.at <= e.at).at(-1)!;
      expect(last.text).toBe(programAt(log, new Date(e.at)).text.lowerThird);
    }
  });
});

describe('asRunCsv', () => {
  it('quotes every field so texts with line breaks, commas and quotes parse back unchanged', () => {
    const entries = asRun(night);
    entries[0]!.shown[0]!.text = 'a "quoted", two-line\ntext';
    const rows = parse(asRunCsv(entries), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual(asRunRows(entries));
    expect(rows[0]!.text).toBe('a "quoted", two-line\ntext');
  });

  it('keeps one row for a graphic that drew nothing', () => {
    const blank = [at(0, program({ lowerThird: { type: 'race', raceId: 'unknown' } }, 1))];
    expect(asRunRows(asRun(blank))).toEqual([{ channel: 'program', layer: 'lowerThird', graphic: '{"type":"race","raceId":"unknown"}', start: t(0), end: '', at: '', raceId: '', revision: '', text: '' }]);
  });
});
