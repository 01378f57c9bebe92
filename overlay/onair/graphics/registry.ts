/**
 * Every graphic kind the on-air page draws, by type: the pure halves (resolve, races, mirror text). The shared
 * registry lists the kinds; this one must have an entry for each (a kind without one does not compile). The state
 * and the watermark read this; the scene makes components through `makers.ts`.
 */
import type { Graphic, GraphicOf, GraphicType, LayerName, RaceView } from '../../../shared/index.js';
import { balanceKind } from './balance/content.js';
import { boardKind } from './board/content.js';
import { callKind } from './call/content.js';
import type { ContentBase, ContentKind, Sources } from './kind.js';
import { keyRacesKind } from './keyRaces/content.js';
import { leadChangeKind } from './leadChange/content.js';
import { raceKind } from './race/content.js';
import { tickerKind } from './ticker/content.js';

export const CONTENT_KINDS = {
  race: raceKind,
  leadChange: leadChangeKind,
  ticker: tickerKind,
  call: callKind,
  board: boardKind,
  keyRaces: keyRacesKind,
  balance: balanceKind,
} satisfies { [T in GraphicType]: ContentKind<GraphicOf<T>, ContentBase> };

type Kinds = typeof CONTENT_KINDS;
/** What one layer shows, with everything needed to draw it: the content of one of the kinds. */
export type LayerContent = { [T in GraphicType]: Kinds[T] extends ContentKind<GraphicOf<T>, infer C> ? C : never }[GraphicType];
/** The content of one kind. */
export type ContentOf<T extends GraphicType> = Extract<LayerContent, { kind: T }>;

/** A kind with its types widened to the union: each is only ever called with its own graphic or content. */
const kindFor = (type: string): ContentKind<Graphic, LayerContent> =>
  CONTENT_KINDS[type as GraphicType] as unknown as ContentKind<Graphic, LayerContent>;

export const resolveGraphic = (g: Graphic, s: Sources, layer: LayerName): LayerContent | null => kindFor(g.type).resolve(g, s, layer);
export const racesOf = (c: LayerContent): readonly RaceView[] => kindFor(c.kind).races(c);
export const rehearsalOf = (c: LayerContent): boolean => kindFor(c.kind).rehearsal?.(c) ?? false;
export const contentText = (c: LayerContent): string => kindFor(c.kind).text(c);

/**
 * True when two contents draw the same thing: the same key, fed the same objects field by field (state updates keep
 * the objects they do not change, so an unrelated race's push leaves a layer's content the same; a list is the
 * same when its items are).
 */
export function sameContent(a: LayerContent | null, b: LayerContent | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.key !== b.key || a.kind !== b.kind) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x: unknown = Reflect.get(a, k);
    const y: unknown = Reflect.get(b, k);
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
  }
  return true;
}
