import { graphicsEvent, type Actor, type GraphicsAction, type GraphicsState } from '../../shared/index.js';
import { endedRunEvents, stopByHand } from '../../shared/domain/rundown.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';

/**
 * A producer's own cue, take, clear or air as one graphics change that also stops the rundown airing that layer of
 * that channel (and logs so, in the same commit): a rundown and a hand on the same layer never fight.
 */
export function byHand(store: Store, clock: Clock) {
  return (change: (s: GraphicsState) => GraphicsState, what: GraphicsAction, actor: Actor): Promise<GraphicsState> =>
    store.updateGraphics(
      (s) => {
        const next = change(s);
        if (next === s || !what.layer || !what.channel) return next;
        const reason = what.action === 'clear' ? 'clear' : 'take';
        // The change already raised the revision: stopping the run is part of the same step.
        const stopped = stopByHand(next, what.channel, what.layer, reason, clock.now());
        return stopped === next ? next : { ...stopped, revision: next.revision };
      },
      what,
      actor,
      (next, current) => [graphicsEvent(next, what), ...endedRunEvents(current, next)],
    );
}
