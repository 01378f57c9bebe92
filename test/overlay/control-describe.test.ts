import { describe, expect, it } from 'vitest';
import type { Graphic } from '../../shared/index.js';
import {
  AGE_AMBER_MS,
  AGE_RED_MS,
  ageLevel,
  candidateName,
  clockTime,
  describeAge,
  describeAlertEnd,
  describeCallButton,
  describeCount,
  describeGraphic,
  describeLead,
  describeLeadChange,
  describeOffAir,
  describeOnLayer,
  describeTake,
  describeUncallButton,
  formatAge,
  OFF_AIR_SLACK_MS,
  raceName,
  share,
} from '../../overlay/control/describe.js';
import { ControlState } from '../../overlay/control/state.js';
import { alert, gaBefore, gaFlip, paFlip, gaLeadChange, view } from './fixtures.js';

const huge = () => view({ votes: { biden: 4_000_000_000_000_000, trump: 3_000_000_000_000_000, other: 1 }, recount: null });
const called = () => ({ ...gaFlip(), status: 'called' as const, call: { winner: 'biden', at: '2020-11-07T16:25:00.000Z' } });

describe('race age thresholds', () => {
  it('turns amber at 60 s and red at 180 s, as the control README says', () => {
    expect([AGE_AMBER_MS, AGE_RED_MS]).toEqual([60_000, 180_000]);
  });

  it.each([
    { does: 'is fresh at 0 ms', ms: 0, want: 'fresh' },
    { does: 'is fresh just under a minute', ms: 59_999, want: 'fresh' },
    { does: 'is amber at exactly a minute', ms: 60_000, want: 'amber' },
    { does: 'is amber just under three minutes', ms: 179_999, want: 'amber' },
    { does: 'is red at exactly three minutes', ms: 180_000, want: 'red' },
    { does: 'is red after hours', ms: 4 * 3_600_000, want: 'red' },
    { does: 'is fresh for a clock that stepped back', ms: -5_000, want: 'fresh' },
  ])('$does', ({ ms, want }) => {
    expect(ageLevel(ms)).toBe(want);
  });
});

describe('formatAge', () => {
  it.each([
    { does: 'says 0 s at once', ms: 0, want: '0 s' },
    { does: 'rounds part seconds down', ms: 999, want: '0 s' },
    { does: 'says seconds under a minute', ms: 12_000, want: '12 s' },
    { does: 'says 59 s just under a minute', ms: 59_999, want: '59 s' },
    { does: 'says minutes and seconds from a minute', ms: 60_000, want: '1 min 0 s' },
    { does: 'says 3 min 20 s for 200 s', ms: 200_000, want: '3 min 20 s' },
    { does: 'says 59 min 59 s just under an hour', ms: 3_599_999, want: '59 min 59 s' },
    { does: 'says hours and minutes from an hour', ms: 3_600_000, want: '1 h 0 min' },
    { does: 'says 1 h 6 min for 4,000 s', ms: 4_000_000, want: '1 h 6 min' },
    { does: 'says a night in hours', ms: 26 * 3_600_000 + 61_000, want: '26 h 1 min' },
    { does: 'says 0 s for a clock that stepped back', ms: -5_000, want: '0 s' },
  ])('$does', ({ ms, want }) => {
    expect(formatAge(ms)).toBe(want);
  });
});

describe('describeAge', () => {
  it.each([
    { does: 'says when this page received the revision', sinceLoad: false, age: 12_000, want: 'updated 12 s ago' },
    { does: 'says at least how long for a revision known only since load', sinceLoad: true, age: 12_000, want: 'no update for ≥ 12 s' },
    { does: 'says minutes for an amber race', sinceLoad: false, age: 75_000, want: 'updated 1 min 15 s ago' },
  ])('$does', ({ sinceLoad, age, want }) => {
    expect(describeAge({ view: gaFlip(), receivedAt: 1_000_000, sinceLoad }, 1_000_000 + age)).toBe(want);
  });
});

describe('candidateName', () => {
  it.each([
    { does: 'gives the surname of a known candidate', v: gaFlip(), id: 'biden', want: 'Biden' },
    { does: 'gives the id of a candidate the race does not define', v: gaFlip(), id: 'kanye', want: 'kanye' },
    { does: 'gives the id when the race is unknown', v: undefined, id: 'trump', want: 'trump' },
    { does: 'gives a dash for no candidate', v: gaFlip(), id: null, want: '—' },
  ])('$does', ({ v, id, want }) => {
    expect(candidateName(v, id)).toBe(want);
  });
});

describe('describeLead', () => {
  it.each([
    { does: 'gives the leader, signed margin and points after the flip', race: gaFlip(), want: 'Biden +917 · 0.02 pts' },
    { does: 'gives the leader before the flip', race: gaBefore(), want: 'Trump +463 · 0.01 pts' },
    { does: 'says tied at the top count', race: view({ votes: { biden: 1_000, trump: 1_000, other: 7 } }), want: 'Tied at 1,000' },
    { does: 'says awaiting votes before any vote', race: view(), want: 'Awaiting votes' },
    { does: 'names the called winner first', race: called(), want: 'Biden WINS · Biden +917 · 0.02 pts' },
    { does: 'writes a huge lead exactly', race: huge(), want: 'Biden +1,000,000,000,000,000 · 14.3 pts' },
  ])('$does', ({ race, want }) => {
    expect(describeLead(race)).toBe(want);
  });
});

describe('describeCount', () => {
  it.each([
    {
      does: 'gives expected vote and outstanding ballots together',
      race: view({ expectedVotePct: 98.9, outstanding: { ballots: 8_410, label: 'military and overseas ballots' }, votes: { biden: 1, trump: 0, other: 0 } }),
      want: '98% of expected vote in · 8,410 military and overseas ballots outstanding',
    },
    { does: 'gives the expected vote alone', race: gaBefore(), want: '98% of expected vote in' },
    { does: 'gives the outstanding ballots alone', race: gaFlip(), want: '8,410 military and overseas ballots outstanding' },
    { does: 'counts the votes when nothing else is known', race: view({ votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 } }), want: '4,958,825 votes counted' },
    { does: 'says no votes yet for an empty race', race: view(), want: 'no votes yet' },
    { does: 'says 0% of expected vote for an empty race that reports it', race: view({ expectedVotePct: 0 }), want: '0% of expected vote in' },
    { does: 'counts huge totals exactly', race: huge(), want: '7,000,000,000,000,001 votes counted' },
  ])('$does', ({ race, want }) => {
    expect(describeCount(race)).toBe(want);
  });
});

describe('describeLeadChange', () => {
  it.each([
    { does: 'says who took the lead from whom with margin and points', lc: gaLeadChange(), v: gaFlip(), want: 'Biden takes the lead from Trump · +917 (0.02 pts)' },
    { does: 'uses candidate ids when the race is unknown', lc: gaLeadChange(), v: undefined, want: 'biden takes the lead from trump · +917 (0.02 pts)' },
    {
      does: 'writes a huge margin exactly',
      lc: gaLeadChange({ margin: 1_000_000_000_000_000, marginPct: 100 / 7 }),
      v: huge(),
      want: 'Biden takes the lead from Trump · +1,000,000,000,000,000 (14.3 pts)',
    },
  ])('$does', ({ lc, v, want }) => {
    expect(describeLeadChange(lc, v)).toBe(want);
  });
});

describe('describeGraphic', () => {
  const state = new ControlState(() => 0);
  state.applyRace(gaFlip());
  state.applyLeadChange(gaLeadChange());
  state.applyLeadChange(gaLeadChange({ id: 'lc-orphan', raceId: 'az-president-2020' }));

  it.each([
    { does: 'says a dash for an empty layer', g: null, want: '—' },
    { does: 'names a known race', g: { type: 'race', raceId: 'ga-president-2020' }, want: 'Georgia President' },
    { does: 'gives the id of an unknown race', g: { type: 'race', raceId: 'az-president-2020' }, want: 'az-president-2020' },
    { does: 'names a known lead change by race and new leader', g: { type: 'leadChange', leadChangeId: 'lc-1' }, want: 'Lead change: Georgia President → Biden' },
    { does: 'gives the id of an unknown lead change', g: { type: 'leadChange', leadChangeId: 'lc-404' }, want: 'Lead change lc-404' },
    { does: 'gives the id of a lead change whose race is unknown', g: { type: 'leadChange', leadChangeId: 'lc-orphan' }, want: 'Lead change lc-orphan' },
    { does: 'counts one ticker race in the singular', g: { type: 'ticker', raceIds: ['ga-president-2020'] }, want: 'Ticker: 1 race' },
    { does: 'counts ticker races', g: { type: 'ticker', raceIds: ['ga-president-2020', 'pa-president-2020', 'az-president-2020'] }, want: 'Ticker: 3 races' },
  ] satisfies { does: string; g: Graphic | null; want: string }[])('$does', ({ g, want }) => {
    expect(describeGraphic(g, state)).toBe(want);
  });
});

describe('describeOnLayer (the lamps and layer rows)', () => {
  const state = new ControlState(() => 0);
  state.applyRace(gaFlip());
  state.applyRace({ ...paFlip(1), test: true });
  state.applyLeadChange(gaLeadChange());

  it.each([
    { does: 'says a dash for an empty layer', g: null, want: '—' },
    { does: 'names a live race as it is', g: { type: 'race', raceId: 'ga-president-2020' }, want: 'Georgia President' },
    { does: 'marks a race fed rehearsal data TEST, as the overlay does', g: { type: 'race', raceId: 'pa-president-2020' }, want: 'TEST · Pennsylvania President' },
    { does: 'marks a ticker with a test race among its races', g: { type: 'ticker', raceIds: ['ga-president-2020', 'pa-president-2020'] }, want: 'TEST · Ticker: 2 races' },
    { does: 'leaves a live lead change unmarked', g: { type: 'leadChange', leadChangeId: 'lc-1' }, want: 'Lead change: Georgia President → Biden' },
  ] satisfies { does: string; g: Graphic | null; want: string }[])('$does', ({ g, want }) => {
    expect(describeOnLayer(g, state)).toBe(want);
  });
});

describe('raceName, share and clockTime', () => {
  it('names a race by jurisdiction and title', () => {
    expect(raceName(gaFlip())).toBe('Georgia President');
  });

  it.each([
    { does: 'writes a share to one decimal', pct: (100 * 2_449_371) / 4_958_825, want: '49.4%' },
    { does: 'writes no share as 0.0%', pct: 0, want: '0.0%' },
  ])('$does', ({ pct, want }) => {
    expect(share(pct)).toBe(want);
  });

  it.each([
    { does: 'gives a dash for no time', iso: null, want: '—' },
    { does: 'gives UTC hours, minutes and seconds', iso: '2020-11-06T09:50:07.414Z', want: '09:50:07Z' },
    { does: 'converts an offset time to UTC', iso: '2020-11-06T10:50:07+01:00', want: '09:50:07Z' },
    { does: 'gives midnight as 00:00:00Z', iso: '2020-11-07T00:00:00Z', want: '00:00:00Z' },
    { does: 'gives back text that is not a time', iso: 'soon', want: 'soon' },
  ])('$does', ({ iso, want }) => {
    expect(clockTime(iso)).toBe(want);
  });
});

const T0 = Date.parse('2020-11-06T10:00:00.000Z');
const OFF_AT = '2020-11-06T10:00:10.000Z';

describe('describeOffAir (the countdown of an aired alert, on the panel clock)', () => {
  it.each([
    { does: 'counts the whole duration just after airing', now: T0, want: 'leaves air in 10 s' },
    { does: 'rounds up, so 6.2 s left reads 7 s', now: T0 + 3_800, want: 'leaves air in 7 s' },
    { does: 'reads 7 s at exactly 7 s left', now: T0 + 3_000, want: 'leaves air in 7 s' },
    { does: 'reads 1 s in the last second', now: T0 + 9_999, want: 'leaves air in 1 s' },
    { does: 'shows nothing at offAirAt', now: T0 + 10_000, want: null },
    { does: 'shows nothing after offAirAt (the server has yet to take it off)', now: T0 + 12_000, want: null },
    { does: 'reads minutes for a long duration', now: T0 - 80_000, want: 'leaves air in 1 min 30 s' },
  ])('$does', ({ now, want }) => {
    expect(describeOffAir(OFF_AT, now)).toBe(want);
  });

  it('shows nothing without offAirAt or with an unreadable one', () => {
    expect(describeOffAir(undefined, T0)).toBeNull();
    expect(describeOffAir('soon', T0)).toBeNull();
  });
});

describe('describeAlertEnd (how an aired alert left air, for the history)', () => {
  const aired = alert('a1', { status: 'aired', updatedAt: '2020-11-06T10:00:00.000Z', offAirAt: OFF_AT });
  it.each([
    { does: 'counts down while on air', a: aired, o: { onAir: true, leftAt: undefined, now: T0 + 3_000 }, want: 'leaves air in 7 s' },
    { does: 'says nothing while still on air after offAirAt', a: aired, o: { onAir: true, leftAt: undefined, now: T0 + 10_500 }, want: '' },
    { does: 'says it left by itself when seen leaving at offAirAt', a: aired, o: { onAir: false, leftAt: T0 + 10_050, now: T0 + 20_000 }, want: 'left air by itself after 10 s' },
    { does: 'allows the push a little slack before offAirAt', a: aired, o: { onAir: false, leftAt: T0 + 10_000 - OFF_AIR_SLACK_MS, now: T0 + 20_000 }, want: 'left air by itself after 10 s' },
    { does: 'says it was taken off early when seen leaving before', a: aired, o: { onAir: false, leftAt: T0 + 4_000, now: T0 + 20_000 }, want: 'taken off air before its 10 s' },
    { does: 'states the rule when this page did not see it leave', a: aired, o: { onAir: false, leftAt: undefined, now: T0 + 20_000 }, want: 'auto-off after 10 s' },
    { does: 'says nothing of a dismissed alert', a: alert('a2', { status: 'dismissed' }), o: { onAir: false, leftAt: undefined, now: T0 }, want: '' },
    { does: 'says nothing of an aired alert without offAirAt (older server)', a: alert('a3', { status: 'aired' }), o: { onAir: false, leftAt: undefined, now: T0 }, want: '' },
    { does: 'leaves out the duration when the airing time is unknown', a: { ...aired, updatedAt: undefined }, o: { onAir: false, leftAt: T0 + 10_000, now: T0 + 20_000 }, want: 'left air by itself' },
  ])('$does', ({ a, o, want }) => {
    expect(describeAlertEnd(a, o)).toBe(want);
  });
});

describe('describeTake (TAKE’s second line)', () => {
  it.each([
    { readiness: 'empty', want: 'preview is empty' },
    { readiness: 'ready', want: 'Georgia President → program' },
    { readiness: 'on-program', want: 'Georgia President · already on program' },
  ] as const)('$readiness: $want', ({ readiness, want }) => {
    expect(describeTake(readiness, 'Georgia President')).toBe(want);
  });
});

describe('call buttons’ accessible names', () => {
  const ga = gaFlip();
  it.each([
    { does: 'names race and winner', got: () => describeCallButton(ga, 'Biden', false), want: 'Call race: Georgia President for Biden' },
    { does: 'asks for confirmation once armed', got: () => describeCallButton(ga, 'Biden', true), want: 'Confirm call: Georgia President for Biden' },
    { does: 'asks for a winner when none is chosen', got: () => describeCallButton(ga, null, false), want: 'Call race: Georgia President (choose the winner first)' },
    { does: 'names the race to withdraw', got: () => describeUncallButton(ga, false), want: 'Withdraw call: Georgia President' },
    { does: 'asks to confirm the withdrawal once armed', got: () => describeUncallButton(ga, true), want: 'Confirm withdraw call: Georgia President' },
  ])('$does', ({ got, want }) => {
    expect(got()).toBe(want);
  });
});
