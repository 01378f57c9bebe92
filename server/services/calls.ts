import { z } from 'zod';
import {
  CallInput,
  CallQuery,
  Slug,
  buildRaceView,
  decideProposal,
  deskCall,
  proposeCall,
  raceOfProposal,
  withdrawCall,
  type Actor,
  type CallChange,
  type CallFlag,
  type CallProposal,
  type RaceView,
} from '../../shared/index.js';
import { ConflictError, InvalidError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { parse } from '../validate.js';
import type { GraphicsService } from './graphics.js';

export interface CallsDeps {
  store: Store;
  graphics: GraphicsService;
  logger: Logger;
}

/**
 * Race calls: the desk's own (at once), the sources' (proposals the desk accepts or rejects, unless the race
 * accepts or ignores them by rule), and withdrawal, which also takes the projected-winner banner off program.
 * Every call says who made it and when.
 */
export function createCallsService({ store, graphics, logger }: CallsDeps) {
  /** Runs a call change; answers the race's view and the proposal it touched. */
  async function change(raceId: string, fn: (record: Parameters<Parameters<Store['changeCall']>[1]>[0], now: Date) => CallChange, actor: Actor) {
    const out = await store.changeCall(raceId, fn, actor);
    switch (out.kind) {
      case 'race_not_found':
        throw new NotFoundError('race', raceId);
      case 'not_found':
        throw new NotFoundError('call', raceId);
      case 'invalid':
        throw new InvalidError(out.issues);
      case 'conflict':
        throw new ConflictError(out.message);
      case 'changed':
      case 'unchanged':
        return { race: buildRaceView(out.record), proposal: out.proposal };
    }
  }

  async function list(query: unknown): Promise<CallProposal[]> {
    const { status, raceId } = parse(CallQuery, query);
    const all = (await store.listRaces()).flatMap((r) => r.proposals ?? []);
    return all.filter((p) => (!status || p.status === status) && (!raceId || p.raceId === raceId)).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** A feed's winner flag; one proposal per flag however often it is seen. `actor`: the feed. */
  async function propose(raceId: string, flag: CallFlag, actor: Actor): Promise<CallProposal | null> {
    const { proposal } = await change(raceId, (r, now) => proposeCall(r, flag, now), actor);
    if (proposal?.status === 'accepted') logger.info({ raceId, proposal: proposal.id }, 'a source’s call was accepted by the race’s rule');
    return proposal;
  }

  /** A producer decides; the proposal's `decidedBy` is the producer's name. */
  async function decide(rawId: string, decision: 'accepted' | 'rejected', actor: Actor): Promise<CallProposal> {
    const id = parse(CallRef, rawId, 'id');
    const { proposal } = await change(raceOfProposal(id), (r, now) => decideProposal(r, id, decision, actor.name, now), actor);
    return proposal!;
  }

  /** `POST /api/races/:raceId/call { winner }`: the desk calls it (the call's source is "desk"; the log names who). */
  async function call(raceId: string, body: unknown, actor: Actor): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { winner } = parse(CallInput, body);
    return (await change(id, (r, now) => deskCall(r, winner, 'desk', now), actor)).race;
  }

  /** `DELETE /api/races/:raceId/call`: withdraws it; its pending alert is dismissed, its banner leaves program. */
  async function uncall(raceId: string, actor: Actor): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { race } = await change(id, (r, now) => withdrawCall(r, now), actor);
    await graphics.takeOffAlertLayer({ type: 'call', raceId: id }, actor);
    return race;
  }

  return {
    list,
    propose,
    accept: (id: string, actor: Actor) => decide(id, 'accepted', actor),
    reject: (id: string, actor: Actor) => decide(id, 'rejected', actor),
    call,
    uncall,
  };
}

/** A proposal id: `<raceId>.<source>.<kind>.<candidate>`. */
const CallRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9][a-z0-9._-]{0,63}\.(winner|runoff)\.[a-z0-9][a-z0-9-]{0,63}$/, 'not a call id');

export type CallsService = ReturnType<typeof createCallsService>;
