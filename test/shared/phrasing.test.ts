import { describe, it, expect } from 'vitest';
import { formatReporting, phraseNeeds, phraseOthers } from '../../shared/index.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('phraseNeeds', () => {
  it.each([
    { does: 'says a share already at one decimal as it is', pct: 58.3, want: 'needs 58.3% of the remaining vote' },
    { does: 'rounds a need up, so the share on screen is enough', pct: 58.26, want: 'needs 58.3% of the remaining vote' },
    { does: 'rounds 7 of 12 (58.33%) up to 58.4%', pct: (100 * 7) / 12, want: 'needs 58.4% of the remaining vote' },
    { does: 'rounds Georgia’s 4,664 of 8,410 (55.46%) up to 55.5%', pct: 466400 / 8410, want: 'needs 55.5% of the remaining vote' },
    { does: 'keeps a trailing zero', pct: 75, want: 'needs 75.0% of the remaining vote' },
    { does: 'says a hair over half as 50.0%', pct: 50 + 150 / MAX, want: 'needs 50.0% of the remaining vote' },
    { does: 'says every remaining vote as 100.0%', pct: 100, want: 'needs 100.0% of the remaining vote' },
    { does: 'rounds a need just under every vote up to 100.0%', pct: 99.96, want: 'needs 100.0% of the remaining vote' },
    { does: 'says a need just over 100% as cannot overtake', pct: 100 + 100 / (MAX - 2), want: 'cannot overtake' },
    { does: 'says 110% as cannot overtake', pct: 110, want: 'cannot overtake' },
    { does: 'says a huge need as cannot overtake', pct: 450359962737049600, want: 'cannot overtake' },
  ])('$does', ({ pct, want }) => {
    expect(phraseNeeds(pct)).toBe(want);
  });
});

describe('formatReporting', () => {
  it.each([
    // counts
    { does: 'reads 0% before anything has reported', input: { reported: 0, total: 2655 }, want: '0%' },
    { does: 'reads 0% when there is nothing to report', input: { reported: 0, total: 0 }, want: '0%' },
    { does: 'reads <1% for the first precinct of thousands, never 0%', input: { reported: 1, total: 2655 }, want: '<1%' },
    { does: 'reads <1% one precinct short of 1%', input: { reported: 9, total: 1000 }, want: '<1%' },
    { does: 'reads 1% at exactly 1%', input: { reported: 10, total: 1000 }, want: '1%' },
    { does: 'reads 1 of 159 Georgia counties as <1%', input: { reported: 1, total: 159 }, want: '<1%' },
    { does: 'reads 2 of 159 counties as 1%', input: { reported: 2, total: 159 }, want: '1%' },
    { does: 'rounds down, so two of three reads 66%', input: { reported: 2, total: 3 }, want: '66%' },
    { does: 'reads 99% at exactly 99%', input: { reported: 990, total: 1000 }, want: '99%' },
    { does: 'reads >99% one precinct over 99%', input: { reported: 991, total: 1000 }, want: '>99%' },
    { does: 'reads 158 of 159 counties as >99%, never 100%', input: { reported: 158, total: 159 }, want: '>99%' },
    { does: 'reads 100% when everything is in', input: { reported: 2655, total: 2655 }, want: '100%' },
    { does: 'reads >99% one short of the largest safe integer', input: { reported: MAX - 1, total: MAX }, want: '>99%' },
    { does: 'reads <1% for one of the largest safe integer', input: { reported: 1, total: MAX }, want: '<1%' },
    { does: 'reads exactly 1% of a huge total', input: { reported: 90071992547409, total: 9007199254740900 }, want: '1%' },
    // percentages
    { does: 'reads a share of 0 as 0%', input: 0, want: '0%' },
    { does: 'reads a share under 1% as <1%', input: 0.4, want: '<1%' },
    { does: 'reads a share of 1 as 1%', input: 1, want: '1%' },
    { does: 'rounds a share down', input: 42.9, want: '42%' },
    { does: 'reads a share of 99 as 99%', input: 99, want: '99%' },
    { does: 'reads a share just over 99 as >99%', input: 99.2, want: '>99%' },
    { does: 'reads a share that would round to 100 as >99%', input: 99.99, want: '>99%' },
    { does: 'reads a share of 100 as 100%', input: 100, want: '100%' },
  ])('$does', ({ input, want }) => {
    expect(formatReporting(input)).toBe(want);
  });
});

describe('phraseOthers', () => {
  it.each([
    { does: 'says one other in the singular', n: 1, want: '1 other' },
    { does: 'says two others in the plural', n: 2, want: '2 others' },
    { does: 'groups a large number of others', n: 1234, want: '1,234 others' },
    { does: 'says no others for none', n: 0, want: 'no others' },
  ])('$does', ({ n, want }) => {
    expect(phraseOthers(n)).toBe(want);
  });
});
