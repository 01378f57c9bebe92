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
import { applied, freshRecord } from './fixtures.js';

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
