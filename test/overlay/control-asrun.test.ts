import { describe, expect, it } from 'vitest';
import { buildRaceView, type AsRunEntry, type LeadChange, type LogEvent, type RaceView } from '../../shared/index.js';
import {
  appendEvents,
  clock,
  compareEventIds,
  describeActor,
  describeEvent,
  describeLastAired,
  describeSpan,
  entryRaces,
  lastAired,
  timeline,
  type EventLookup,
} from '../../overlay/control/asrun.js';

const GA = 'ga-president-2020';
const PA = 'pa-president-2020';

function race(id: string, jurisdiction: string): RaceView {
  return buildRaceView({
    definition: {
      id,
      title: 'President',
      jurisdiction,
      candidates: [
        { id: 'biden', name: 'Joe Biden', party: 'DEM' },
        { id: 'trump', name: 'Donald Trump', party: 'REP' },
      ],
    },
    votes: { biden: 2_449_371, trump: 2_448_454 },
    asOf: '2020-11-06T09:50:07.414Z',
    expectedVotePct: null,
    outstanding: null,
    revision: 3,
    lastLeader: 'biden',
    call: null,
    updatedAt: '2020-11-06T10:00:00.000Z',
  });
}

const LC: LeadChange = {
  id: 'lc-1',
  raceId: PA,
  from: 'trump',
  to: 'biden',
  margin: 5_587,
  marginPct: 0.08,
  asOf: '2020-11-06T13:00:00.000Z',
  revision: 4,
  detectedAt: '2020-11-06T13:00:01.000Z',
};
const views: Record<string, RaceView> = { [GA]: race(GA, 'Georgia'), [PA]: race(PA, 'Pennsylvania') };
const lookup: EventLookup = { race: (id) => views[id], leadChange: (id) => (id === LC.id ? LC : undefined), feedLabel: (id) => (id === 'ap' ? 'AP' : id) };

const MARIA = { role: 'producer', name: 'Maria' } as const;
const ev = (e: Partial<LogEvent> & Pick<LogEvent, 'type' | 'data'>): LogEvent =>
  ({ id: '1604656445000-0', at: '2020-11-06T21:14:05.000Z', actor: MARIA, ...e }) as LogEvent;
const EMPTY = { fullscreen: null, ticker: null, lowerThird: null, alert: null };

const entry = (o: Partial<AsRunEntry>): AsRunEntry => ({
  channel: 'program',
  layer: 'lowerThird',
  graphic: { type: 'race', raceId: GA },
  start: '2020-11-06T21:00:00.000Z',
  end: null,
  shown: [],
  ...o,
});

describe('describing who and what', () => {
  it.each([
    [MARIA, 'Maria (producer)'],
    [{ role: 'producer', name: 'producer' }, 'producer'],
    [{ role: 'ingest', name: 'ingest' }, 'ingest'],
    [{ role: 'feed', name: 'ap' }, 'ap (feed)'],
    [{ role: 'system', name: 'leadwire' }, 'leadwire (system)'],
  ] as const)('%o reads "%s"', (actor, words) => {
    expect(describeActor(actor)).toBe(words);
  });

  it.each<[string, LogEvent, string]>([
    [
      'a take',
      ev({ type: 'graphics', data: { action: 'take', layer: 'lowerThird', program: { ...EMPTY, lowerThird: { type: 'race', raceId: GA } }, preview: EMPTY, rev: 2 } }),
      '21:14:05Z · Maria (producer) · take lowerThird → Georgia President',
    ],
    [
      'a cue (what preview holds after it)',
      ev({ type: 'graphics', data: { action: 'cue', layer: 'lowerThird', program: EMPTY, preview: { ...EMPTY, lowerThird: { type: 'race', raceId: PA } }, rev: 1 } }),
      '21:14:05Z · Maria (producer) · cue lowerThird → Pennsylvania President',
    ],
    [
      'a clear of program',
      ev({ type: 'graphics', data: { action: 'clear', layer: 'lowerThird', channel: 'program', program: EMPTY, preview: EMPTY, rev: 3 } }),
      '21:14:05Z · Maria (producer) · clear lowerThird',
    ],
    [
      'a clear of preview',
      ev({ type: 'graphics', data: { action: 'clear', layer: 'alert', channel: 'preview', program: EMPTY, preview: EMPTY, rev: 3 } }),
      '21:14:05Z · Maria (producer) · clear alert (preview)',
    ],
    [
      'a feed batch, a correction',
      ev({ type: 'batch.applied', raceId: GA, actor: { role: 'feed', name: 'ap' }, data: { asOf: '2020-11-06T09:50:07.414Z', votes: { biden: 2, trump: 1_000 }, source: 'ap', correction: true, rev: 4 } }),
      '21:14:05Z · ap (feed) · batch Georgia President · as of 09:50:07Z · 1,002 votes · rev 4 · source AP · CORRECTION',
    ],
    [
      'a refusal counted 3 times',
      ev({ type: 'batch.refused', raceId: GA, data: { reason: 'stale', source: 'manual', message: 'older than the stored count', repeats: 2 } }),
      '21:14:05Z · Maria (producer) · refused batch Georgia President: stale (×3) — older than the stored count',
    ],
    [
      'a batch for a race this page does not know',
      ev({ type: 'batch.applied', raceId: 'az-president-2020', data: { asOf: '2020-11-06T09:50:07.414Z', votes: {}, source: null, correction: false, rev: 1 } }),
      '21:14:05Z · Maria (producer) · batch az-president-2020 · as of 09:50:07Z · 0 votes · rev 1',
    ],
    ['a lead change', ev({ type: 'leadChange', raceId: PA, actor: { role: 'system', name: 'leadwire' }, data: LC }), '21:14:05Z · leadwire (system) · lead change Pennsylvania President: Joe Biden takes the lead from Donald Trump'],
    ['a desk call', ev({ type: 'call', raceId: GA, data: { winner: 'biden', kind: 'winner', source: 'desk', rev: 5 } }), '21:14:05Z · Maria (producer) · call Georgia President for Joe Biden (desk)'],
    ['a withdrawn call', ev({ type: 'uncall', raceId: GA, data: { rev: 6 } }), '21:14:05Z · Maria (producer) · withdraw call Georgia President'],
    [
      'an alert aired',
      ev({ type: 'alert', raceId: PA, data: { alert: 'alert.lc-1', kind: 'leadChange', status: 'aired', leadChangeId: 'lc-1' } }),
      '21:14:05Z · Maria (producer) · alert Pennsylvania President: lead change aired',
    ],
    ['a feed paused', ev({ type: 'feed', data: { feed: 'ap', action: 'pause' } }), '21:14:05Z · Maria (producer) · pause feed AP'],
    [
      'a feed failing',
      ev({ type: 'feed', actor: { role: 'feed', name: 'ap' }, data: { feed: 'ap', state: 'error', lastError: 'AP answered 403' } }),
      '21:14:05Z · ap (feed) · feed AP: error — AP answered 403',
    ],
    ['a reset to test data', ev({ type: 'race.reset', raceId: GA, data: { test: true, rev: 2 } }), '21:14:05Z · Maria (producer) · reset Georgia President to TEST data'],
  ])('%s', (_, e, words) => {
    expect(describeEvent(e, lookup)).toBe(words);
  });
});

describe('the timeline', () => {
  const ga1 = entry({ start: '2020-11-06T21:00:00.000Z', end: '2020-11-06T21:05:00.000Z' });
  const alert = entry({ layer: 'alert', graphic: { type: 'leadChange', leadChangeId: LC.id }, start: '2020-11-06T21:02:00.000Z', end: '2020-11-06T21:02:10.000Z' });
  const ticker = entry({ layer: 'ticker', graphic: { type: 'ticker', raceIds: [GA, PA] }, start: '2020-11-06T21:02:00.000Z', end: null });
  const pa = entry({ graphic: { type: 'race', raceId: PA }, start: '2020-11-06T21:05:00.000Z', end: null });
  const all = [ga1, alert, ticker, pa];

  it.each<[string, Parameters<typeof timeline>[1], AsRunEntry[]]>([
    ['everything, newest first (of two starting together, the later listed first)', {}, [pa, ticker, alert, ga1]],
    ['one layer', { layer: 'lowerThird' }, [pa, ga1]],
    ['one race: its lower thirds, the ticker naming it', { raceId: GA }, [ticker, ga1]],
    ['a race shown through a lead change', { raceId: PA }, [pa, ticker, alert]],
    ['a race and a layer', { raceId: PA, layer: 'alert' }, [alert]],
    ['a race never shown', { raceId: 'az-president-2020' }, []],
  ])('%s', (_, filter, expected) => {
    expect(timeline(all, filter, lookup)).toEqual(expected);
  });

  it('names the races an entry showed, the versions’ races too', () => {
    expect(entryRaces(alert, lookup)).toEqual([PA]);
    expect(entryRaces(entry({ layer: 'fullscreen', graphic: { type: 'balance', target: 270, raceIds: 'all' }, shown: [{ at: 'x', raceId: GA, revision: 3, text: '' }] }), lookup)).toEqual([GA]);
    expect(entryRaces(entry({ layer: 'alert', graphic: { type: 'leadChange', leadChangeId: 'unknown' } }), lookup)).toEqual([]);
  });

  it.each<[string, AsRunEntry, string]>([
    ['on air', entry({ start: '2020-11-06T21:14:05.000Z' }), '21:14:05Z – ON AIR'],
    ['seconds', entry({ start: '2020-11-06T21:14:05.000Z', end: '2020-11-06T21:14:15.400Z' }), '21:14:05Z – 21:14:15Z · 10 s'],
    ['minutes', entry({ start: '2020-11-06T21:14:05.000Z', end: '2020-11-06T21:15:10.000Z' }), '21:14:05Z – 21:15:10Z · 1 min 5 s'],
    ['hours', entry({ start: '2020-11-06T21:00:00.000Z', end: '2020-11-06T23:01:00.000Z' }), '21:00:00Z – 23:01:00Z · 2 h 1 min'],
  ])('a span %s', (_, x, words) => {
    expect(describeSpan(x)).toBe(words);
  });
});

describe('last aired', () => {
  it.each<[string, AsRunEntry[], Record<string, string | null>]>([
    ['nothing aired', [], {}],
    ['one entry ended', [entry({ end: '2020-11-06T21:05:00.000Z' })], { [GA]: '2020-11-06T21:05:00.000Z' }],
    [
      'the latest end of several, whatever their order',
      [entry({ end: '2020-11-06T21:30:00.000Z' }), entry({ end: '2020-11-06T21:05:00.000Z' })],
      { [GA]: '2020-11-06T21:30:00.000Z' },
    ],
    ['on air now beats any end', [entry({ end: null }), entry({ start: '2020-11-06T22:00:00.000Z', end: '2020-11-06T23:00:00.000Z' })], { [GA]: null }],
    [
      'a ticker and a lead change alert count for their races',
      [
        entry({ layer: 'ticker', graphic: { type: 'ticker', raceIds: [GA, PA] }, end: '2020-11-06T21:10:00.000Z' }),
        entry({ layer: 'alert', graphic: { type: 'leadChange', leadChangeId: LC.id }, end: '2020-11-06T21:20:00.000Z' }),
      ],
      { [GA]: '2020-11-06T21:10:00.000Z', [PA]: '2020-11-06T21:20:00.000Z' },
    ],
  ])('%s', (_, entries, expected) => {
    expect(Object.fromEntries(lastAired(entries, lookup))).toEqual(expected);
  });

  it.each([
    [undefined, null],
    [null, 'on air now'],
    ['2020-11-06T21:14:05.123Z', 'last aired 21:14:05Z'],
  ] as const)('%s reads %s', (v, words) => {
    expect(describeLastAired(v)).toBe(words);
  });
});

describe('holding the log', () => {
  const e = (id: string) => ev({ id, type: 'uncall', raceId: GA, data: { rev: 1 } });

  it('compares stream ids as numbers, part by part', () => {
    expect(compareEventIds('9-0', '10-0')).toBeLessThan(0);
    expect(compareEventIds('10-10', '10-9')).toBeGreaterThan(0);
    expect(compareEventIds('10-1', '10-1')).toBe(0);
  });

  it('appends pages, skips what it already holds and keeps the newest', () => {
    let held = appendEvents([], [e('1-0'), e('2-0')], 3);
    held = appendEvents(held, [e('2-0'), e('3-0'), e('10-0')], 3);
    expect(held.map((x) => x.id)).toEqual(['2-0', '3-0', '10-0']);
    expect(appendEvents(held, [], 3)).toEqual(held);
  });

  it('writes times in UTC, and an unreadable one as it came', () => {
    expect(clock('2020-11-06T21:14:05.999Z')).toBe('21:14:05Z');
    expect(clock(null)).toBe('—');
    expect(clock('soon')).toBe('soon');
  });
});
