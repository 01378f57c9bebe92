/**
 * From what the editor typed to the body of `POST /api/races/:raceId/results`: every field read (numbers.ts),
 * shown back, or refused at its field. Fields are keyed by the body's dotted path, the same keys the server's
 * `issues[].path` uses, so a refusal from either side lands on the same field. Pure.
 */
import type { RaceView } from '../../shared/index.js';
import { echoCount, echoPercent, readCount, readPercent, type Read } from './numbers.js';
import { readLocalTime, showTime } from './time.js';

/** What the form holds, as typed. */
export interface Draft {
  votes: Record<string, string>;
  expectedVotePct: string;
  outstandingBallots: string;
  outstandingLabel: string;
  reported: string;
  total: string;
  unit: string;
  /** `null`: now (the clock at the moment the body is built); otherwise a local time as typed ("2020-11-06 04:50:07"). */
  asOf: string | null;
  test: boolean;
}

/** The body the desk sends: what was typed, read, and `source: "desk"`. */
export interface DeskBatch {
  asOf: string;
  votes: Record<string, number>;
  expectedVotePct?: number;
  outstanding?: { ballots: number; label: string };
  reporting?: { reported: number; total: number; unit: string };
  test: boolean;
  source: 'desk';
}

export interface Built {
  /** Present when nothing is refused or missing. */
  body: DeskBatch | null;
  /** Refused fields (path → why). */
  errors: Record<string, string>;
  /** Required fields left empty (shown when the editor tries to post, not while typing). */
  missing: Record<string, string>;
  /** Every value read, shown back as it will be sent (path → "2,449,371"). */
  echoes: Record<string, string>;
}

/** The form's fields for a race, in Tab order, by body path. */
export function fieldPaths(race: RaceView): string[] {
  return [
    ...race.candidates.map((c) => `votes.${c.id}`),
    'expectedVotePct',
    'outstanding.ballots',
    'outstanding.label',
    'reporting.reported',
    'reporting.total',
    'asOf',
  ];
}

export function emptyDraft(race: RaceView): Draft {
  return {
    votes: Object.fromEntries(race.candidates.map((c) => [c.id, ''])),
    expectedVotePct: '',
    outstandingBallots: '',
    outstandingLabel: 'ballots',
    reported: '',
    total: '',
    unit: race.reporting?.unit ?? 'precincts',
    asOf: null,
    test: race.test,
  };
}

export function buildBatch(draft: Draft, race: RaceView, now: Date): Built {
  const errors: Record<string, string> = {};
  const missing: Record<string, string> = {};
  const echoes: Record<string, string> = {};
  /** Reads one field: its echo or its refusal; `required` says what an empty one is told. */
  function take<T>(path: string, read: Read<T>, echo: (v: T) => string, required?: string): T | undefined {
    if (read.kind === 'ok') {
      echoes[path] = echo(read.value);
      return read.value;
    }
    if (read.kind === 'refused') errors[path] = read.message;
    else if (required) missing[path] = required;
    return undefined;
  }

  const votes: Record<string, number> = {};
  for (const c of race.candidates) {
    const v = take(`votes.${c.id}`, readCount(draft.votes[c.id] ?? ''), echoCount, `enter ${c.name}’s count`);
    if (v !== undefined) votes[c.id] = v;
  }
  const expectedVotePct = take('expectedVotePct', readPercent(draft.expectedVotePct), echoPercent);

  let outstanding: DeskBatch['outstanding'];
  const ballots = take('outstanding.ballots', readCount(draft.outstandingBallots), (n) => `${echoCount(n)} ${draft.outstandingLabel.trim() || '…'}`);
  const label = draft.outstandingLabel.trim();
  if (ballots !== undefined) {
    if (label === '') missing['outstanding.label'] = 'say which ballots (e.g. mail ballots)';
    else outstanding = { ballots, label };
  }

  let reporting: DeskBatch['reporting'];
  const reportedRead = readCount(draft.reported);
  const totalRead = readCount(draft.total);
  const both = reportedRead.kind !== 'empty' || totalRead.kind !== 'empty';
  const reported = take('reporting.reported', reportedRead, echoCount, both ? 'enter how many have reported' : undefined);
  const total = take('reporting.total', totalRead, (n) => `of ${echoCount(n)} ${draft.unit}`, both ? 'enter how many there are in all' : undefined);
  if (reported !== undefined && total !== undefined) {
    if (reported > total) errors['reporting.reported'] = `more reported than the ${echoCount(total)} in all`;
    else reporting = { reported, total, unit: draft.unit };
  }

  const asOf =
    draft.asOf === null
      ? now.toISOString()
      : take('asOf', readLocalTime(draft.asOf, now), (iso) => showTime(iso, now), 'enter the as-of time, or press Now');
  if (draft.asOf === null) echoes.asOf = `now — ${showTime(asOf!, now)}`;

  const ok = Object.keys(errors).length === 0 && Object.keys(missing).length === 0 && asOf !== undefined;
  const body: DeskBatch | null = ok
    ? {
        asOf,
        votes,
        ...(expectedVotePct !== undefined ? { expectedVotePct } : {}),
        ...(outstanding ? { outstanding } : {}),
        ...(reporting ? { reporting } : {}),
        test: draft.test,
        source: 'desk',
      }
    : null;
  return { body, errors, missing, echoes };
}
