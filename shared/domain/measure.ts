/** A ballot measure's count against its pass threshold. */
export interface MeasureOutcome {
  /** 100 × yes / (yes + no), unrounded; 0 when no votes. */
  yesPct: number;
  /** The threshold as defined (default 50). */
  passPct: number;
  /** Whether the measure passes on the count so far. */
  passing: boolean;
}

const TWO_THIRDS = 200 / 3;

/**
 * 2/3 cannot be written as a decimal: a threshold that is two-thirds rounded or truncated to 1–6 decimals
 * (66.7, 66.67, 66.66, 66.667, …) means two-thirds, so that 2 yes to 1 no passes a two-thirds rule.
 */
function isTwoThirds(passPct: number): boolean {
  for (let d = 1; d <= 6; d++) {
    const scale = 10 ** d;
    if (passPct === Math.round(TWO_THIRDS * scale) / scale || passPct === Math.floor(TWO_THIRDS * scale) / scale) {
      return true;
    }
  }
  return false;
}

/** The threshold as an exact fraction `num / den` of the yes-plus-no votes. */
function threshold(passPct: number): { num: bigint; den: bigint } {
  if (isTwoThirds(passPct)) return { num: 2n, den: 3n };
  // To 1/10,000 of a point, as recount thresholds are: 60 → 600,000 / 1,000,000 exactly.
  return { num: BigInt(Math.round(passPct * 10_000)), den: 1_000_000n };
}

/**
 * Whether a measure passes: yes must reach the threshold ("at least 60%", "at least two-thirds", as supermajority
 * statutes word it) and outnumber no. The second condition makes the default 50 a simple majority, "more than
 * half": a tie never passes a measure. Exact at the boundary (whole-number comparison): 600 yes to 400 no passes
 * a 60% rule, 599 to 401 does not. No votes, not passing. Reads the counts of the candidates `yes` and `no`.
 */
export function measureOutcome(votes: Readonly<Record<string, number>>, passPct = 50): MeasureOutcome {
  const yes = votes.yes ?? 0;
  const no = votes.no ?? 0;
  if (yes + no === 0) return { yesPct: 0, passPct, passing: false };
  const { num, den } = threshold(passPct);
  const reaches = BigInt(yes) * den >= num * (BigInt(yes) + BigInt(no));
  return { yesPct: (100 * yes) / (yes + no), passPct, passing: reaches && yes > no };
}
