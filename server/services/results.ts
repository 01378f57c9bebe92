import {
  type BulkResult,
  type BulkStatus,
  type ErrorCode,
  BulkItem,
  BulkResults,
  RaceDefinitionInput,
  ResetInput,
  ResultBatch,
  Slug,
  buildRaceView,
  definitionIssues,
  type BatchOutcome,
  type LeadChange,
  type RaceRecord,
  type RaceView,
} from '../../shared/index.js';
import { AppError, ConflictError, InvalidError, NotFoundError, StaleError } from '../errors.js';
import type { Metrics } from '../metrics.js';
import type { BulkOutcome } from '../store/bulk.js';
import type { Store } from '../store/store.js';
import { parse } from '../validate.js';

export interface BatchResponse {
  race: RaceView;
  leadChange: LeadChange | null;
  duplicate: boolean;
  correction: boolean;
  /** Extension, dry runs: nothing was stored. */
  dryRun?: true;
  /** Extension, dry runs: the candidates whose count the batch lowers (a correction), from and to. */
  lowered?: { candidate: string; from: number; to: number }[];
}

/** Who goes down, and by how much, from one record to the next (a reset is not a correction). */
function lowered(before: RaceRecord, after: RaceRecord): { candidate: string; from: number; to: number }[] {
  if ((before.test ?? false) !== (after.test ?? false)) return [];
  return after.definition.candidates.flatMap((c) => {
    const from = before.votes[c.id] ?? 0;
    const to = after.votes[c.id] ?? 0;
    return to < from ? [{ candidate: c.id, from, to }] : [];
  });
}

/** Which bulk status each refusal becomes. */
const BULK_STATUS: Partial<Record<ErrorCode, BulkStatus>> = {
  invalid: 'invalid',
  stale: 'stale',
  conflict: 'conflict',
  not_found: 'not_found',
  unavailable: 'unavailable',
};

export interface ResultsDeps {
  store: Store;
  metrics: Metrics;
  /** Called after a batch that changed the lead has committed (e.g. to air its alert automatically). */
  onLeadChange?: (leadChange: LeadChange, autoAir: boolean) => Promise<void>;
}

/** Race definitions and result batches: validate at the edge, apply in the store, answer the contract's shapes. */
export function createResultsService({ store, metrics, onLeadChange }: ResultsDeps) {
  async function defineRace(raceId: string, body: unknown): Promise<{ created: boolean; race: RaceView }> {
    const id = parse(Slug, raceId, 'raceId');
    const input = parse(RaceDefinitionInput, body);
    const issues = definitionIssues(input);
    if (issues.length > 0) throw new InvalidError(issues);
    const outcome = await store.defineRace({ ...input, id });
    if (outcome.kind === 'conflict') throw new ConflictError(outcome.message, { candidates: outcome.candidates });
    return { created: outcome.kind === 'created', race: buildRaceView(outcome.record) };
  }

  /**
   * `POST /api/races/:raceId/results`; with `dryRun` it answers exactly what the post would (the same refusals,
   * the would-be view and lead change) and stores nothing.
   */
  async function postBatch(raceId: string, body: unknown, opts: { dryRun?: boolean } = {}): Promise<BatchResponse> {
    const id = parse(Slug, raceId, 'raceId');
    const batch = parse(ResultBatch, body);
    if (!opts.dryRun) return apply(id, batch);
    const previous = await store.getRace(id);
    const outcome = await store.previewBatch(id, { ...batch, source: batch.source ?? 'manual' });
    if (outcome.kind !== 'applied' && outcome.kind !== 'duplicate') throw refusal(outcome, id, '');
    const answer = outcome.kind === 'duplicate'
      ? { race: buildRaceView(outcome.record), leadChange: null, duplicate: true, correction: false }
      : { race: buildRaceView(outcome.record), leadChange: outcome.leadChange, duplicate: false, correction: outcome.correction };
    return { ...answer, dryRun: true, lowered: outcome.kind === 'applied' && previous ? lowered(previous, outcome.record) : [] };
  }

  /** Applies a parsed batch; `path` names where it sits in the request body, for issue paths. */
  async function apply(id: string, batch: ResultBatch, path = ''): Promise<BatchResponse> {
    const outcome = await store.applyBatch(id, { ...batch, source: batch.source ?? 'manual' });
    metrics.batches.inc({ outcome: outcome.kind });
    if (outcome.kind !== 'applied' && outcome.kind !== 'duplicate') throw refusal(outcome, id, path);
    if (outcome.kind === 'applied') await leadChanged(outcome);
    return outcome.kind === 'duplicate'
      ? { race: buildRaceView(outcome.record), leadChange: null, duplicate: true, correction: false }
      : { race: buildRaceView(outcome.record), leadChange: outcome.leadChange, duplicate: false, correction: outcome.correction };
  }

  /** After a commit: counts a lead change and lets the caller act on it (auto-air). */
  async function leadChanged(outcome: Extract<BatchOutcome, { kind: 'applied' }>, alertDismissed = false) {
    if (!outcome.leadChange) return;
    metrics.leadChanges.inc();
    // A later batch of the same bulk reset the race and dismissed this alert with it: nothing to air.
    if (!alertDismissed) await onLeadChange?.(outcome.leadChange, outcome.record.definition.autoAirAlerts ?? false);
  }

  /**
   * Applies many batches in request order; one bad item never sinks the others. If the store goes away
   * before anything was applied the request answers 503; after, the items not done are `unavailable`.
   */
  async function postBulk(body: unknown): Promise<BulkResult[]> {
    return ingest(parse(BulkResults, body).updates);
  }

  /**
   * The bulk path without the envelope: what feeds post through. Each item is validated as a bulk item
   * of `POST /api/results` is, so a feed gets exactly the same validation, ordering and lead-change detection.
   * The valid items go to the store together (`Store.applyBatches`: one read and one commit round trip for
   * the whole bulk, each race pushed once); outcomes are the same as applying them one by one.
   */
  async function ingest(updates: readonly unknown[]): Promise<BulkResult[]> {
    const results: BulkResult[] = new Array<BulkResult>(updates.length);
    const valid: { index: number; raceId: string; batch: ResultBatch }[] = [];
    for (const [index, raw] of updates.entries()) {
      try {
        const { raceId, ...batch } = parse(BulkItem, raw, `updates.${index}`);
        valid.push({ index, raceId, batch: { ...batch, source: batch.source ?? 'manual' } });
      } catch (err) {
        if (!(err instanceof InvalidError)) throw err;
        results[index] = refused(raceIdOf(raw), err);
      }
    }
    const outcomes = valid.length > 0 ? await store.applyBatches(valid) : [];
    const down = outcomes.filter((o) => o.kind === 'unavailable');
    if (down.length > 0 && !outcomes.some((o) => o.kind === 'applied')) {
      // Nothing was applied: the whole request is unavailable (saying so when a write may still land).
      throw down.find((o) => o.error.details.outcome === 'unknown')?.error ?? down[0]!.error;
    }
    const counts = new Map<string, number>();
    for (const [k, outcome] of outcomes.entries()) {
      const { index, raceId } = valid[k]!;
      if (outcome.kind === 'unavailable') {
        results[index] = unavailable(updates[index], outcome.error.message);
        continue;
      }
      counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
      if (outcome.kind === 'applied') {
        await leadChanged(outcome, outcome.alertDismissed);
        results[index] = { raceId, status: 'applied', leadChange: outcome.leadChange, correction: outcome.correction };
      } else if (outcome.kind === 'duplicate') {
        results[index] = { raceId, status: 'duplicate', leadChange: null, correction: false };
      } else {
        results[index] = refused(raceId, refusal(outcome, raceId, `updates.${index}`));
      }
    }
    for (const [outcome, n] of counts) metrics.batches.inc({ outcome }, n);
    return results;
  }

  /** `POST /api/races/:raceId/reset`: starts the race afresh, optionally in the other mode (`{ "test": bool }`). */
  async function resetRace(raceId: string, body: unknown): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { test } = parse(ResetInput, body ?? {});
    const outcome = await store.resetRace(id, test);
    if (outcome.kind === 'not_found') throw new NotFoundError('race', id);
    return buildRaceView(outcome.record);
  }

  async function getRace(raceId: string): Promise<RaceView> {
    const record = await store.getRace(raceId);
    if (!record) throw new NotFoundError('race', raceId);
    return buildRaceView(record);
  }

  async function listRaces(): Promise<RaceView[]> {
    return (await store.listRaces()).map(buildRaceView);
  }

  async function leadChanges(raceId: string): Promise<LeadChange[]> {
    await getRace(raceId);
    return store.listLeadChanges(raceId);
  }

  return { defineRace, postBatch, postBulk, ingest, resetRace, getRace, listRaces, leadChanges };
}

type Refused = Exclude<BulkOutcome, { kind: 'applied' | 'duplicate' | 'unavailable' }>;

/** The error a refused batch answers; `path` names where it sits in the request body, for issue paths. */
function refusal(outcome: Refused, id: string, path: string): AppError {
  switch (outcome.kind) {
    case 'not_found':
      return new NotFoundError('race', id);
    case 'invalid':
      return new InvalidError(outcome.issues.map((i) => ({ ...i, path: path ? `${path}.${i.path}` : i.path })));
    case 'stale':
      return new StaleError(outcome.current);
    case 'conflict':
      return new ConflictError('a different batch with the same asOf is already stored', { current: outcome.current });
  }
}

/** A bulk item's result for a refusal. */
function refused(raceId: string | null, err: AppError): BulkResult {
  return {
    raceId,
    status: BULK_STATUS[err.code]!,
    message: err.message,
    ...(err instanceof InvalidError ? { issues: err.details.issues as BulkResult['issues'] } : {}),
  };
}

/** The race an item names, as far as it names one (an invalid item still gets its outcome). */
const raceIdOf = (raw: unknown) => (typeof raw === 'object' && raw !== null && 'raceId' in raw ? String(raw.raceId) : null);

function unavailable(raw: unknown, message: string): BulkResult {
  return { raceId: raceIdOf(raw), status: 'unavailable', message };
}

export type ResultsService = ReturnType<typeof createResultsService>;
