import { graphicsEvent, type Actor, type Channel, type EventDraft, type GraphicsAction, type GraphicsState, type LayerName } from '../../shared/index.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';

/** One rundown step of a channel, worked out from the stored state: the state after it and its `rundown` event. */
export interface RunStep {
  state: GraphicsState;
  channel: Channel;
  event: EventDraft;
}

const LAYERS: readonly LayerName[] = ['fullscreen', 'ticker', 'lowerThird', 'alert'];

/**
 * What a step did to a channel's layers, as a graphics event would say it: a graphic put up (`air` on program, `cue`
 * on preview) or a layer cleared; null when no layer changed (a pause, say).
 */
export function layerAction(before: GraphicsState, after: GraphicsState, channel: Channel): GraphicsAction | null {
  const changed = LAYERS.filter((l) => JSON.stringify(before[channel][l]) !== JSON.stringify(after[channel][l]));
  if (changed.length === 0) return null;
  const put = changed.find((l) => after[channel][l] !== null);
  if (put) return { action: channel === 'program' ? 'air' : 'cue', layer: put, channel };
  return { action: 'clear', layer: changed[0]!, channel };
}

/**
 * Commits a rundown step as one compare-and-set of the graphics state, retried from what is stored: the step is
 * worked out again on each attempt (null: nothing to do), and its graphics event (when layers changed) and its
 * `rundown` event are logged in the same commit. What `step` throws passes through.
 */
export function applyStep(
  store: Store,
  clock: Clock,
  actor: Actor,
  step: (s: GraphicsState, now: Date) => RunStep | null,
): Promise<GraphicsState> {
  let log: EventDraft[] = [];
  return store.updateGraphics(
    (s) => {
      const out = step(s, clock.now());
      if (!out || out.state === s) return s;
      const what = layerAction(s, out.state, out.channel);
      log = [...(what ? [graphicsEvent(out.state, what)] : []), out.event];
      return out.state;
    },
    { action: 'set' },
    actor,
    () => log,
  );
}
