import {
  alertEvent,
  applyBatch,
  batchEvents,
  leadChangeEvent,
  type Alert,
  type BatchOutcome,
  type EventDraft,
  type LeadChange,
  type RaceRecord,
  type ResultBatch,
} from '../../shared/index.js';
import type { UnavailableError } from '../errors.js';
import { NONE } from './none.js';
import type { RaceCommit } from './types.js';

/** One item of a bulk: a batch and the race it is for. */
export interface BulkBatch {
  raceId: string;
  batch: ResultBatch;
}

/**
 * What became of one item of a bulk. `unavailable`: not done, the store went away (or stayed contended) first;
 * `alertDismissed`: the item's lead change got an alert that a later batch of the same bulk dismissed at once
 * (it reset the race into the other mode), so there is nothing to air.
 */
export type BulkOutcome =
  | ((BatchOutcome | { kind: 'not_found' }) & { alertDismissed?: true })
  | { kind: 'unavailable'; error: UnavailableError };

/** A race's items of one bulk, in request order, by their index in the request. */
export interface RaceItems {
  raceId: string;
  indexes: number[];
  batches: ResultBatch[];
}

/** Groups a bulk's items by race, keeping request order within each race. */
export function byRace(items: readonly BulkBatch[]): RaceItems[] {
  const groups = new Map<string, RaceItems>();
  items.forEach(({ raceId, batch }, index) => {
    const g = groups.get(raceId);
    // Most races have one item in a bulk: arrays of one, not empty ones grown by a push (which reserves 17 slots).
    if (!g) groups.set(raceId, { raceId, indexes: [index], batches: [batch] });
    else {
      g.indexes.push(index);
      g.batches.push(batch);
    }
  });
  return [...groups.values()];
}

/** A race's items applied in turn to the record read, and the one commit that stores them all. */
export interface RacePlan {
  outcomes: BulkOutcome[];
  /** Null when nothing was applied (nothing to write). */
  commit: RaceCommit | null;
  /** True when some batch reset the race: the commit must also dismiss the race's stored pending alerts. */
  reset: boolean;
  /** The commit's events, in the order they happened (the store stamps them). */
  log: EventDraft[];
}

/**
 * The pure part of a bulk, for one race: each batch applies to the record as the previous ones left it,
 * exactly as if each had been committed on its own, and everything they detected goes into one commit.
 * A reset dismisses the pending alerts of the mode it leaves, including those created earlier in the bulk.
 */
export function planRace(read: RaceRecord, batches: readonly ResultBatch[], now: Date, newAlert: (lc: LeadChange, now: Date) => Alert): RacePlan {
  // The common case, one batch of the race in the bulk and no lead change: the same plan, without the bookkeeping.
  if (batches.length === 1) {
    const outcome = applyBatch(read, batches[0]!, now);
    if (outcome.kind !== 'applied') return { outcomes: [outcome], commit: null, reset: false, log: NONE };
    if (!outcome.leadChange) {
      const commit = { record: outcome.record, expectedRevision: read.revision, leadChanges: NONE, alerts: NONE };
      return { outcomes: [outcome], commit, reset: outcome.reset, log: batchEvents(outcome) };
    }
    return planMany(read, [outcome], batches, now, newAlert);
  }
  return planMany(read, [], batches, now, newAlert);
}

/** `planRace` in general; `applied` holds the outcomes of the first batches, already applied to `read`. */
function planMany(
  read: RaceRecord,
  applied: readonly BatchOutcome[],
  batches: readonly ResultBatch[],
  now: Date,
  newAlert: (lc: LeadChange, now: Date) => Alert,
): RacePlan {
  let record = read;
  const outcomes: BulkOutcome[] = [];
  const leadChanges: LeadChange[] = [];
  const alerts: Alert[] = [];
  /** Which outcome each alert came from. */
  const alertOf: number[] = [];
  let dismissBefore = 0;
  let reset = false;
  /** Events in order; a number stands for the alert of that index (written as it ends up: maybe dismissed). */
  const log: (EventDraft | number)[] = [];
  for (let k = 0; k < batches.length; k++) {
    const outcome = applied[k] ?? applyBatch(record, batches[k]!, now);
    outcomes.push(outcome);
    if (outcome.kind !== 'applied') continue;
    record = outcome.record;
    log.push(...batchEvents(outcome));
    if (outcome.reset) {
      reset = true;
      dismissBefore = alerts.length;
    }
    if (outcome.leadChange) {
      leadChanges.push(outcome.leadChange);
      log.push(leadChangeEvent(outcome.leadChange), alerts.length);
      alerts.push(newAlert(outcome.leadChange, now));
      alertOf.push(outcomes.length - 1);
    }
  }
  if (record === read) return { outcomes, commit: null, reset: false, log: [] };
  const at = dismissBefore > 0 ? now.toISOString() : '';
  for (let i = 0; i < dismissBefore; i++) {
    alerts[i] = { ...alerts[i]!, status: 'dismissed', updatedAt: at };
    outcomes[alertOf[i]!] = { ...outcomes[alertOf[i]!]!, alertDismissed: true } as BulkOutcome;
  }
  const events = alerts.length === 0 ? (log as EventDraft[]) : log.map((e) => (typeof e === 'number' ? alertEvent(alerts[e]!) : e));
  return { outcomes, commit: { record, expectedRevision: read.revision, leadChanges, alerts }, reset, log: events };
}
