/**
 * Every graphic kind, collected: the `Graphic` union, which kinds go on which layer, and the generic operations
 * the server and the control panel need (refs to check, identity, a description). Adding a kind means adding its
 * folder and one entry in `GRAPHIC_KINDS`; nothing else switches on `type`.
 */
import { z } from 'zod';
import { balance } from './balance/index.js';
import { board } from './board/index.js';
import { call } from './call/index.js';
import type { GraphicKind, GraphicLookup, GraphicRefs } from './kind.js';
import { LayerName } from './layers.js';
import { keyRaces } from './keyRaces/index.js';
import { leadChange } from './leadChange/index.js';
import { race } from './race/index.js';
import { ticker } from './ticker/index.js';

/** The kinds, in the order the control panel lists them. */
export const GRAPHIC_KINDS = [race, leadChange, ticker, call, board, keyRaces, balance] as const;

/** The kinds' schemas as a tuple type (a mapped type keeps a tuple only over a type parameter). */
type SchemasOf<T extends readonly { schema: unknown }[]> = { -readonly [I in keyof T]: T[I]['schema'] };

export const Graphic = z.discriminatedUnion('type', GRAPHIC_KINDS.map((k) => k.schema) as unknown as SchemasOf<typeof GRAPHIC_KINDS>);
export type Graphic = z.infer<typeof Graphic>;
export type GraphicType = Graphic['type'];
/** The body of one kind: `GraphicOf<'race'>` = `{ type: 'race', raceId }`. */
export type GraphicOf<T extends GraphicType> = Extract<Graphic, { type: T }>;

const BY_TYPE = new Map<string, GraphicKind>(GRAPHIC_KINDS.map((k) => [k.type, k as unknown as GraphicKind]));

/** The kind of a body (every parsed `Graphic` has one). */
export function kindOf(g: Graphic): GraphicKind {
  const k = BY_TYPE.get(g.type);
  if (!k) throw new Error(`no graphic kind "${g.type}"`);
  return k;
}

/** Which graphic types each layer carries, from the kinds' own lists. */
export const LAYER_GRAPHIC: Readonly<Record<LayerName, readonly GraphicType[]>> = Object.freeze(
  Object.fromEntries(
    LayerName.options.map((layer) => [layer, GRAPHIC_KINDS.filter((k) => (k.layers as readonly LayerName[]).includes(layer)).map((k) => k.type)]),
  ) as Record<LayerName, GraphicType[]>,
);

/** "lowerThird: race, alert: leadChange or call, ticker: ticker": the rule, as a refusal names it. */
export const LAYER_RULE = LayerName.options
  .map((layer) => `${layer}: ${LAYER_GRAPHIC[layer].join(' or ')}`)
  .join(', ');

/** The races and lead changes a graphic names. */
export const refsOf = (g: Graphic): GraphicRefs => kindOf(g).refs(g);

/** What makes a graphic itself: its type and its kind's identity. */
export const graphicIdentity = (g: Graphic): string => `${g.type}:${kindOf(g).identity(g)}`;

/** The control panel's one line for a graphic; "—" for an empty layer. */
export const describeGraphic = (g: Graphic | null, lookup: GraphicLookup): string => (g ? kindOf(g).describe(g, lookup) : '—');
