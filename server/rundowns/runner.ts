import type { GraphicsState } from '../../shared/index.js';
import { CHANNELS, isDue, runsOf } from '../../shared/domain/rundown.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { RundownsService } from '../services/rundowns.js';
import type { Store } from '../store/store.js';

/** Every how many timer looks one reads the store rather than the changes heard. */
const FRESH_EVERY = 20;

export interface RundownRunnerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  rundowns: Pick<RundownsService, 'advanceDue'>;
  /**
   * How often the runner looks, by the injected clock, whether a run's item is due (a look costs nothing while none
   * is: the runs are known from the store's changes). 0: never by itself, only when `tick()` is called.
   * @default 250
   */
  pollMs?: number;
}

/**
 * Moves started rundowns on when their items' dwell is over. Every instance runs one: each follows the runs through
 * the store's changes and, when one is due, asks the store to advance it. The advance is worked out from the
 * stored run inside one compare-and-set of the graphics state, so when two instances see it due at once only one
 * moves it on; the other finds it no longer due. After a restart the run is read from the store and its item ends
 * when its stored `itemStartedAt` says.
 */
export function createRundownRunner(d: RundownRunnerDeps) {
  let known: GraphicsState | null = null;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  const log = d.logger.child({ component: 'rundowns' });

  const stopFollowing = d.store.subscribe((change) => {
    if (change.type === 'graphics' && (!known || change.state.revision >= known.revision)) known = change.state;
    // Changes may have been missed: read the store on the next look.
    if (change.type === 'resync') known = null;
  });

  const due = (s: GraphicsState, now: Date) => CHANNELS.some((c) => {
    const run = runsOf(s)[c];
    return run !== null && isDue(run, now);
  });

  /** `fresh`: read the store rather than trust what its changes said so far (they may still be on their way). */
  async function look(fresh: boolean): Promise<void> {
    if (fresh || !known) known = await d.store.getGraphics();
    if (!due(known, d.clock.now())) return;
    const after = await d.rundowns.advanceDue();
    if (!known || after.revision >= known.revision) known = after;
  }

  /** Looks once (after any look under way), advancing what is due; rejects when the store cannot be reached. */
  function tick(fresh = true): Promise<void> {
    pending += 1;
    const p = chain.then(() => look(fresh)).finally(() => (pending -= 1));
    chain = p.catch(() => {});
    return p;
  }

  let looks = 0;
  function onTimer() {
    if (pending > 0) return;
    // Now and then a look reads the store itself, in case a change never arrived.
    tick(++looks % FRESH_EVERY === 0).then(
      () => {
        if (failing) log.info('rundowns advance again');
        failing = false;
      },
      (err: unknown) => {
        known = null;
        if (!failing) log.warn({ err }, 'could not advance a rundown; trying again');
        failing = true;
      },
    );
  }

  return {
    tick,
    /** Starts looking every `pollMs`. */
    start() {
      const every = d.pollMs ?? 250;
      if (every > 0 && !timer) timer = setInterval(onTimer, every);
    },
    async close() {
      clearInterval(timer);
      timer = undefined;
      stopFollowing();
      await chain;
    },
  };
}

export type RundownRunner = ReturnType<typeof createRundownRunner>;
