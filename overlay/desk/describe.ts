/**
 * What a batch would do (a dry run's answer) or did (the post's), in the desk's words: "LEAD CHANGE: Biden takes
 * the lead by 917", "CORRECTION: Biden goes down 371 (2,449,371 → 2,449,000)", "stale: a newer count (as of …) is
 * stored", refusals at their fields. Pure, so it is table-tested.
 */
import type { Issue, LeadChange, RaceView } from '../../shared/index.js';
import { formatVotes, phraseList, surname } from '../../shared/format.js';
import { signed } from './numbers.js';

/** The body of `POST /api/races/:raceId/results` (with `?dryRun=1`: `dryRun` and `lowered` too). */
export interface BatchAnswer {
  race: RaceView;
  leadChange: LeadChange | null;
  duplicate: boolean;
  correction: boolean;
  dryRun?: true;
  lowered?: { candidate: string; from: number; to: number }[];
}

/** A refused request: the server's error body with its status; status 0 when no answer came at all. */
export interface Refusal {
  status: number;
  error: string;
  message: string;
  issues?: Issue[];
  current?: { asOf: string; revision: number };
  outcome?: string;
}

export type Outcome = { ok: true; answer: BatchAnswer } | { ok: false; refusal: Refusal };

export interface Description {
  /** `ok`: nothing remarkable; `attention`: a lead change, a correction, a reset; `refused`: it would not / did not land. */
  tone: 'ok' | 'attention' | 'refused';
  headline: string;
  lines: string[];
  /** Refusals at their fields, keyed by the body's dotted path ("votes.biden", "outstanding.label"). */
  fields: Record<string, string>;
  /** The server would take it (applied or duplicate): posting makes sense. */
  postable: boolean;
}

export interface DescribeOptions {
  /** Describing the post's own answer (past tense), not a dry run's. */
  posted: boolean;
  /** How an instant is shown ("04:50:07 local"). */
  time: (iso: string) => string;
  /** Paths the form has a field for; issues elsewhere are listed in `lines`. Default: every issue is a field's. */
  fields?: ReadonlySet<string>;
}

/** Describes an outcome; `before` is the race as the page knew it (for names and what goes down). */
export function describeOutcome(outcome: Outcome, before: RaceView, o: DescribeOptions): Description {
  return outcome.ok ? describeAnswer(outcome.answer, before, o) : describeRefusal(outcome.refusal, o);
}

function describeAnswer(a: BatchAnswer, before: RaceView, o: DescribeOptions): Description {
  const name = nameOf(a.race, before);
  if (a.duplicate) {
    return {
      tone: 'ok',
      headline: 'Duplicate',
      lines: [o.posted ? 'This exact count was already stored: nothing changed.' : 'This exact count is already stored: posting changes nothing.'],
      fields: {},
      postable: true,
    };
  }
  const after = a.race;
  const reset = before.asOf !== null && before.test !== after.test;
  const lines: string[] = [];
  if (a.leadChange) lines.push(`LEAD CHANGE: ${leadChangeText(a.leadChange, after, name)}`);
  const lowered = a.lowered ?? (reset ? [] : loweredBetween(before, after));
  for (const l of lowered) {
    lines.push(`CORRECTION: ${name(l.candidate)} goes down ${formatVotes(l.from - l.to)} (${formatVotes(l.from)} → ${formatVotes(l.to)})`);
  }
  if (a.correction && lowered.length === 0) lines.push('CORRECTION: a count goes down');
  if (reset) {
    lines.push(`RESET: the race switches from ${mode(before.test)} to ${mode(after.test)} and its count starts afresh`);
  }
  lines.push(standing(after, name));
  if (!reset && before.asOf !== null) lines.push(`${signed(after.totalVotes - before.totalVotes)} votes in total`);
  return {
    tone: a.leadChange || a.correction || lowered.length > 0 || reset ? 'attention' : 'ok',
    headline: o.posted ? 'Applied' : 'Would apply',
    lines,
    fields: {},
    postable: true,
  };
}

function describeRefusal(r: Refusal, o: DescribeOptions): Description {
  const refused = (headline: string, lines: string[], fields: Record<string, string> = {}): Description => ({
    tone: 'refused',
    headline,
    lines,
    fields,
    postable: false,
  });
  const nothing = o.posted ? 'Nothing was stored.' : 'Posting it would be refused.';
  switch (r.error) {
    case 'stale':
      return refused('Refused: stale', [
        `stale: a newer count${r.current ? ` (as of ${o.time(r.current.asOf)})` : ''} is stored`,
        nothing,
      ]);
    case 'conflict':
      return refused('Refused: conflict', ['conflict: a different count is already stored for this as-of time', nothing]);
    case 'invalid': {
      const fields: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const i of r.issues ?? []) {
        if (o.fields && !o.fields.has(i.path)) elsewhere.push(i.path === '' ? i.message : `${i.path}: ${i.message}`);
        else fields[i.path] ??= i.message;
      }
      const n = Object.keys(fields).length;
      const lines = [...(n > 0 ? [`${n === 1 ? 'One field needs' : `${n} fields need`} fixing (marked).`] : []), ...elsewhere, nothing];
      return refused('Refused: invalid', lines, fields);
    }
    case 'not_found':
      return refused('Refused: no such race', ['This race no longer exists on the server.', nothing]);
    case 'unauthorized':
    case 'forbidden':
      return refused('Token refused', [`${r.error}: ${r.message}`, nothing]);
    case 'unavailable':
      return r.outcome === 'unknown'
        ? refused('Unknown outcome', ['The store did not confirm the write: it may still land.', 'Read the race back before posting again.'])
        : refused('Store unavailable', ['The server cannot reach its store right now.', nothing, 'Try again in a moment.']);
    case 'network':
      return refused('No answer', [
        `The server did not answer (${r.message}).`,
        o.posted ? 'The batch may or may not be stored: read the race back before posting again.' : 'Check the connection and try again.',
      ]);
    default:
      return refused(`Refused: ${r.error}`, [r.message, nothing]);
  }
}

function leadChangeText(lc: LeadChange, race: RaceView, name: (id: string) => string): string {
  if (race.seats > 1) {
    const into = (lc.toSet ?? [lc.to]).map(name);
    const out = (lc.fromSet ?? [lc.from]).map(name);
    return `${phraseList(into)} ${into.length === 1 ? 'moves' : 'move'} into the top ${race.seats}, ${phraseList(out)} out`;
  }
  return `${name(lc.to)} takes the lead by ${formatVotes(lc.margin)}`;
}

function standing(race: RaceView, name: (id: string) => string): string {
  if (race.leader !== null) return `${name(race.leader)} leads by ${formatVotes(race.margin)}`;
  return race.status === 'tied' ? 'Tied at the top' : 'No votes yet';
}

function loweredBetween(before: RaceView, after: RaceView): { candidate: string; from: number; to: number }[] {
  const was = new Map(before.candidates.map((c) => [c.id, c.votes]));
  return after.candidates.flatMap((c) => {
    const from = was.get(c.id) ?? 0;
    return c.votes < from ? [{ candidate: c.id, from, to: c.votes }] : [];
  });
}

const mode = (test: boolean): string => (test ? 'TEST' : 'LIVE');

function nameOf(...races: RaceView[]): (id: string) => string {
  const names = new Map<string, string>();
  for (const r of races) for (const c of r.candidates) if (!names.has(c.id)) names.set(c.id, surname(c.name));
  return (id) => names.get(id) ?? id;
}
