import { describe, it, expect } from 'vitest';
import { measureOutcome } from '../../shared/index.js';

describe('measureOutcome', () => {
  it.each([
    // no votes
    { does: 'is not passing before any vote', yes: 0, no: 0, passPct: 60, want: { yesPct: 0, passPct: 60, passing: false } },

    // simple majority (the default 50): more than half
    { does: 'passes a simple majority by one vote', yes: 501, no: 500, passPct: undefined, want: { yesPct: 50100 / 1001, passPct: 50, passing: true } },
    { does: 'does not pass a simple majority on a tie (exactly 50%)', yes: 500, no: 500, passPct: undefined, want: { yesPct: 50, passPct: 50, passing: false } },
    { does: 'fails a simple majority one vote short', yes: 500, no: 501, passPct: 50, want: { yesPct: 50000 / 1001, passPct: 50, passing: false } },
    { does: 'passes with yes votes only', yes: 1, no: 0, passPct: 50, want: { yesPct: 100, passPct: 50, passing: true } },
    { does: 'fails with no votes only', yes: 0, no: 7, passPct: 50, want: { yesPct: 0, passPct: 50, passing: false } },

    // supermajorities: at least the threshold
    { does: 'passes a 60% rule at exactly 60% (600 to 400)', yes: 600, no: 400, passPct: 60, want: { yesPct: 60, passPct: 60, passing: true } },
    { does: 'fails a 60% rule one vote short (599 to 401)', yes: 599, no: 401, passPct: 60, want: { yesPct: 59.9, passPct: 60, passing: false } },
    { does: 'passes a 60% rule exactly at a count of millions', yes: 5757195, no: 3838130, passPct: 60, want: { yesPct: 575719500 / 9595325, passPct: 60, passing: true } },
    { does: 'passes a 75% rule at exactly three to one', yes: 3, no: 1, passPct: 75, want: { yesPct: 75, passPct: 75, passing: true } },
    { does: 'reads 55 as 55%, not as a nearby fraction', yes: 54, no: 46, passPct: 55, want: { yesPct: 54, passPct: 55, passing: false } },
    { does: 'keeps a threshold with a decimal exact (57.7% of 1,000)', yes: 577, no: 423, passPct: 57.7, want: { yesPct: 57.7, passPct: 57.7, passing: true } },
    { does: 'fails a 57.7% rule one vote short', yes: 576, no: 424, passPct: 57.7, want: { yesPct: 57.6, passPct: 57.7, passing: false } },

    // two-thirds written as a decimal
    { does: 'passes a 66.67 rule at exactly two-thirds (2 to 1)', yes: 2, no: 1, passPct: 66.67, want: { yesPct: 200 / 3, passPct: 66.67, passing: true } },
    { does: 'passes a 66.67 rule at exactly two-thirds of millions', yes: 2000000, no: 1000000, passPct: 66.67, want: { yesPct: 200 / 3, passPct: 66.67, passing: true } },
    { does: 'fails a 66.67 rule one vote short of two-thirds', yes: 1999999, no: 1000001, passPct: 66.67, want: { yesPct: 199999900 / 3000000, passPct: 66.67, passing: false } },
    { does: 'reads 66.66 as two-thirds', yes: 2, no: 1, passPct: 66.66, want: { yesPct: 200 / 3, passPct: 66.66, passing: true } },
    { does: 'reads 66.7 as two-thirds', yes: 2, no: 1, passPct: 66.7, want: { yesPct: 200 / 3, passPct: 66.7, passing: true } },
    { does: 'reads 66.667 as two-thirds', yes: 2, no: 1, passPct: 66.667, want: { yesPct: 200 / 3, passPct: 66.667, passing: true } },
    { does: 'does not read 66.5 as two-thirds', yes: 665, no: 335, passPct: 66.5, want: { yesPct: 66.5, passPct: 66.5, passing: true } },
    { does: 'fails a 66.8 rule at two-thirds', yes: 2, no: 1, passPct: 66.8, want: { yesPct: 200 / 3, passPct: 66.8, passing: false } },

    // huge counts: yes + no beyond the largest safe integer
    { does: 'passes a 60% rule exactly when yes plus no exceeds the largest safe integer', yes: 6e15, no: 4e15, passPct: 60, want: { yesPct: 60, passPct: 60, passing: true } },
    { does: 'fails a 60% rule one vote short when yes plus no exceeds the largest safe integer', yes: 6e15 - 1, no: 4e15 + 1, passPct: 60, want: { yesPct: (100 * (6e15 - 1)) / 1e16, passPct: 60, passing: false } },
  ])('$does', ({ yes, no, passPct, want }) => {
    expect(measureOutcome({ yes, no }, passPct)).toEqual(want);
  });

  it('reads only the yes and no counts', () => {
    expect(measureOutcome({ yes: 3, no: 2, ghost: 100 })).toEqual({ yesPct: 60, passPct: 50, passing: true });
  });

  it('treats missing counts as zero', () => {
    expect(measureOutcome({})).toEqual({ yesPct: 0, passPct: 50, passing: false });
  });
});
