/**
 * Rundowns (contract "Graphics (v2)"): a named list of graphics, each for its dwell on its layer, that a producer
 * starts on a channel. The definition is stored on its own; the run (which item is up, since when, held or not)
 * is stored inside the graphics state, so that a rundown's advance and a producer's take on the same layer are one
 * compare-and-set and can never fight.
 */
import { z } from 'zod';
import { Graphic, LAYER_GRAPHIC, LAYER_RULE } from '../graphics/registry.js';
import { LayerName } from '../graphics/layers.js';
import { Instant, Slug } from './ids.js';

/** How long an item stands when it does not say. */
export const RUNDOWN_DWELL_SECONDS = 8;
export const RUNDOWN_MAX_ITEMS = 100;

export const RundownItem = z
  .strictObject({
    layer: LayerName,
    graphic: Graphic,
    dwellSeconds: z.number().min(2).max(3600).optional(),
  })
  .refine((c) => LAYER_GRAPHIC[c.layer].includes(c.graphic.type), {
    message: `this graphic type does not go on this layer (${LAYER_RULE})`,
    path: ['graphic', 'type'],
  });
export type RundownItem = z.infer<typeof RundownItem>;

/** Body of `PUT /api/rundowns/:id`. */
export const RundownBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  items: z.array(RundownItem).min(1).max(RUNDOWN_MAX_ITEMS),
  loop: z.boolean().default(false),
  /** Skip items whose races have no votes yet (all of a graphic's races awaiting). */
  skipAwaiting: z.boolean().default(false),
});
export type RundownBody = z.infer<typeof RundownBody>;

/** A stored rundown, as `GET /api/rundowns` lists it. */
export const Rundown = RundownBody.extend({ id: Slug, updatedAt: Instant });
export type Rundown = z.infer<typeof Rundown>;

/** Why a run ended. `take` / `clear`: a producer's own take or clear on the layer it was airing. */
export const RundownStopReason = z.enum(['stop', 'end', 'take', 'clear', 'deleted']);
export type RundownStopReason = z.infer<typeof RundownStopReason>;

/**
 * A started rundown on one channel. `itemStartedAt` is when the item on air went up, moved on by the time it was
 * held, so its dwell always ends at `itemStartedAt + dwell` (while running).
 */
export const RundownRun = z.object({
  rundownId: Slug,
  /** The item on air (an index into the rundown's items as they were when the run started). */
  index: z.number().int().min(0),
  itemStartedAt: Instant,
  /** Held since (Pause); null while running. */
  pausedAt: Instant.nullable(),
  /** The rundown's items as started: editing the stored rundown does not change a run under way. */
  items: z.array(RundownItem),
  loop: z.boolean(),
  skipAwaiting: z.boolean(),
  name: z.string(),
});
export type RundownRun = z.infer<typeof RundownRun>;

/** Body of `POST /api/rundowns/:id/start`. */
export const RundownStartCommand = z.strictObject({ channel: z.enum(['program', 'preview']).default('program') });
export type RundownStartCommand = z.infer<typeof RundownStartCommand>;

/**
 * Body of `pause` · `resume` · `next` · `previous` · `stop` (optional): which channel's run of this rundown.
 * Without it, the channel running this rundown (program when both are).
 */
export const RundownControlCommand = z.strictObject({ channel: z.enum(['program', 'preview']).optional() });
export type RundownControlCommand = z.infer<typeof RundownControlCommand>;

/** How a channel's last run ended: kept beside the runs until that channel starts another. */
export const RundownStopped = z.object({
  reason: RundownStopReason,
  /** A sentence for the producer: "Stopped by a take on the lower third". */
  message: z.string(),
  at: Instant,
  rundownId: Slug.optional(),
});
export type RundownStopped = z.infer<typeof RundownStopped>;

/**
 * Each channel's run, kept inside the graphics state (`GraphicsState.runs`; absent in a state stored before it,
 * which reads as no run anywhere), with how each channel's last run ended.
 */
export const RundownRuns = z.object({
  program: RundownRun.nullable().default(null),
  preview: RundownRun.nullable().default(null),
  stopped: z
    .object({ program: RundownStopped.nullable().default(null), preview: RundownStopped.nullable().default(null) })
    .optional(),
});
export type RundownRuns = z.infer<typeof RundownRuns>;

/**
 * The `rundown` push (both namespaces) and each entry of the control snapshot's `rundowns.runs`: a channel's run
 * now, with what comes next and when, or null with why it ended.
 */
export const RundownStatus = z.object({
  channel: z.enum(['program', 'preview']),
  run: RundownRun.nullable(),
  /** The index that airs after this one (null: the run ends after it). */
  nextIndex: z.number().int().min(0).nullable(),
  /** When the item on air gives way (null while held or stopped). */
  endsAt: Instant.nullable(),
  /** Set when a run just ended: why, and a sentence for the producer ("Stopped by a take on the lower third"). */
  stopped: RundownStopped.optional(),
});
export type RundownStatus = z.infer<typeof RundownStatus>;
