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
  async function change(raceId: string, fn: (record: Parameters<Parameters<Store['changeCall']>[1]>[0], now: Date) => CallChange) {
    const out = await store.changeCall(raceId, fn);
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

  /** A feed's winner flag; one proposal per flag however often it is seen. */
  async function propose(raceId: string, flag: CallFlag): Promise<CallProposal | null> {
    const { proposal } = await change(raceId, (r, now) => proposeCall(r, flag, now));
    if (proposal?.status === 'accepted') logger.info({ raceId, proposal: proposal.id }, 'a source’s call was accepted by the race’s rule');
    return proposal;
  }

  async function decide(rawId: string, decision: 'accepted' | 'rejected', by: string): Promise<CallProposal> {
    const id = parse(CallRef, rawId, 'id');
    const { proposal } = await change(raceOfProposal(id), (r, now) => decideProposal(r, id, decision, by, now));
    return proposal!;
  }

  /** `POST /api/races/:raceId/call { winner }`: the desk calls it. */
  async function call(raceId: string, body: unknown, by = 'desk'): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { winner } = parse(CallInput, body);
    return (await change(id, (r, now) => deskCall(r, winner, by, now))).race;
  }

  /** `DELETE /api/races/:raceId/call`: withdraws it; its pending alert is dismissed, its banner leaves program. */
  async function uncall(raceId: string): Promise<RaceView> {
    const id = parse(Slug, raceId, 'raceId');
    const { race } = await change(id, (r, now) => withdrawCall(r, now));
    await graphics.takeOffAlertLayer({ type: 'call', raceId: id });
    return race;
  }

  return {
    list,
    propose,
    accept: (id: string, by = 'producer') => decide(id, 'accepted', by),
    reject: (id: string, by = 'producer') => decide(id, 'rejected', by),
    call,
    uncall,
  };
}

/** A proposal id: `<raceId>.<source>.<kind>.<candidate>`. */
const CallRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9][a-z0-9._-]{0,63}\.(winner|runoff)\.[a-z0-9][a-z0-9-]{0,63}$/, 'not a call id');

export type CallsService = ReturnType<typeof createCallsService>;
