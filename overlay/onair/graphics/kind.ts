/**
 * What a graphic kind is on the on-air page, in two halves: `content.ts`, pure — its resolver (the state pushed by the
 * server → what to draw, or null while its data has not arrived), the races it draws (the TEST watermark) and its
 * mirror text; and `index.ts`, its pixi component's maker. A kind is a folder under `graphics/`; `registry.ts`
 * collects the pure halves (read by the state) and `makers.ts` the makers (read by the scene).
 */
import type { Container } from 'pixi.js';
import type { Graphic, LayerName, LeadChange, RaceView } from '../../../shared/index.js';
import type { GraphicDeps } from './parts/Graphic.js';

/** What a resolver reads: everything the server has pushed. */
export interface Sources {
  races: Readonly<Record<string, RaceView>>;
  leadChanges: Readonly<Record<string, LeadChange>>;
}

/** Drawable content. `key` names the graphic on its layer: the same key → updated in place, another → replaced. */
export interface ContentBase {
  kind: string;
  key: string;
}

/** What the scene needs of a graphic on a layer. */
export interface LayerGraphic extends Container {
  show(): void;
  hide(): Promise<void>;
  readonly text: string;
  readonly animating: boolean;
  /** CasparCG `next()`: graphics that step through items (the ticker) move on. */
  next?(): void;
  /**
   * Comes on at rest, where `show()` would leave it, without animating: it replaces `from`, the same content in the
   * look before (a restyle). A graphic without it is shown as usual.
   */
  settle?(from: LayerGraphic): void;
}

/** A component made for a content, with the update that feeds it a newer content of the same key. */
export interface Made<C> {
  comp: LayerGraphic;
  update(content: C): void;
}

/** The pure half of a kind (no pixi: the state and its tests load it in node). */
export interface ContentKind<G extends Graphic, C extends ContentBase> {
  /**
   * The content of `g` on `layer`, or null when it cannot be drawn yet (a graphic is never drawn half-known: it
   * appears once its races or lead change arrive) or no longer (a withdrawn call).
   */
  resolve(g: G, s: Sources, layer: LayerName): C | null;
  /** Every race the content draws. */
  races(c: C): readonly RaceView[];
  /**
   * True when the content's own data is rehearsal data whatever its races are now: a lead change detected in test
   * batches stays one after its race has gone live. @default false
   */
  rehearsal?(c: C): boolean;
  /** The mirror text it reads as it comes on (the component reports later changes itself). */
  text(c: C): string;
}

/** The drawing half of a kind: builds its pixi component for a content. */
export type Maker<C> = (deps: GraphicDeps, c: C) => Made<C>;

/** Declares a kind's pure half; the parameters keep its exact body and content types. */
export const defineContent = <G extends Graphic, C extends ContentBase>(kind: ContentKind<G, C>): ContentKind<G, C> => kind;
