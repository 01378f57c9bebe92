import { describe, it, expect } from 'vitest';
import type { z } from 'zod';
import {
  AirCommand,
  BulkItem,
  BulkResults,
  Candidate,
  ClearCommand,
  CueCommand,
  Graphic,
  RaceDefinitionInput,
  RecountRule,
  ResultBatch,
  Slug,
  TakeCommand,
  toIssues,
} from '../../shared/index.js';

/** The issue paths a schema reports for an input, in order; [] when the input is valid. */
function paths(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : toIssues(r.error).map((i) => i.path);
}

const ASOF = '2020-11-06T09:50:07.414Z';
const RACE = {
  title: 'President',
  jurisdiction: 'Georgia',
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM' },
    { id: 'trump', name: 'Donald Trump', party: 'REP' },
  ],
};

describe('toIssues', () => {
  it('turns a zod error into dotted paths with messages', () => {
    const r = ResultBatch.safeParse({ asOf: ASOF, votes: { trump: -1 } });
    expect(r.success || toIssues(r.error)).toEqual([{ path: 'votes.trump', message: 'must not be negative' }]);
  });

  it('dots array indexes into the path', () => {
    const r = RaceDefinitionInput.safeParse({ ...RACE, candidates: [{ id: 'biden', name: 'Joe Biden' }, { id: 'Trump', name: 'x' }] });
    expect(r.success || toIssues(r.error)).toEqual([
      { path: 'candidates.1.id', message: 'must match ^[a-z0-9][a-z0-9-]{0,63}$ (lower-case letters, digits, dashes)' },
    ]);
  });

  it('names a root-level unknown key by its own path', () => {
    const r = ResultBatch.safeParse({ asOf: ASOF, votes: {}, feed: 'AP' });
    expect(r.success || toIssues(r.error)).toEqual([{ path: 'feed', message: 'unknown field "feed"' }]);
  });
});

describe('Slug', () => {
  it.each([
    { does: 'accepts a race id with dashes and digits', id: 'ga-president-2020', ok: true },
    { does: 'accepts a one-character id', id: 'a', ok: true },
    { does: 'accepts an id that starts with a digit', id: '2020-ga', ok: true },
    { does: 'accepts a 64-character id', id: 'a'.repeat(64), ok: true },
    { does: 'rejects a 65-character id', id: 'a'.repeat(65), ok: false },
    { does: 'rejects upper-case letters', id: 'Trump', ok: false },
    { does: 'rejects an id that starts with a dash', id: '-trump', ok: false },
    { does: 'rejects an empty id', id: '', ok: false },
    { does: 'rejects underscores', id: 'ga_president', ok: false },
    { does: 'rejects spaces', id: 'ga president', ok: false },
  ])('$does', ({ id, ok }) => {
    expect(Slug.safeParse(id).success).toBe(ok);
  });
});

describe('ResultBatch', () => {
  it('accepts the contract’s example batch as given', () => {
    const body = {
      asOf: ASOF,
      votes: { biden: 2449371, trump: 2448454, other: 61000 },
      expectedVotePct: 98.9,
      outstanding: { ballots: 8410, label: 'military and overseas ballots' },
    };
    expect(ResultBatch.parse(body)).toEqual(body);
  });

  it.each([
    { does: 'accepts a count of zero', input: { asOf: ASOF, votes: { trump: 0 } }, want: [] },
    { does: 'accepts the largest safe integer as a count', input: { asOf: ASOF, votes: { trump: Number.MAX_SAFE_INTEGER } }, want: [] },
    { does: 'accepts an asOf with an offset', input: { asOf: '2020-11-06T04:50:07-05:00', votes: {} }, want: [] },
    { does: 'accepts a null expectedVotePct and outstanding', input: { asOf: ASOF, votes: {}, expectedVotePct: null, outstanding: null }, want: [] },
    { does: 'rejects a negative count at votes.<id>', input: { asOf: ASOF, votes: { trump: -1 } }, want: ['votes.trump'] },
    { does: 'rejects a fractional count at votes.<id>', input: { asOf: ASOF, votes: { biden: 1.5 } }, want: ['votes.biden'] },
    { does: 'rejects a count as a string at votes.<id>', input: { asOf: ASOF, votes: { biden: '2449371' } }, want: ['votes.biden'] },
    { does: 'rejects a count beyond the largest safe integer at votes.<id>', input: { asOf: ASOF, votes: { biden: Number.MAX_SAFE_INTEGER + 1 } }, want: ['votes.biden', 'votes.biden'] },
    { does: 'rejects an infinite count at votes.<id>', input: { asOf: ASOF, votes: { biden: Infinity } }, want: ['votes.biden'] },
    { does: 'rejects a candidate id that is not a slug at votes.<id>', input: { asOf: ASOF, votes: { Biden: 1 } }, want: ['votes.Biden'] },
    { does: 'rejects a missing asOf', input: { votes: {} }, want: ['asOf'] },
    { does: 'rejects an asOf that is not a date-time', input: { asOf: 'yesterday', votes: {} }, want: ['asOf'] },
    { does: 'rejects a date without a time', input: { asOf: '2020-11-06', votes: {} }, want: ['asOf'] },
    { does: 'rejects votes given as a list', input: { asOf: ASOF, votes: [1, 2] }, want: ['votes'] },
    { does: 'rejects an expectedVotePct above 100', input: { asOf: ASOF, votes: {}, expectedVotePct: 100.1 }, want: ['expectedVotePct'] },
    { does: 'rejects a negative expectedVotePct', input: { asOf: ASOF, votes: {}, expectedVotePct: -1 }, want: ['expectedVotePct'] },
    { does: 'rejects negative outstanding ballots', input: { asOf: ASOF, votes: {}, outstanding: { ballots: -5, label: 'mail' } }, want: ['outstanding.ballots'] },
    { does: 'rejects a blank outstanding label', input: { asOf: ASOF, votes: {}, outstanding: { ballots: 5, label: '   ' } }, want: ['outstanding.label'] },
    { does: 'rejects an outstanding without a label', input: { asOf: ASOF, votes: {}, outstanding: { ballots: 5 } }, want: ['outstanding.label'] },
    { does: 'rejects an unknown key', input: { asOf: ASOF, votes: {}, source: 'AP' }, want: ['source'] },
  ])('$does', ({ input, want }) => {
    expect(paths(ResultBatch, input)).toEqual(want);
  });
});

describe('BulkResults and BulkItem', () => {
  it.each([
    { does: 'accepts a bulk body with one update of any shape', schema: BulkResults, input: { updates: [{}] }, want: [] },
    { does: 'rejects a bulk body with no updates', schema: BulkResults, input: { updates: [] }, want: ['updates'] },
    { does: 'rejects a bulk body of more than 1,000 updates', schema: BulkResults, input: { updates: Array.from({ length: 1001 }, () => ({})) }, want: ['updates'] },
    { does: 'rejects a bulk item without a raceId', schema: BulkItem, input: { asOf: ASOF, votes: {} }, want: ['raceId'] },
    { does: 'rejects a bulk item whose raceId is not a slug', schema: BulkItem, input: { raceId: 'GA', asOf: ASOF, votes: {} }, want: ['raceId'] },
    { does: 'accepts a bulk item naming its race', schema: BulkItem, input: { raceId: 'ga', asOf: ASOF, votes: { a: 1 } }, want: [] },
  ])('$does', ({ schema, input, want }) => {
    expect(paths(schema, input)).toEqual(want);
  });
});

describe('RaceDefinitionInput', () => {
  it('accepts the contract’s example definition and defaults the recount basis to total', () => {
    const body = { ...RACE, electoralVotes: 16, recount: { marginPct: 0.5 } };
    expect(RaceDefinitionInput.parse(body)).toEqual({ ...body, recount: { marginPct: 0.5, basis: 'total' } });
  });

  it('trims names and titles', () => {
    const parsed = RaceDefinitionInput.parse({ title: ' President ', jurisdiction: 'Georgia ', candidates: [{ id: 'a', name: ' Joe Biden ' }] });
    expect([parsed.title, parsed.jurisdiction, parsed.candidates[0]?.name]).toEqual(['President', 'Georgia', 'Joe Biden']);
  });

  it.each([
    { does: 'rejects a missing title', input: { jurisdiction: 'G', candidates: RACE.candidates }, want: ['title'] },
    { does: 'rejects a blank title', input: { ...RACE, title: '  ' }, want: ['title'] },
    { does: 'rejects a race without candidates', input: { ...RACE, candidates: [] }, want: ['candidates'] },
    { does: 'rejects more than 50 candidates', input: { ...RACE, candidates: Array.from({ length: 51 }, (_, i) => ({ id: `c${i}`, name: `C${i}` })) }, want: ['candidates'] },
    { does: 'rejects two candidates with the same id', input: { ...RACE, candidates: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }, want: ['candidates'] },
    { does: 'rejects a candidate id that is not a slug', input: { ...RACE, candidates: [{ id: 'Joe Biden', name: 'Joe Biden' }] }, want: ['candidates.0.id'] },
    { does: 'rejects a candidate without a name', input: { ...RACE, candidates: [{ id: 'a' }] }, want: ['candidates.0.name'] },
    { does: 'rejects an unknown key on a candidate', input: { ...RACE, candidates: [{ id: 'a', name: 'A', color: 'blue' }] }, want: ['candidates.0.color'] },
    { does: 'rejects a party longer than 16 characters', input: { ...RACE, candidates: [{ id: 'a', name: 'A', party: 'x'.repeat(17) }] }, want: ['candidates.0.party'] },
    { does: 'rejects zero electoral votes', input: { ...RACE, electoralVotes: 0 }, want: ['electoralVotes'] },
    { does: 'rejects fractional electoral votes', input: { ...RACE, electoralVotes: 16.5 }, want: ['electoralVotes'] },
    { does: 'accepts null electoral votes', input: { ...RACE, electoralVotes: null }, want: [] },
    { does: 'rejects a recount rule with no threshold', input: { ...RACE, recount: {} }, want: ['recount'] },
    { does: 'rejects a recount rule with only a basis', input: { ...RACE, recount: { basis: 'topTwo' } }, want: ['recount'] },
    { does: 'rejects a zero recount percentage', input: { ...RACE, recount: { marginPct: 0 } }, want: ['recount.marginPct'] },
    { does: 'rejects a recount percentage above 100', input: { ...RACE, recount: { marginPct: 101 } }, want: ['recount.marginPct'] },
    { does: 'rejects a negative recount vote threshold', input: { ...RACE, recount: { marginVotes: -1 } }, want: ['recount.marginVotes'] },
    { does: 'rejects an unknown recount basis', input: { ...RACE, recount: { marginPct: 0.5, basis: 'winner' } }, want: ['recount.basis'] },
    { does: 'accepts a null recount rule', input: { ...RACE, recount: null }, want: [] },
    { does: 'rejects autoAirAlerts that is not a boolean', input: { ...RACE, autoAirAlerts: 'yes' }, want: ['autoAirAlerts'] },
  ])('$does', ({ input, want }) => {
    expect(paths(RaceDefinitionInput, input)).toEqual(want);
  });
});

describe('RecountRule', () => {
  it.each([
    { does: 'keeps the Arizona rule as given', input: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' }, want: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' } },
    { does: 'defaults the basis to total for a percentage', input: { marginPct: 0.5 }, want: { marginPct: 0.5, basis: 'total' } },
    { does: 'defaults the basis to total for a vote threshold', input: { marginVotes: 2000 }, want: { marginVotes: 2000, basis: 'total' } },
    { does: 'accepts a 100% threshold', input: { marginPct: 100 }, want: { marginPct: 100, basis: 'total' } },
  ])('$does', ({ input, want }) => {
    expect(RecountRule.parse(input)).toEqual(want);
  });

  it('explains a rule with no threshold', () => {
    const r = RecountRule.safeParse({ basis: 'total' });
    expect(r.success || toIssues(r.error)).toEqual([{ path: '', message: 'give marginPct and/or marginVotes' }]);
  });
});

describe('Candidate', () => {
  it.each([
    { does: 'accepts a candidate without a party', input: { id: 'other', name: 'Others' }, want: [] },
    { does: 'rejects a blank party', input: { id: 'a', name: 'A', party: ' ' }, want: ['party'] },
    { does: 'rejects a name longer than 80 characters', input: { id: 'a', name: 'x'.repeat(81) }, want: ['name'] },
  ])('$does', ({ input, want }) => {
    expect(paths(Candidate, input)).toEqual(want);
  });
});

describe('graphics commands', () => {
  const GA = { type: 'race', raceId: 'ga-president-2020' };
  const FLIP = { type: 'leadChange', leadChangeId: 'ga-president-2020.r3' };
  const TICKER = { type: 'ticker', raceIds: ['ga-president-2020'] };

  it.each([
    { does: 'accepts a race on the lower third', schema: CueCommand, input: { layer: 'lowerThird', graphic: GA }, want: [] },
    { does: 'accepts a lead change on the alert layer', schema: CueCommand, input: { layer: 'alert', graphic: FLIP }, want: [] },
    { does: 'accepts a ticker on the ticker layer', schema: AirCommand, input: { layer: 'ticker', graphic: TICKER }, want: [] },
    { does: 'rejects a race on the alert layer at graphic.type', schema: CueCommand, input: { layer: 'alert', graphic: GA }, want: ['graphic.type'] },
    { does: 'rejects a lead change on the lower third at graphic.type', schema: AirCommand, input: { layer: 'lowerThird', graphic: FLIP }, want: ['graphic.type'] },
    { does: 'rejects an unknown graphic type at graphic.type', schema: CueCommand, input: { layer: 'lowerThird', graphic: { type: 'map' } }, want: ['graphic.type'] },
    { does: 'rejects a race graphic with a bad race id at graphic.raceId', schema: CueCommand, input: { layer: 'lowerThird', graphic: { type: 'race', raceId: 'GA' } }, want: ['graphic.raceId'] },
    { does: 'rejects an empty lead change id at graphic.leadChangeId', schema: CueCommand, input: { layer: 'alert', graphic: { type: 'leadChange', leadChangeId: '' } }, want: ['graphic.leadChangeId'] },
    { does: 'rejects a ticker with no races at graphic.raceIds', schema: CueCommand, input: { layer: 'ticker', graphic: { type: 'ticker', raceIds: [] } }, want: ['graphic.raceIds'] },
    { does: 'rejects an unknown layer', schema: CueCommand, input: { layer: 'sky', graphic: GA }, want: ['layer'] },
    { does: 'rejects a cue without a graphic', schema: CueCommand, input: { layer: 'lowerThird' }, want: ['graphic'] },
    { does: 'accepts a take naming a layer', schema: TakeCommand, input: { layer: 'alert' }, want: [] },
    { does: 'rejects a take without a layer', schema: TakeCommand, input: {}, want: ['layer'] },
    { does: 'rejects a take of an unknown layer', schema: TakeCommand, input: { layer: 'fullScreen' }, want: ['layer'] },
    { does: 'rejects a clear of an unknown channel', schema: ClearCommand, input: { layer: 'alert', channel: 'air' }, want: ['channel'] },
  ])('$does', ({ schema, input, want }) => {
    expect(paths(schema, input)).toEqual(want);
  });

  it.each([
    { does: 'clears program when no channel is given', input: { layer: 'alert' }, want: { layer: 'alert', channel: 'program' } },
    { does: 'clears preview when asked', input: { layer: 'lowerThird', channel: 'preview' }, want: { layer: 'lowerThird', channel: 'preview' } },
  ])('$does', ({ input, want }) => {
    expect(ClearCommand.parse(input)).toEqual(want);
  });

  it('rejects an extra key on a graphic', () => {
    expect(paths(Graphic, { type: 'race', raceId: 'ga', extra: 1 })).toEqual(['extra']);
  });
});

describe('a batch\'s votes', () => {
  const SLUG_RULE = 'must match ^[a-z0-9][a-z0-9-]{0,63}$ (lower-case letters, digits, dashes)';
  it.each([
    { votes: 'lots', want: [{ path: 'votes', message: 'must be an object of candidate ids and counts' }] },
    { votes: null, want: [{ path: 'votes', message: 'must be an object of candidate ids and counts' }] },
    { votes: [1, 2], want: [{ path: 'votes', message: 'must be an object of candidate ids and counts' }] },
    { votes: { Biden: 1 }, want: [{ path: 'votes.Biden', message: SLUG_RULE }] },
    { votes: { biden: -1 }, want: [{ path: 'votes.biden', message: 'must not be negative' }] },
    { votes: { biden: 1.5 }, want: [{ path: 'votes.biden', message: 'must be a whole number' }] },
    { votes: { biden: '10' }, want: [{ path: 'votes.biden', message: 'Invalid input: expected number, received string' }] },
    { votes: { biden: 2 ** 53 }, want: [{ path: 'votes.biden', message: 'must be a whole number' }, { path: 'votes.biden', message: 'must be a safe integer' }] },
    { votes: { biden: 1, Trump: -2 }, want: [{ path: 'votes.Trump', message: SLUG_RULE }, { path: 'votes.Trump', message: 'must not be negative' }] },
  ])('refuses $votes naming each bad count by its candidate', ({ votes, want }) => {
    const r = ResultBatch.safeParse({ asOf: ASOF, votes });
    expect(r.success || toIssues(r.error)).toEqual(want);
  });

  it('refuses a "__proto__" key from JSON by name, and takes the counts as sent', () => {
    const r = ResultBatch.safeParse(JSON.parse(`{"asOf":"${ASOF}","votes":{"__proto__":5}}`));
    expect(r.success || toIssues(r.error)).toEqual([{ path: 'votes.__proto__', message: SLUG_RULE }]);
    expect(ResultBatch.parse({ asOf: ASOF, votes: { biden: 0, trump: 2_449_371 } }).votes).toEqual({ biden: 0, trump: 2_449_371 });
  });
});
