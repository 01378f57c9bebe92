import {
  Rundown,
  RundownBody,
  RundownControlCommand,
  RundownStartCommand,
  SYSTEM_ACTOR,
  Slug,
  refsOf,
  type Actor,
  type Channel,
  type GraphicsState,
  type RundownItem,
  type RundownStatus,
} from '../../shared/index.js';
import {
  CHANNELS,
  channelsRunning,
  endRun,
  firstIndex,
  isDue,
  newRun,
  rundownEvent,
  rundownStatus,
  runsOf,
  startRun,
  stopMessage,
} from '../../shared/domain/rundown.js';
import type { Clock } from '../clock.js';
import { AppError, ConflictError, NotFoundError } from '../errors.js';
import { applyStep } from '../rundowns/apply.js';
import { actionStep, dueStep, type RunAction } from '../rundowns/steps.js';
import { readVotes } from '../rundowns/votes.js';
import type { Store } from '../store/store.js';
import { parse } from '../validate.js';

export const RUNDOWNS = 'rundowns';

export interface RundownsDeps {
  store: Store;
  clock: Clock;
}

/** A rundown that is not running (on the channel asked, or anywhere): its actions have nothing to act on. */
export class NotRunningError extends ConflictError {
  constructor(id: string, channel?: Channel) {
    super(`rundown "${id}" is not running${channel ? ` on ${channel}` : ''}`, { rundown: id, ...(channel ? { channel } : {}) });
  }
}

const byName = (a: Rundown, b: Rundown) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const content = (r: RundownBody) => JSON.stringify([r.name, r.items, r.loop, r.skipAwaiting]);

/**
 * Rundowns: definitions stored as documents (collection `rundowns`), runs inside the graphics state. Every action is
 * worked out from the stored run (so two instances, or a timer and a producer, never apply one step twice) and
 * logged as a `rundown` event in the same commit. Bodies and ids arrive unparsed and are checked here.
 */
export function createRundownsService({ store, clock }: RundownsDeps) {
  const parseId = (id: unknown) => parse(Slug, id, 'id');

  async function list(): Promise<Rundown[]> {
    const docs = await store.listDocs(RUNDOWNS);
    return docs.map((d) => Rundown.parse(d.value)).sort(byName);
  }

  async function get(rawId: unknown): Promise<Rundown> {
    const id = parseId(rawId);
    const doc = await store.readDoc(RUNDOWNS, id);
    if (!doc || doc.value === null) throw new NotFoundError('rundown', id);
    return Rundown.parse(doc.value);
  }

  /** Every race and lead change the items name must exist; the first that does not is a 404 naming the item. */
  async function ensureRefs(items: readonly RundownItem[]): Promise<void> {
    const seen = new Map<string, Promise<boolean>>();
    const exists = (kind: 'race' | 'lead change', id: string) => {
      const key = `${kind}:${id}`;
      if (!seen.has(key)) seen.set(key, (kind === 'race' ? store.getRace(id) : store.getLeadChange(id)).then((r) => r !== null));
      return seen.get(key)!;
    };
    for (const [i, item] of items.entries()) {
      const refs = refsOf(item.graphic);
      for (const [kind, ids] of [['race', refs.raceIds], ['lead change', refs.leadChangeIds]] as const) {
        for (const id of ids) {
          if (await exists(kind, id)) continue;
          const path = `items.${i}.graphic`;
          throw new AppError(404, 'not_found', `${path}: no ${kind} "${id}"`, { path });
        }
      }
    }
  }

  /** Saves a rundown (`created` when new). An identical one changes nothing (no write, no event). */
  async function save(rawId: unknown, body: unknown, actor: Actor): Promise<{ created: boolean; rundown: Rundown }> {
    const id = parseId(rawId);
    const b = parse(RundownBody, body);
    await ensureRefs(b.items);
    let created = false;
    const doc = await store.updateDoc<Rundown>(
      RUNDOWNS,
      id,
      (current, now) => {
        created = current === null;
        if (current && content(current) === content(b)) return undefined;
        return { value: { ...b, id, updatedAt: now.toISOString() }, log: [rundownEvent(id, 'save')] };
      },
      actor,
    );
    return { created, rundown: Rundown.parse(doc!.value) };
  }

  /** Deletes a rundown; its runs stop first (their graphics leave air). Answers it as it was. */
  async function remove(rawId: unknown, actor: Actor): Promise<Rundown> {
    const rundown = await get(rawId);
    const id = rundown.id;
    for (const channel of CHANNELS) {
      await applyStep(store, clock, actor, (s, now) => {
        const run = runsOf(s)[channel];
        if (run?.rundownId !== id) return null;
        const state = endRun(s, channel, 'deleted', stopMessage('deleted', run, channel), now);
        return { state, channel, event: rundownEvent(id, 'stop', { channel, index: run.index, reason: 'deleted' }) };
      });
    }
    const drop = (current: Rundown | null) => (current ? { value: null, log: [rundownEvent(id, 'delete')] } : undefined);
    const gone = await store.updateDoc<Rundown>(RUNDOWNS, id, drop, actor);
    if (gone !== null) throw new Error('a deleted rundown still reads back (a defect)');
    return rundown;
  }

  /**
   * Starts a rundown on a channel at its first item (the first with votes when it skips awaiting races),
   * replacing a rundown already running there. Nothing to air is a 409.
   */
  async function start(rawId: unknown, body: unknown, actor: Actor): Promise<RundownStatus> {
    const rundown = await get(rawId);
    const { channel } = parse(RundownStartCommand, body ?? {});
    const hasVotes = await readVotes(store, rundown);
    const first = firstIndex(rundown, hasVotes);
    if (first === null) {
      throw new ConflictError(`nothing to air: every race in "${rundown.name}" is still awaiting votes`, { rundown: rundown.id, channel });
    }
    const state = await applyStep(store, clock, actor, (s, now) => {
      const replaced = runsOf(s)[channel]?.rundownId;
      const event = rundownEvent(rundown.id, 'start', { channel, index: first, replaced });
      return { state: startRun(s, channel, newRun(rundown, first, now)), channel, event };
    });
    return rundownStatus(state, channel, hasVotes);
  }

  /** The channel an action on rundown `id` acts on: the one asked for, else the one running it (program first). */
  function channelFor(s: GraphicsState, id: string, asked?: Channel): Channel {
    const channel = asked ?? channelsRunning(s, id)[0];
    if (!channel || runsOf(s)[channel]?.rundownId !== id) throw new NotRunningError(id, asked);
    return channel;
  }

  /** Pause · resume · next · previous · stop of a started rundown; answers the channel's status after it. */
  async function act(action: RunAction, rawId: unknown, body: unknown, actor: Actor): Promise<RundownStatus> {
    const { id } = await get(rawId);
    const asked = parse(RundownControlCommand, body ?? {}).channel;
    const current = await store.getGraphics();
    const channel = channelFor(current, id, asked);
    const hasVotes = await readVotes(store, runsOf(current)[channel]!);
    const state = await applyStep(store, clock, actor, (s, now) => {
      if (runsOf(s)[channel]?.rundownId !== id) throw new NotRunningError(id, channel);
      return actionStep(action, s, channel, now, hasVotes);
    });
    return rundownStatus(state, channel, hasVotes);
  }

  /**
   * Moves on every run whose item's dwell is over (the timer's step, done as the server itself). Worked out from
   * the stored run: a run another instance already moved on is not due any more, so nothing happens twice.
   */
  async function advanceDue(): Promise<GraphicsState> {
    let state = await store.getGraphics();
    for (const channel of CHANNELS) {
      const run = runsOf(state)[channel];
      if (!run || !isDue(run, clock.now())) continue;
      const hasVotes = await readVotes(store, run);
      state = await applyStep(store, clock, SYSTEM_ACTOR, (s, now) => dueStep(s, channel, now, hasVotes));
    }
    return state;
  }

  return {
    list,
    get,
    save,
    remove,
    start,
    pause: (id: unknown, body: unknown, actor: Actor) => act('pause', id, body, actor),
    resume: (id: unknown, body: unknown, actor: Actor) => act('resume', id, body, actor),
    next: (id: unknown, body: unknown, actor: Actor) => act('next', id, body, actor),
    previous: (id: unknown, body: unknown, actor: Actor) => act('previous', id, body, actor),
    stop: (id: unknown, body: unknown, actor: Actor) => act('stop', id, body, actor),
    advanceDue,
  };
}

export type RundownsService = ReturnType<typeof createRundownsService>;
