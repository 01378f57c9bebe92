import { describe, expect, it } from 'vitest';
import { buildBatch, emptyDraft, fieldPaths, type Draft } from '../../overlay/desk/batch.js';
import { readLocalTime, showTime, toLocalInput } from '../../overlay/desk/time.js';
import { gaBefore, view } from './fixtures.js';

const NOW = new Date('2020-11-06T10:00:00.000Z');
const draft = (o: Partial<Draft> = {}): Draft => ({
  ...emptyDraft(gaBefore()),
  votes: { biden: '2,449,371', trump: '2 448 454', other: '61000' },
  ...o,
});

describe('building the batch from what was typed', () => {
  it('sends exactly what was typed, read, with source "desk" and the clock as the as-of', () => {
    const built = buildBatch(draft(), gaBefore(), NOW);
    expect(built.body).toEqual({
      asOf: '2020-11-06T10:00:00.000Z',
      votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 },
      test: false,
      source: 'desk',
    });
    expect(built.echoes['votes.biden']).toBe('2,449,371');
    expect(built.echoes['votes.trump']).toBe('2,448,454');
    expect(built.echoes['votes.other']).toBe('61,000');
  });

  it.each([
    {
      does: 'adds the expected vote, outstanding ballots with their label, and reporting',
      o: { expectedVotePct: '98.9', outstandingBallots: '8,410', outstandingLabel: 'military and overseas ballots', reported: '158', total: '159', unit: 'counties' },
      extra: {
        expectedVotePct: 98.9,
        outstanding: { ballots: 8_410, label: 'military and overseas ballots' },
        reporting: { reported: 158, total: 159, unit: 'counties' },
      },
    },
    { does: 'leaves out outstanding when no ballots are typed (the label alone says nothing)', o: { outstandingLabel: 'mail ballots' }, extra: {} },
    { does: 'sends the test flag as set', o: { test: true }, extra: { test: true } },
  ])('$does', ({ o, extra }) => {
    expect(buildBatch(draft(o), gaBefore(), NOW).body).toEqual({
      asOf: '2020-11-06T10:00:00.000Z',
      votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 },
      test: false,
      source: 'desk',
      ...extra,
    });
  });

  it.each([
    { does: 'refuses a count that is not a whole number at its field', o: { votes: { biden: '12a', trump: '1', other: '0' } }, path: 'votes.biden', says: '“12a” is not a whole number' },
    { does: 'refuses a comma for a decimal point at the expected vote', o: { expectedVotePct: '98,9' }, path: 'expectedVotePct', says: 'use a point for decimals' },
    { does: 'refuses more reported than in all', o: { reported: '160', total: '159' }, path: 'reporting.reported', says: 'more reported than the 159 in all' },
    { does: 'refuses outstanding ballots that are not a count', o: { outstandingBallots: '8.4k' }, path: 'outstanding.ballots', says: 'is not a whole number' },
    { does: 'refuses an as-of in the future', o: { asOf: '2020-11-06 23:59:00' }, path: 'asOf', says: 'in the future' },
    { does: 'refuses an as-of that is not a real date', o: { asOf: '2020-02-30 10:00:00' }, path: 'asOf', says: 'not a real date' },
  ])('$does', ({ o, path, says }) => {
    const built = buildBatch(draft(o as Partial<Draft>), gaBefore(), new Date('2020-11-06T12:00:00Z'));
    expect(built.body).toBeNull();
    expect(built.errors[path]).toContain(says);
  });

  it.each([
    { does: 'needs every candidate’s count', o: { votes: { biden: '1', trump: '', other: '0' } }, path: 'votes.trump', says: 'enter Donald Trump’s count' },
    { does: 'needs a label for outstanding ballots', o: { outstandingBallots: '8410', outstandingLabel: ' ' }, path: 'outstanding.label', says: 'say which ballots' },
    { does: 'needs the total when reported is typed', o: { reported: '12' }, path: 'reporting.total', says: 'enter how many there are in all' },
    { does: 'needs reported when the total is typed', o: { total: '159' }, path: 'reporting.reported', says: 'enter how many have reported' },
    { does: 'needs an as-of time once Now is off', o: { asOf: '' }, path: 'asOf', says: 'enter the as-of time' },
  ])('$does (told when posting, not while typing)', ({ o, path, says }) => {
    const built = buildBatch(draft(o as Partial<Draft>), gaBefore(), NOW);
    expect(built.body).toBeNull();
    expect(built.errors).toEqual({});
    expect(built.missing[path]).toContain(says);
  });

  it('lists a field for every candidate, then the rest, in Tab order, by the server’s issue paths', () => {
    expect(fieldPaths(view())).toEqual([
      'votes.biden', 'votes.trump', 'votes.other',
      'expectedVotePct', 'outstanding.ballots', 'outstanding.label', 'reporting.reported', 'reporting.total', 'asOf',
    ]);
  });

  it('starts a rehearsal race’s draft in test mode, and in its reporting unit', () => {
    const d = emptyDraft(view({ test: true, reporting: { reported: 1, total: 2, unit: 'counties' } }));
    expect([d.test, d.unit, d.asOf]).toEqual([true, 'counties', null]);
  });
});

describe('the as-of time as typed', () => {
  it.each([
    { typed: '2020-11-06 04:50:07', at: new Date(2020, 10, 6, 4, 50, 7) },
    { typed: '2020-11-06T04:50:07', at: new Date(2020, 10, 6, 4, 50, 7), as: 'with a T' },
    { typed: '2020-11-06 4:50:07', at: new Date(2020, 10, 6, 4, 50, 7), as: 'a one-digit hour' },
    { typed: '2020-11-06T04:50', at: new Date(2020, 10, 6, 4, 50, 0), as: 'without seconds' },
    { typed: '2020-11-06T04:50:07.4', at: new Date(2020, 10, 6, 4, 50, 7, 400), as: 'with a fraction' },
  ])('reads "$typed" in local time', ({ typed, at }) => {
    expect(readLocalTime(typed, new Date(2021, 0, 1))).toEqual({ kind: 'ok', value: at.toISOString() });
  });

  it('writes a date back the way it reads it', () => {
    const d = new Date(2020, 10, 6, 4, 5, 7);
    expect(toLocalInput(d)).toBe('2020-11-06 04:05:07');
    expect(readLocalTime(toLocalInput(d), new Date(2021, 0, 1))).toEqual({ kind: 'ok', value: d.toISOString() });
  });

  it.each(['6 Nov 2020', '2020-11-06T25:00', '2020-13-01T00:00', '2020-11-06', '04:50:07'])('refuses "%s"', (typed) => {
    expect(readLocalTime(typed, new Date(2021, 0, 1)).kind).toBe('refused');
  });
});

describe('showing an instant to the desk', () => {
  it('says local time, then UTC, with the date unless it is today', () => {
    const at = '2020-11-06T09:50:07.414Z';
    expect(showTime(at, new Date(2021, 0, 1))).toMatch(/^\w{3}, \d{1,2} \w{3} 2020, \d{2}:\d{2}:\d{2} · 09:50:07 UTC$/);
    expect(showTime(at, new Date(at))).toMatch(/^\d{2}:\d{2}:\d{2} · 09:50:07 UTC$/);
  });
});
