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
  type Actor,
  type BatchOutcome,
  type LeadChange,
  type Refusal,
  type RaceRecord,
  type RaceView,
} from '../../shared/index.js';
import { AppError, ConflictError, ForbiddenError, InvalidError, NotFoundError, StaleError } from '../errors.js';
import type { Logger } from '../logger.js';
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
  /** Where a refusal that could not be logged is reported. @default silent */
  logger?: Logger;
}

/** Race definitions and result batches: validate at the edge, apply in the store, answer the contract's shapes. */
export function createResultsService({ store, metrics, onLeadChange, logger }: ResultsDeps) {
  /**
   * Logs refused batches, counted when the same one repeats. The refusal is answered whatever becomes of this: a
   * log write that fails is reported, and the caller still hears why its batch was refused.
   */
  async function logRefusals(refusals: Refusal[], actor: Actor): Promise<void> {
    if (refusals.length === 0) return;
    await store.logRefusals(refusals, actor).catch((err: unknown) => logger?.warn({ err, refusals: refusals.length }, 'could not log refused batches'));
  }

  async function defineRace(raceId: string, body: unknown, actor: Actor): Promise<{ created: boolean; race: RaceView }> {
    const id = parse(Slug, raceId, 'raceId');
    const input = parse(RaceDefinitionInput, body);
    const issues = definitionIssues(input);
    if (issues.length > 0) throw new InvalidError(issues);
    // Whether a race's alerts air by themselves puts graphics on program: a producer's decision, not a feed's.
    if (actor.role !== 'producer' && input.autoAirAlerts !== undefined) {
      const stored = await store.getRace(id);
      if (input.autoAirAlerts !== (stored?.definition.autoAirAlerts ?? undefined)) throw new ForbiddenError('producer', 'autoAirAlerts');
    }
    const outcome = await store.defineRace({ ...input, id }, actor);
    if (outcome.kind === 'conflict') throw new ConflictError(outcome.message, { candidates: outcome.candidates });
    return { created: outcome.kind === 'created', race: buildRaceView(outcome.record) };
  }

  /**
   * `POST /api/races/:raceId/results`; with `dryRun` it answers exactly what the post would (the same refusals,
   * the would-be view and lead change) and stores nothing.
   */
  async function postBatch(raceId: string, body: unknown, actor: Actor, opts: { dryRun?: boolean } = {}): Promise<BatchResponse> {
    const id = parse(Slug, raceId, 'raceId');
    let batch: ResultBatch;
    try {
      batch = parse(ResultBatch, body);
    } catch (err) {
      if (err instanceof InvalidError && !opts.dryRun) await logRefusals([invalidRefusal(id, body, err)], actor);
      throw err;
    }
    if (!opts.dryRun) return apply(id, batch, actor);
    const previous = await store.getRace(id);
    const outcome = await store.previewBatch(id, { ...batch, source: batch.source ?? 'manual' });
    if (outcome.kind !== 'applied' && outcome.kind !== 'duplicate') throw refusal(outcome, id, '');
    const answer = outcome.kind === 'duplicate'
      ? { race: buildRaceView(outcome.record), leadChange: null, duplicate: true, correction: false }
      : { race: buildRaceView(outcome.record), leadChange: outcome.leadChange, duplicate: false, correction: outcome.correction };
    return { ...answer, dryRun: true, lowered: outcome.kind === 'applied' && previous ? lowered(previous, outcome.record) : [] };
  }

  /** Applies a parsed batch; `path` names where it sits in the request body, for issue paths. */
  async function apply(id: string, batch: ResultBatch, actor: Actor, path = ''): Promise<BatchResponse> {
    const sourced = { ...batch, source: batch.source ?? 'manual' };
    const outcome = await store.applyBatch(id, sourced, actor);
    metrics.batches.inc({ outcome: outcome.kind });
    if (outcome.kind !== 'applied' && outcome.kind !== 'duplicate') {
      const err = refusal(outcome, id, path);
      const logged = refusalOf(id, sourced, outcome, err);
      if (logged) await logRefusals([logged], actor);
      throw err;
    }
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
  async function postBulk(body: unknown, actor: Actor): Promise<BulkResult[]> {
    return ingest(parse(BulkResults, body).updates, actor);
  }

  /**
   * The bulk path without the envelope: what feeds post through. Each item is validated as a bulk item
   * of `POST /api/results` is, so a feed gets exactly the same validation, ordering and lead-change detection.
   * The valid items go to the store together (`Store.applyBatches`: one read and one commit round trip for
   * the whole bulk, each race pushed once); outcomes are the same as applying them one by one.
   */
  async function ingest(updates: readonly unknown[], actor: Actor): Promise<BulkResult[]> {
    const results: BulkResult[] = new Array<BulkResult>(updates.length);
    const valid: { index: number; raceId: string; batch: ResultBatch }[] = [];
    const toLog: { index: number; refusal: Refusal }[] = [];
    for (let index = 0; index < updates.length; index++) {
      const raw = updates[index];
      try {
        // The parsed item is a fresh object of this request's: it is the batch (its raceId rides along, unread).
        const item = parse(BulkItem, raw, `updates.${index}`);
        item.source ??= 'manual';
        valid.push({ index, raceId: item.raceId, batch: item });
      } catch (err) {
        if (!(err instanceof InvalidError)) throw err;
        const raceId = raceIdOf(raw);
        results[index] = refused(raceId, err);
        if (raceId !== null && Slug.safeParse(raceId).success) toLog.push({ index, refusal: invalidRefusal(raceId, raw, err) });
      }
    }
    const outcomes = valid.length > 0 ? await store.applyBatches(valid, actor) : [];
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
        if (outcome.leadChange) await leadChanged(outcome, outcome.alertDismissed);
        results[index] = { raceId, status: 'applied', leadChange: outcome.leadChange, correction: outcome.correction };
      } else if (outcome.kind === 'duplicate') {
        results[index] = { raceId, status: 'duplicate', leadChange: null, correction: false };
      } else {
        const err = refusal(outcome, raceId, `updates.${index}`);
        results[index] = refused(raceId, err);
        const logged = refusalOf(raceId, valid[k]!.batch, outcome, err);
        if (logged) toLog.push({ index, refusal: logged });
      }
    }
    for (const [outcome, n] of counts) metrics.batches.inc({ outcome }, n);
    // In request order, one write for the whole bulk.
    await logRefusals(toLog.sort((a, b) => a.index - b.index).map((x) => x.refusal), actor);
    return results;
  }

  /** `POST /api/races/:raceId/reset`: starts the race afresh, optionally in the other mode (`{ "test": bool }`). */
  async function resetRace(raceId: string, body: unknown, actor: Actor): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { test } = parse(ResetInput, body ?? {});
    const outcome = await store.resetRace(id, test, actor);
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

/** What the log records of a refused batch (a race that does not exist is not logged: there is nothing to refuse for). */
function refusalOf(raceId: string, batch: ResultBatch, outcome: Refused, err: AppError): Refusal | null {
  if (outcome.kind === 'not_found') return null;
  const base = { raceId, source: batch.source ?? 'manual', message: err.message, asOf: new Date(batch.asOf).toISOString() };
  if (outcome.kind === 'invalid') return { ...base, reason: 'invalid', issues: outcome.issues };
  return { ...base, reason: outcome.kind, current: outcome.current };
}

/** A batch its schema refused: its asOf and source as far as it has them. */
function invalidRefusal(raceId: string, raw: unknown, err: InvalidError): Refusal {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as { asOf?: unknown; source?: unknown };
  const asOf = typeof o.asOf === 'string' && !Number.isNaN(Date.parse(o.asOf)) ? new Date(o.asOf).toISOString() : undefined;
  const source = typeof o.source === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(o.source) ? o.source : 'manual';
  return { raceId, source, reason: 'invalid', message: err.message, issues: err.details.issues as Refusal['issues'], ...(asOf ? { asOf } : {}) };
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
/** The race an item names, when it names one as a string (anything else is the item's own invalid field). */
const raceIdOf = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && 'raceId' in raw && typeof raw.raceId === 'string' ? raw.raceId : null;

function unavailable(raw: unknown, message: string): BulkResult {
  return { raceId: raceIdOf(raw), status: 'unavailable', message };
}

export type ResultsService = ReturnType<typeof createResultsService>;
