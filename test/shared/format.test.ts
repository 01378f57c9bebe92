import { describe, it, expect } from 'vitest';
import {
  formatExpectedVote,
  formatMargin,
  formatOutstanding,
  formatPct,
  formatPoints,
  formatShareBeside,
  formatVotes,
  phraseMargin,
  surname,
} from '../../shared/index.js';

describe('formatVotes', () => {
  it.each([
    { does: 'writes zero as 0', n: 0, want: '0' },
    { does: 'writes a small count without separators', n: 917, want: '917' },
    { does: 'groups thousands with commas', n: 8410, want: '8,410' },
    { does: 'writes Biden’s Georgia count as 2,449,371', n: 2449371, want: '2,449,371' },
    { does: 'writes several hundred million exactly', n: 858428950, want: '858,428,950' },
    { does: 'writes the largest safe integer exactly', n: Number.MAX_SAFE_INTEGER, want: '9,007,199,254,740,991' },
  ])('$does', ({ n, want }) => {
    expect(formatVotes(n)).toBe(want);
  });
});

describe('formatPct', () => {
  it.each([
    { does: 'writes a share to one decimal', pct: 49.4123, want: '49.4%' },
    { does: 'writes Biden’s Georgia share as 49.4%', pct: 244937100 / 4958825, want: '49.4%' },
    { does: 'rounds the second decimal up', pct: 49.46, want: '49.5%' },
    { does: 'keeps a trailing zero', pct: 50, want: '50.0%' },
    { does: 'writes no votes as 0.0%', pct: 0, want: '0.0%' },
    { does: 'writes a whole race as 100.0%', pct: 100, want: '100.0%' },
    // 1,001 v 999: 50.05 and 49.95, whose floats (50.0499…, 49.9500…) toFixed would both write as 50.0%.
    { does: 'rounds a half up though its float is just below it', pct: (100 * 1001) / 2000, want: '50.1%' },
    { does: 'rounds the other side’s half up too', pct: (100 * 999) / 2000, want: '50.0%' },
    { does: 'rounds 0.15 up as it reads', pct: (100 * 3) / 2000, want: '0.2%' },
    { does: 'rounds 0.25 up as it reads', pct: (100 * 5) / 2000, want: '0.3%' },
    { does: 'rounds just under a half down', pct: (100 * 100_049) / 200_000, want: '50.0%' },
  ])('$does', ({ pct, want }) => {
    expect(formatPct(pct)).toBe(want);
  });
});

describe('formatShareBeside (a measure’s yes share beside its pass mark)', () => {
  it.each([
    { does: 'writes a share clear of the mark to one decimal', pct: 57.24, mark: 60, want: '57.2%' },
    { does: 'writes a share exactly at the mark to one decimal', pct: 60, mark: 60, want: '60.0%' },
    { does: 'keeps a failing share that one decimal would round up to the mark below it', pct: 59.96, mark: 60, want: '59.96%' },
    { does: 'floors, so 59.996 never reads 60.00', pct: 59.996, mark: 60, want: '59.99%' },
    { does: 'keeps a reaching share that one decimal would round down below the mark at it', pct: 60.04, mark: 60.04, want: '60.04%' },
    { does: 'leaves a majority’s rounding alone when it stays on its side', pct: 50.04, mark: 50, want: '50.0%' },
    { does: 'keeps 49.96 below a majority', pct: 49.96, mark: 50, want: '49.96%' },
    { does: 'keeps a share below two-thirds (66.666…) below it', pct: 66.66, mark: 200 / 3, want: '66.66%' },
  ])('$does', ({ pct, mark, want }) => {
    expect(formatShareBeside(pct, mark)).toBe(want);
  });
});

describe('formatMargin', () => {
  it.each([
    { does: 'puts a plus before a lead', n: 917, want: '+917' },
    { does: 'puts a plus before a grouped lead', n: 11779, want: '+11,779' },
    { does: 'writes a tie as 0 without a sign', n: 0, want: '0' },
    { does: 'keeps a huge lead exact', n: Number.MAX_SAFE_INTEGER, want: '+9,007,199,254,740,991' },
  ])('$does', ({ n, want }) => {
    expect(formatMargin(n)).toBe(want);
  });
});

describe('formatPoints', () => {
  it.each([
    { does: 'keeps two decimals for a very close race', pct: 91700 / 4958825, want: '0.02 pts' },
    { does: 'writes a tie as 0.00 pts', pct: 0, want: '0.00 pts' },
    // Biden 2,474,507 v Trump 2,474,275: a lead of 232, 0.0047 points: not a tie, so never "0.00".
    { does: 'writes a lead too small for two decimals as under 0.01', pct: (100 * 232) / 4_948_782, want: '<0.01 pts' },
    { does: 'rounds a lead of exactly 0.005 points up to 0.01', pct: (100 * 1) / 20_000, want: '0.01 pts' },
    { does: 'switches to one decimal at 0.1', pct: 0.1, want: '0.1 pts' },
    { does: 'writes 2.45 to one decimal', pct: 2.45, want: '2.5 pts' },
    { does: 'says pt for exactly one point', pct: 1, want: '1.0 pt' },
    { does: 'says pt for a margin that rounds to one point', pct: 0.96, want: '1.0 pt' },
    { does: 'says pts for a margin that rounds above one point', pct: 1.06, want: '1.1 pts' },
  ])('$does', ({ pct, want }) => {
    expect(formatPoints(pct)).toBe(want);
  });
});

describe('phraseMargin', () => {
  it.each([
    { does: 'says a single vote in the singular', n: 1, want: '1 vote' },
    { does: 'says no votes for a tie', n: 0, want: '0 votes' },
    { does: 'says a margin under 100 exactly', n: 99, want: '99 votes' },
    { does: 'rounds 100 up to the next ceiling', n: 100, want: 'fewer than 500 votes' },
    { does: 'says 463 as fewer than 500 votes', n: 463, want: 'fewer than 500 votes' },
    { does: 'says the Georgia 917 as fewer than 1,000 votes', n: 917, want: 'fewer than 1,000 votes' },
    { does: 'says 999 as fewer than 1,000 votes', n: 999, want: 'fewer than 1,000 votes' },
    { does: 'says 1,000 as fewer than 5,000 votes', n: 1000, want: 'fewer than 5,000 votes' },
    { does: 'says 10,457 as fewer than 50,000 votes', n: 10457, want: 'fewer than 50,000 votes' },
    { does: 'says 99,999 as fewer than 100,000 votes', n: 99999, want: 'fewer than 100,000 votes' },
    { does: 'says a margin of 100,000 exactly', n: 100000, want: '100,000 votes' },
    { does: 'says a margin of millions exactly', n: 7059526, want: '7,059,526 votes' },
  ])('$does', ({ n, want }) => {
    expect(phraseMargin(n)).toBe(want);
  });
});

describe('formatOutstanding', () => {
  it.each([
    { does: 'writes the outstanding line with a grouped count', o: { ballots: 8410, label: 'military and overseas ballots' }, want: '8,410 military and overseas ballots outstanding' },
    { does: 'writes an outstanding line with no ballots', o: { ballots: 0, label: 'provisional ballots' }, want: '0 provisional ballots outstanding' },
    { does: 'writes a huge outstanding count exactly', o: { ballots: 123456789, label: 'mail ballots' }, want: '123,456,789 mail ballots outstanding' },
  ])('$does', ({ o, want }) => {
    expect(formatOutstanding(o)).toBe(want);
  });
});

describe('formatExpectedVote', () => {
  it.each([
    // The JSDoc example says 98.94 → "99%"; the code floors, so a count never reads higher than it is.
    { does: 'floors the expected vote so it never rounds up', pct: 98.94, want: '98% of expected vote in' },
    { does: 'does not read 100% before the count is complete', pct: 99.6, want: '99% of expected vote in' },
    { does: 'reads 100% when the count is complete', pct: 100, want: '100% of expected vote in' },
    { does: 'reads 0% before any vote is expected in', pct: 0, want: '0% of expected vote in' },
    { does: 'keeps a decimal below 1% so early nights do not read 0%', pct: 0.4, want: '0.4% of expected vote in' },
    { does: 'reads 1% at exactly one percent', pct: 1, want: '1% of expected vote in' },
    { does: 'rounds down below 1% too, so 0.96 never reads 1.0%', pct: 0.96, want: '0.9% of expected vote in' },
    { does: 'reads under 0.1% rather than 0.0% with votes in', pct: 0.04, want: '<0.1% of expected vote in' },
    { does: 'reads 0.1% at exactly a tenth of a percent', pct: 0.1, want: '0.1% of expected vote in' },
  ])('$does', ({ pct, want }) => {
    expect(formatExpectedVote(pct)).toBe(want);
  });
});

describe('surname', () => {
  it.each([
    { does: 'takes the last word of a full name', name: 'Joe Biden', want: 'Biden' },
    { does: 'takes the last word of a three-part name', name: 'Donald J. Trump', want: 'Trump' },
    { does: 'keeps a one-word name', name: 'Others', want: 'Others' },
    { does: 'ignores surrounding and repeated spaces', name: '  Jo   Jorgensen ', want: 'Jorgensen' },
  ])('$does', ({ name, want }) => {
    expect(surname(name)).toBe(want);
  });
});
