/**
 * What a balance graphic counts, from the races in its set. Pure.
 * - Unit: electoral votes when any race in the set awards them (then only those races count: a Senate race in an
 *   "all" set adds nothing to 270), else seats (one per race).
 * - A called race gives its votes or seat to the winner's party; measures count for nobody.
 * - Parties shown: those in `base`, then the parties of every counted race's top two and of every winner, in that
 *   order (a stable order: bars never swap places on air); more than `MAX_PARTIES` keeps the first ones and sums
 *   the rest as OTHERS.
 */
import type { RaceView } from '../../schema/race.js';
import type { BalanceGraphic } from './index.js';
import { partyCode } from './party.js';

export const MAX_PARTIES = 4;
export const OTHERS_PARTY = 'OTHERS';

export interface BalanceParty {
  /** DEM, REP, …, or OTHERS. */
  party: string;
  /** Won in called races. */
  won: number;
  base: number;
  total: number;
  /** `total` has reached the target. */
  reached: boolean;
}

export interface BalanceTally {
  unit: 'electoralVotes' | 'seats';
  target: number;
  parties: BalanceParty[];
  /** Votes or seats of the counted races not yet called. */
  uncalled: number;
  /** Races counted, and how many of them are called. */
  races: number;
  called: number;
  /**
   * How much the bar spans: everything at stake (counted races + base), at least what a bare majority of the
   * target implies (2 × (target − 1): 538 for 270), so the target line is never at the far end of an empty night.
   */
  span: number;
}

const top2 = (r: RaceView) => [...r.candidates].sort((a, b) => b.votes - a.votes).slice(0, 2);

export function tallyBalance(g: Pick<BalanceGraphic, 'target' | 'base'>, set: readonly RaceView[]): BalanceTally {
  const candidatesRaces = set.filter((r) => r.kind === 'candidate');
  const ev = candidatesRaces.some((r) => (r.electoralVotes ?? 0) > 0);
  const counted = ev ? candidatesRaces.filter((r) => (r.electoralVotes ?? 0) > 0) : candidatesRaces;
  const worth = (r: RaceView) => (ev ? (r.electoralVotes ?? 0) : 1);

  const order: string[] = [];
  const see = (p: string) => void (order.includes(p) || order.push(p));
  const base = new Map<string, number>();
  for (const [p, n] of Object.entries(g.base ?? {})) {
    const code = partyCode(p);
    see(code);
    base.set(code, (base.get(code) ?? 0) + n);
  }
  const won = new Map<string, number>();
  let uncalled = 0;
  let called = 0;
  for (const r of counted) {
    for (const c of top2(r)) if (c.party !== null) see(partyCode(c.party));
    const winner = r.status === 'called' && r.call ? r.candidates.find((c) => c.id === r.call!.winner) : undefined;
    if (!winner) {
      uncalled += worth(r);
      continue;
    }
    called++;
    const code = partyCode(winner.party);
    see(code);
    won.set(code, (won.get(code) ?? 0) + worth(r));
  }

  const row = (party: string, w: number, b: number): BalanceParty => ({ party, won: w, base: b, total: w + b, reached: w + b >= g.target });
  let parties = order.map((p) => row(p, won.get(p) ?? 0, base.get(p) ?? 0));
  if (parties.length > MAX_PARTIES) {
    const rest = parties.slice(MAX_PARTIES - 1);
    parties = [...parties.slice(0, MAX_PARTIES - 1), row(OTHERS_PARTY, sum(rest.map((p) => p.won)), sum(rest.map((p) => p.base)))];
    // A sum of several parties reaches nothing.
    parties[parties.length - 1]!.reached = false;
  }
  const stake = sum(counted.map(worth)) + sum([...base.values()]);
  return {
    unit: ev ? 'electoralVotes' : 'seats',
    target: g.target,
    parties,
    uncalled,
    races: counted.length,
    called,
    span: Math.max(stake, 2 * (g.target - 1), g.target, 1),
  };
}

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);
