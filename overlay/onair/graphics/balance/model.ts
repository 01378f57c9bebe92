/**
 * The balance of power: electoral votes (or seats) won by each party from called races plus `base`, as bars toward
 * the target line. A party that reaches the target is marked "✓ REACHES 270" in words. Pure; the totals come from
 * `tallyBalance` in shared/.
 */
import { formatVotes } from '../../../../shared/format.js';
import { partyName, tallyBalance, type BalanceGraphic, type RaceView } from '../../../../shared/index.js';

export interface BalanceRowModel {
  party: string;
  name: string;
  total: number;
  /** Of the bar's span, 0–1. */
  share: number;
  reached: boolean;
}

export interface BalanceModel {
  heading: string;
  /** "270 TO WIN" */
  targetLabel: string;
  /** Where the target line stands, 0–1 of the bar. */
  targetAt: number;
  rows: BalanceRowModel[];
  /** "48 electoral votes not yet called · 12 of 15 races called" */
  footer: string;
  /** "Already decided: Democrats 200 · Republicans 180", or null without a base. */
  baseLine: string | null;
}

const unitWords = (unit: 'electoralVotes' | 'seats', n: number): string =>
  unit === 'electoralVotes' ? `electoral ${n === 1 ? 'vote' : 'votes'}` : n === 1 ? 'seat' : 'seats';

/** The mark of a party at the target, glyph first. */
export const reachedText = (target: number): string => `✓ REACHES ${formatVotes(target)}`;

export function balanceModel(g: Pick<BalanceGraphic, 'title' | 'target' | 'base'>, races: readonly RaceView[]): BalanceModel {
  const t = tallyBalance(g, races);
  const base = Object.entries(g.base ?? {}).filter(([, n]) => n > 0);
  return {
    heading: (g.title ?? (t.unit === 'electoralVotes' ? 'Electoral votes' : 'Balance of power')).toUpperCase(),
    targetLabel: `${formatVotes(t.target)} TO WIN`,
    targetAt: t.target / t.span,
    rows: t.parties.map((p) => ({ party: p.party, name: partyName(p.party), total: p.total, share: Math.min(1, p.total / t.span), reached: p.reached })),
    footer:
      t.races === 0
        ? 'No races counted yet'
        : `${t.uncalled > 0 ? `${formatVotes(t.uncalled)} ${unitWords(t.unit, t.uncalled)} not yet called` : 'Every race called'} · ${t.called} of ${t.races} races called`,
    baseLine: base.length > 0 ? `Already decided: ${base.map(([p, n]) => `${partyName(p.toUpperCase())} ${formatVotes(n)}`).join(' · ')}` : null,
  };
}

/** A party's row as read: "Democrats 306 ✓ REACHES 270". */
export const balanceRowText = (r: BalanceRowModel, target: number): string =>
  [r.name, formatVotes(r.total), r.reached ? reachedText(target) : null].filter(Boolean).join(' ');

/** Exactly the strings the balance draws, in reading order. */
export function balanceText(m: BalanceModel, target: number): string {
  return [`${m.heading} · ${m.targetLabel}`, ...m.rows.map((r) => balanceRowText(r, target)), m.footer, m.baseLine]
    .filter((x): x is string => Boolean(x))
    .join('\n');
}
