import { describe, expect, it } from 'vitest';
import { phraseList, phrasePassMark, phraseReporting } from '../../shared/index.js';

describe('phraseReporting', () => {
  it.each([
    { does: 'says the share of precincts in', r: { reported: 72, total: 100, unit: 'precincts' }, want: '72% of precincts reporting' },
    { does: 'says <1% for the first of thousands', r: { reported: 1, total: 2655, unit: 'precincts' }, want: '<1% of precincts reporting' },
    { does: 'never says 100% before the last one', r: { reported: 158, total: 159, unit: 'counties' }, want: '>99% of counties reporting' },
    { does: 'says 100% once all are in', r: { reported: 159, total: 159, unit: 'counties' }, want: '100% of counties reporting' },
    { does: 'says 0% before anything is in', r: { reported: 0, total: 10, unit: 'precincts' }, want: '0% of precincts reporting' },
  ])('$does', ({ r, want }) => {
    expect(phraseReporting(r)).toBe(want);
  });
});

describe('phraseList', () => {
  it.each([
    { does: 'says nothing for nobody', items: [], want: '' },
    { does: 'says one name alone', items: ['Ossoff'], want: 'Ossoff' },
    { does: 'joins two with and', items: ['Warnock', 'Loeffler'], want: 'Warnock and Loeffler' },
    { does: 'joins three with a comma and and', items: ['Adams', 'Baker', 'Clark'], want: 'Adams, Baker and Clark' },
  ])('$does', ({ items, want }) => {
    expect(phraseList(items)).toBe(want);
  });
});

describe('phrasePassMark', () => {
  it.each([
    { does: 'says a 60% rule', pct: 60, want: 'needs 60%' },
    { does: 'keeps a decimal the rule has', pct: 55.5, want: 'needs 55.5%' },
    { does: 'says a simple majority for 50 (a tie fails)', pct: 50, want: 'needs a majority' },
    { does: 'says two-thirds for 66.67', pct: 66.67, want: 'needs two-thirds' },
    { does: 'says two-thirds for 66.7', pct: 66.7, want: 'needs two-thirds' },
    { does: 'says two-thirds for 66.666', pct: 66.666, want: 'needs two-thirds' },
    { does: 'says 75% as it is', pct: 75, want: 'needs 75%' },
  ])('$does', ({ pct, want }) => {
    expect(phrasePassMark(pct)).toBe(want);
  });
});
