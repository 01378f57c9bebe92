/** Number phrasing for graphics: one place, so every screen says a number the same way. */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 2449371 → "2,449,371". */
export const formatVotes = (n: number): string => whole.format(n);

/** 49.4123 → "49.4%": a share to one decimal. */
export const formatPct = (pct: number): string => `${pct.toFixed(1)}%`;

/** 917 → "+917"; 0 → "0". */
export const formatMargin = (n: number): string => (n > 0 ? `+${formatVotes(n)}` : formatVotes(n));

/**
 * A margin in percentage points, with enough decimals that a close race does not read "0.0":
 * 0.0185 → "0.02 pts", 2.45 → "2.5 pts".
 */
export function formatPoints(pct: number): string {
  const digits = pct < 0.1 ? 2 : 1;
  const text = pct.toFixed(digits);
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

/** 98.94 → "98% of expected vote in": rounded down, so it never says 100% early; below 1% keeps a decimal. */
export function formatExpectedVote(pct: number): string {
  const text = pct > 0 && pct < 1 ? pct.toFixed(1) : Math.floor(pct).toString();
  return `${text}% of expected vote in`;
}

/** The surname a graphic uses: "Joe Biden" → "Biden". */
export function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}
