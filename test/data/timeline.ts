import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real 2020 data, read where it lives (`../shared/data/elections-2020` from the project root), never copied. */
export const ELECTIONS_2020 = resolve(import.meta.dirname, '../../../shared/data/elections-2020');
export const hasElections2020 = () => existsSync(ELECTIONS_2020);

/** One row of a `<state>-2020-timeline.csv`, as a LeadWire batch plus the feed's own leader. */
export interface TimelineRow {
  asOf: string;
  votes: { biden: number; trump: number; other: number };
  /** The NYT "votes remaining" estimate as first published, when known and not negative. */
  remaining: number | null;
  leader: 'biden' | 'trump';
}

export function readTimeline(file: string): TimelineRow[] {
  const [header, ...lines] = readFileSync(resolve(ELECTIONS_2020, file), 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [ts, b, t, o, leader, remaining] = ['timestamp_utc', 'biden_votes', 'trump_votes', 'other_votes', 'leader', 'votes_remaining_first_published'].map(at) as [number, number, number, number, number, number];
  return lines.map((line) => {
    const f = line.split(',');
    const int = (i: number) => {
      const n = Number(f[i]);
      if (!Number.isSafeInteger(n)) throw new Error(`${file}: not a whole number in column ${cols[i]}: ${line}`);
      return n;
    };
    const rem = Number(f[remaining]);
    return {
      asOf: f[ts]!,
      votes: { biden: int(b), trump: int(t), other: int(o) },
      remaining: Number.isSafeInteger(rem) && rem >= 0 ? rem : null,
      leader: f[leader]!.toLowerCase() as TimelineRow['leader'],
    };
  });
}

/** The batch LeadWire is sent for a row. */
export function batchOf(row: TimelineRow) {
  return {
    asOf: row.asOf,
    votes: row.votes,
    ...(row.remaining === null ? {} : { outstanding: { ballots: row.remaining, label: 'votes remaining (NYT estimate)' } }),
  };
}

const ids = ['biden', 'trump', 'other'] as const;

/** Rows where some candidate's count is lower than in the row before: corrections. */
export const correctionsIn = (rows: TimelineRow[]) =>
  rows.filter((r, i) => i > 0 && ids.some((c) => r.votes[c] < rows[i - 1]!.votes[c])).map((r) => r.asOf);

/** Rows whose counts equal the row before (a newer `asOf` with nothing new). */
export const repeatsIn = (rows: TimelineRow[]) =>
  rows.filter((r, i) => i > 0 && ids.every((c) => r.votes[c] === rows[i - 1]!.votes[c])).map((r) => r.asOf);

export interface Rule {
  marginPct?: number;
  marginVotes?: number;
  basis?: 'total' | 'topTwo';
}

/**
 * Whether a row's margin is within a recount rule, computed independently of LeadWire: exact integer
 * arithmetic, boundary included, the lesser threshold where both are given.
 */
export function expectedInRange(rule: Rule | null, v: TimelineRow['votes']): boolean {
  if (!rule) return false;
  const sorted = [v.biden, v.trump, v.other].sort((x, y) => y - x);
  const margin = BigInt(sorted[0]! - sorted[1]!);
  const base = BigInt(rule.basis === 'topTwo' ? sorted[0]! + sorted[1]! : v.biden + v.trump + v.other);
  if (base === 0n) return false;
  // marginPct has at most two decimals in every rule used here: margin / base ≤ pct / 100.
  const pctOk = rule.marginPct === undefined || margin * 10_000n <= BigInt(Math.round(rule.marginPct * 100)) * base;
  const votesOk = rule.marginVotes === undefined || margin <= BigInt(rule.marginVotes);
  return pctOk && votesOk;
}
