/**
 * The events a change writes to the log, built from the domain's own outcomes (pure). The store stamps them with
 * the actor and the instant and its backend appends them in the same atomic step as the change.
 */
import type { Alert } from '../schema/alert.js';
import type { Issue } from '../schema/errors.js';
import type { EventDraft, RefusalReason } from '../schema/event.js';
import type { Channel, GraphicsState, LayerName } from '../schema/graphics.js';
import type { LeadChange, RaceRecord } from '../schema/race.js';
import type { BatchOutcome } from './batch.js';
import type { CallChange } from './calls.js';

type Applied = Extract<BatchOutcome, { kind: 'applied' }>;

/** A definition that created or changed a race. */
export function definitionEvent(record: RaceRecord, created: boolean): EventDraft {
  return { type: 'race.defined', raceId: record.definition.id, data: { definition: record.definition, created, rev: record.revision } };
}

/** A reset by hand or by a batch of the other mode; `rev` is the revision the reset gave the race. */
export function resetEvent(raceId: string, test: boolean, rev: number): EventDraft {
  return { type: 'race.reset', raceId, data: { test, rev } };
}

/** What an accepted batch wrote: the reset it started with, if any, then the batch as stored. */
export function batchEvents(outcome: Applied): EventDraft[] {
  const r = outcome.record;
  const id = r.definition.id;
  const applied: EventDraft = {
    type: 'batch.applied',
    raceId: id,
    data: {
      asOf: r.asOf!,
      votes: r.votes,
      source: r.source ?? null,
      correction: outcome.correction,
      rev: r.revision,
      ...(r.expectedVotePct !== null ? { expectedVotePct: r.expectedVotePct } : {}),
      ...(r.outstanding ? { outstanding: r.outstanding } : {}),
      ...(r.reporting ? { reporting: r.reporting } : {}),
      ...(r.test ? { test: true as const } : {}),
    },
  };
  return outcome.reset ? [resetEvent(id, r.test ?? false, r.revision - 1), applied] : [applied];
}

export function leadChangeEvent(lc: LeadChange): EventDraft {
  return { type: 'leadChange', raceId: lc.raceId, data: lc };
}

/** An alert created or moved to a new status. */
export function alertEvent(a: Alert): EventDraft {
  return {
    type: 'alert',
    raceId: a.raceId,
    data: {
      alert: a.id,
      kind: a.kind,
      status: a.status,
      ...(a.kind === 'leadChange' ? { leadChangeId: a.leadChangeId } : { winner: a.winner }),
    },
  };
}

/** What a call change wrote: the call set or withdrawn, or a proposal recorded, rejected or ignored. */
export function callEvents(before: RaceRecord, change: Extract<CallChange, { kind: 'changed' }>): EventDraft[] {
  const r = change.record;
  const raceId = r.definition.id;
  const p = change.proposal;
  if (r.call === null && (r.advancing ?? []).length === 0 && (before.call !== null || (before.advancing ?? []).length > 0)) {
    return [{ type: 'uncall', raceId, data: { rev: r.revision } }];
  }
  if (p && p.status !== 'accepted') {
    const data = { proposal: p.id, winner: p.winner, kind: p.kind, source: p.source, status: p.status, rev: r.revision };
    return [{ type: 'call.proposal', raceId, data }];
  }
  const kind = p?.kind ?? 'winner';
  const winner = p?.winner ?? r.call!.winner;
  const source = p?.source ?? r.call?.source ?? 'desk';
  return [{ type: 'call', raceId, data: { winner, kind, source, rev: r.revision, ...(p ? { proposal: p.id } : {}) } }];
}

/** What a producer did to the graphics (`pause` / `resume`: the ticker held or run on), with both channels after it. */
export interface GraphicsAction {
  action: 'cue' | 'take' | 'clear' | 'air' | 'set' | 'pause' | 'resume';
  layer?: LayerName;
  channel?: Channel;
}

export function graphicsEvent(state: GraphicsState, what: GraphicsAction): EventDraft {
  return { type: 'graphics', data: { ...what, program: state.program, preview: state.preview, rev: state.revision } };
}

/** A batch the ingest refused: what it said, and what it would have been. */
export interface Refusal {
  raceId: string;
  source: string;
  reason: RefusalReason;
  message: string;
  asOf?: string;
  current?: { asOf: string | null; revision: number };
  issues?: Issue[];
}

export function refusalEvent(r: Refusal): EventDraft {
  const { raceId, ...data } = r;
  return { type: 'batch.refused', raceId, data };
}

/**
 * The key refusals are counted under: the same actor refusing the same race again for the same reason and
 * `asOf` (a feed re-sending a stale batch every poll) bumps a counter instead of writing a new event.
 */
export const refusalKey = (actorKey: string, r: Pick<Refusal, 'raceId' | 'reason' | 'asOf'>) => ({
  field: `${actorKey}|${r.raceId}`,
  value: `${r.reason}|${r.asOf ?? ''}`,
});
