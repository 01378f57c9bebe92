/** Number phrasing for graphics: one place, so every screen says a number the same way. */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 2449371 → "2,449,371". */
export const formatVotes = (n: number): string => whole.format(n);

/**
 * A non-negative `x` to `digits` decimals, halves rounded up as the decimal number reads: 1001 of 2000 votes is 50.05%
 * and reads 50.1%, though its float is 50.0499…, which `toFixed` would round down (and 49.95% up, to the same 50.0%).
 * The allowance is far below any share of real counts (a billion votes move a share by 1e-7).
 */
function fixedHalfUp(x: number, digits: number): string {
  const f = 10 ** digits;
  return (Math.round(x * f + 1e-9) / f).toFixed(digits);
}

/** 49.4123 → "49.4%": a share to one decimal, halves up (50.05 → "50.1%", 49.95 → "50.0%"). */
export const formatPct = (pct: number): string => `${fixedHalfUp(pct, 1)}%`;

/**
 * A ballot measure's yes share beside its pass mark: to one decimal, unless that would put it on the other side of the
 * mark, then to two, rounded away from it: 59.96 beside 60 reads "59.96%" (failing), not "60.0%"; 60.04 beside
 * 60.04 reads "60.04%" (reaching it), not "60.0%".
 */
export function formatShareBeside(pct: number, mark: number): string {
  const one = Number(fixedHalfUp(pct, 1));
  if (pct < mark && one >= mark) return `${(Math.floor(pct * 100 + 1e-9) / 100).toFixed(2)}%`;
  if (pct >= mark && one < mark) return `${(Math.ceil(pct * 100 - 1e-9) / 100).toFixed(2)}%`;
  return `${one.toFixed(1)}%`;
}

/** A candidate row's share: beside its pass mark for a measure's YES row (`passPct` given), else `formatPct`. */
export const formatRowShare = (pct: number, passPct?: number): string => (passPct === undefined ? formatPct(pct) : formatShareBeside(pct, passPct));

/** 917 → "+917"; 0 → "0". */
export const formatMargin = (n: number): string => (n > 0 ? `+${formatVotes(n)}` : formatVotes(n));

/**
 * A margin in percentage points, with enough decimals that a close race does not read "0.0":
 * 0.0185 → "0.02 pts", 2.45 → "2.5 pts"; a lead too small for two decimals → "<0.01 pts" (only a tie reads 0.00).
 */
export function formatPoints(pct: number): string {
  if (pct > 0 && pct < 0.005) return '<0.01 pts';
  const digits = pct < 0.1 ? 2 : 1;
  const text = fixedHalfUp(pct, digits);
  return `${text} ${text === '1.0' ? 'pt' : 'pts'}`;
}

const CEILINGS = [100, 500, 1_000, 5_000, 10_000, 50_000, 100_000];

/** How a presenter says a close margin: 917 → "fewer than 1,000 votes"; 1 → "1 vote"; big ones exactly. */
export function phraseMargin(n: number): string {
  if (n === 1) return '1 vote';
  if (n < 100) return `${formatVotes(n)} votes`;
  const ceiling = CEILINGS.find((c) => n < c);
  return ceiling ? `fewer than ${formatVotes(ceiling)} votes` : `${formatVotes(n)} votes`;
}

/** 8410, "military and overseas ballots" → "8,410 military and overseas ballots outstanding". */
export const formatOutstanding = (o: { ballots: number; label: string }): string =>
  `${formatVotes(o.ballots)} ${o.label} outstanding`;

/**
 * 98.94 → "98% of expected vote in": rounded down, so it never says 100% early; below 1% keeps a decimal, still
 * rounded down (0.96 → "0.9%"), and below 0.1% reads "<0.1%", never "0.0%" with votes in.
 */
export function formatExpectedVote(pct: number): string {
  const text =
    pct > 0 && pct < 0.1 ? '<0.1' : pct > 0 && pct < 1 ? (Math.floor(pct * 10 + 1e-9) / 10).toFixed(1) : Math.floor(pct).toString();
  return `${text}% of expected vote in`;
}

/** The surname a graphic uses: "Joe Biden" → "Biden". */
export function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/**
 * What the runner-up needs: 58.26 → "needs 58.3% of the remaining vote"; above 100 → "cannot overtake". A need is
 * rounded up, so the share on screen is always enough (55.41 reads 55.5%, never a share that falls short).
 */
export function phraseNeeds(pctOfRemaining: number): string {
  if (pctOfRemaining > 100) return 'cannot overtake';
  // The small allowance keeps a share that is already at one decimal (58.3 × 10 = 583.0000000001) from rounding up.
  const tenths = Math.ceil(pctOfRemaining * 10 - 1e-9);
  return `needs ${formatPct(tenths / 10)} of the remaining vote`;
}

/**
 * How much has reported, in whole percent rounded down: "<1%" while something but less than 1% is in, ">99%" while
 * more than 99% but not everything is in, so a count never reads "0%" with votes in nor "100%" before it is
 * complete. Takes `{ reported, total }` (compared as whole numbers) or a percentage.
 */
export function formatReporting(input: { reported: number; total: number } | number): string {
  if (typeof input === 'number') {
    if (input <= 0) return '0%';
    if (input >= 100) return '100%';
    if (input < 1) return '<1%';
    if (input > 99) return '>99%';
    return `${Math.floor(input)}%`;
  }
  const reported = BigInt(input.reported);
  const total = BigInt(input.total);
  if (reported <= 0n || total <= 0n) return '0%';
  if (reported >= total) return '100%';
  if (reported * 100n < total) return '<1%';
  if (reported * 100n > total * 99n) return '>99%';
  return `${(reported * 100n) / total}%`;
}

/** The rest of a field in a line: 1 → "1 other", 2 → "2 others", 0 → "no others". */
export function phraseOthers(n: number): string {
  if (n === 0) return 'no others';
  return `${formatVotes(n)} ${n === 1 ? 'other' : 'others'}`;
}

/** 72 of 100 precincts → "72% of precincts reporting" (the share as `formatReporting` says it). */
export const phraseReporting = (r: { reported: number; total: number; unit: string }): string =>
  `${formatReporting(r)} of ${r.unit} reporting`;

/** Names in a sentence: ["Ossoff"] → "Ossoff"; ["Warnock", "Loeffler"] → "Warnock and Loeffler"; three → "A, B and C". */
export function phraseList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const passShare = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A pass mark as a share, as many decimals as it has (two at most): 60 → "60%", 55.55 → "55.55%". */
export const formatPassPct = (passPct: number): string => `${passShare.format(passPct)}%`;

/**
 * What a ballot measure needs to pass: 60 → "needs 60%", 55.5 → "needs 55.5%"; 50 (yes must outnumber no) →
 * "needs a majority"; two-thirds however it is rounded (66.67, 66.7, 66.666…) → "needs two-thirds".
 */
export function phrasePassMark(passPct: number): string {
  if (passPct === 50) return 'needs a majority';
  if (Math.abs(passPct - 200 / 3) < 0.05) return 'needs two-thirds';
  return `needs ${formatPassPct(passPct)}`;
}
