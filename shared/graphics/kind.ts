/**
 * What a graphic kind is on the shared side: its body's schema, the layers it may go on, the ids it names (the
 * server checks they exist), what makes two bodies the same graphic, and its one line for the control panel.
 * A kind is a folder under `shared/graphics/`; `registry.ts` collects them.
 */
import type { z } from 'zod';
import type { LeadChange, RaceView } from '../schema/race.js';
import type { LayerName } from './layers.js';

/** The races and lead changes a graphic names: each must exist when it is cued or aired. */
export interface GraphicRefs {
  raceIds: readonly string[];
  leadChangeIds: readonly string[];
}

/** What a description may look up (the control panel's state, or a server's). */
export interface GraphicLookup {
  race(id: string): RaceView | undefined;
  leadChange(id: string): LeadChange | undefined;
}

/** A graphic body: a strict object whose `type` is its kind's literal. */
export type GraphicSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

export interface GraphicKind<S extends GraphicSchema = GraphicSchema> {
  /** The body's `type`. */
  readonly type: z.infer<S>['type'];
  readonly schema: S;
  /** The layers it may go on (at least one). */
  readonly layers: readonly [LayerName, ...LayerName[]];
  refs(g: z.infer<S>): GraphicRefs;
  /**
   * Two bodies with the same identity show the same graphic (control-panel "on program", an alert's banner
   * still showing). Leaves out what changes how it runs but not what it is (the ticker's `paused`).
   */
  identity(g: z.infer<S>): string;
  /** One line for the control panel: "Georgia President", "Lead change: Georgia President → Biden". */
  describe(g: z.infer<S>, lookup: GraphicLookup): string;
}

/** Declares a kind; the type parameter keeps its schema's exact body type. */
export const defineGraphic = <S extends GraphicSchema>(kind: Omit<GraphicKind<S>, 'type'>): GraphicKind<S> => ({
  ...kind,
  type: kind.schema.shape.type.value as z.infer<S>['type'],
});

export const NO_REFS: GraphicRefs = Object.freeze({ raceIds: [], leadChangeIds: [] });
export const raceRefs = (raceIds: readonly string[]): GraphicRefs => ({ raceIds, leadChangeIds: [] });
