import { Container } from 'pixi.js';
import type { LayerName } from '../../shared/index.js';
import type { Frames } from '../lib/frames.js';
import type { LayerGraphic, Made } from './graphics/kind.js';
import { Watermark } from './graphics/parts/Watermark.js';
import { makeGraphic } from './graphics/makers.js';
import type { Mirror } from './mirror.js';
import { LAYER_NAMES, resolveLayer, sameContent, type LayerContent, type OverlayState } from './state.js';
import { showsTest, watermarkText } from './watermark.js';

export type LayerCounts = Record<LayerName, number>;
const zeroCounts = (): LayerCounts => Object.fromEntries(LAYER_NAMES.map((l) => [l, 0])) as LayerCounts;


export interface SceneDeps {
  frames: Frames;
  mirror: Mirror;
}

interface Entry {
  content: LayerContent;
  made: Made<LayerContent>;
  /** Its in-animation has started (it is, or is becoming, visible). */
  shown: boolean;
}

/**
 * One layer: at most one current graphic, plus graphics still animating out. A replacement waits until the
 * previous graphic has left, so two graphics never overlap in the same place.
 */
class LayerSlot {
  readonly container = new Container();
  private current: Entry | null = null;
  /** Graphics animating out, with the content they still show. */
  private readonly leaving = new Map<LayerGraphic, LayerContent>();

  constructor(
    private readonly layer: LayerName,
    private readonly deps: SceneDeps,
    private readonly counts: { in: LayerCounts; out: LayerCounts },
    /** Called when what is on screen changed by itself (a graphic finished leaving, its successor came on). */
    private readonly onScreenChanged: () => void,
  ) {}

  get animating(): boolean {
    if (this.leaving.size > 0) return true;
    return this.current !== null && (!this.current.shown || this.current.made.comp.animating);
  }

  get graphic(): LayerGraphic | null {
    return this.current?.made.comp ?? null;
  }

  /** The contents on screen: the current graphic once shown, and any still leaving. */
  onScreen(): LayerContent[] {
    const out = [...this.leaving.values()];
    if (this.current?.shown) out.push(this.current.content);
    return out;
  }

  /** Shows `content`; false when it is what the layer already draws (nothing to render). */
  set(content: LayerContent | null): boolean {
    const cur = this.current;
    if (sameContent(cur?.content ?? null, content)) return false;
    if (cur && content && cur.content.key === content.key) {
      cur.content = content;
      cur.made.update(content);
      return true;
    }
    if (cur) this.retire(cur);
    this.current = null;
    if (content) {
      const made = this.create(content);
      this.current = { content, made, shown: false };
      this.container.addChild(made.comp);
      this.maybeShow();
    }
    this.refreshMirror();
    return true;
  }

  /**
   * Rebuilds the current graphic in the look now worn (a theme change), in place and at rest: it does not animate
   * in again and its numbers stand where they are. What is leaving finishes leaving as it was.
   */
  restyle(): boolean {
    const cur = this.current;
    if (!cur) return false;
    const old = cur.made.comp;
    const made = this.create(cur.content);
    cur.made = made;
    this.container.addChildAt(made.comp, this.container.getChildIndex(old));
    if (cur.shown) {
      if (made.comp.settle) made.comp.settle(old);
      else made.comp.show();
    }
    old.destroy();
    this.refreshMirror();
    return true;
  }

  private create(content: LayerContent): Made<LayerContent> {
    // Graphics report their text while constructing, before `made` is assigned: only a shown one is mirrored.
    let made: Made<LayerContent> | null = null;
    const deps = {
      frames: this.deps.frames,
      onText: (text: string) => {
        if (made && this.current?.made === made && this.current.shown) this.deps.mirror.set(this.layer, text);
      },
    };
    made = makeGraphic(deps, content);
    return made;
  }

  private retire(entry: Entry): void {
    const comp = entry.made.comp;
    if (!entry.shown) {
      comp.destroy();
      return;
    }
    this.leaving.set(comp, entry.content);
    this.counts.out[this.layer]++;
    void comp.hide().then(() => {
      this.leaving.delete(comp);
      comp.destroy();
      this.deps.frames.request();
      this.maybeShow();
      this.refreshMirror();
      this.onScreenChanged();
    });
  }

  private maybeShow(): void {
    const cur = this.current;
    if (!cur || cur.shown || this.leaving.size > 0) return;
    cur.shown = true;
    this.counts.in[this.layer]++;
    cur.made.comp.show();
  }

  private refreshMirror(): void {
    if (this.current?.shown) this.deps.mirror.set(this.layer, this.current.made.comp.text);
    else if (this.leaving.size === 0) this.deps.mirror.set(this.layer, null);
    // else: the leaving graphic is still on screen and its text stays mirrored until it has gone.
  }
}

/**
 * Draws an OverlayState: each layer's graphic is created, updated in place, or animated out and destroyed; the
 * TEST watermark stands over them while any of them shows a race fed rehearsal data.
 */
export class Scene extends Container {
  readonly inAnimations: LayerCounts = zeroCounts();
  readonly outAnimations: LayerCounts = zeroCounts();
  private readonly slots: Record<LayerName, LayerSlot>;
  private readonly frames: Frames;
  private readonly mirror: Mirror;
  private readonly watermark: Watermark;
  private watermarkOn = false;

  constructor(deps: SceneDeps) {
    super();
    this.frames = deps.frames;
    this.mirror = deps.mirror;
    const counts = { in: this.inAnimations, out: this.outAnimations };
    const changed = (): void => this.refreshWatermark();
    this.slots = Object.fromEntries(LAYER_NAMES.map((l) => [l, new LayerSlot(l, deps, counts, changed)])) as Record<LayerName, LayerSlot>;
    this.watermark = new Watermark({ frames: deps.frames, onText: () => {} });
    this.watermark.visible = false;
    // The layers are named back to front (a full-screen graphic, the ticker band, the lower third, alerts), then
    // the watermark stands on top of everything.
    for (const l of LAYER_NAMES) this.addChild(this.slots[l].container);
    this.addChild(this.watermark);
  }

  /** Draws `state`, asking for a frame only when a layer changed. */
  sync(state: OverlayState): void {
    let changed = false;
    for (const layer of LAYER_NAMES) changed = this.slots[layer].set(resolveLayer(state, layer)) || changed;
    this.refreshWatermark();
    if (changed) this.frames.request();
  }

  /** How many times the look changed under what was on screen. */
  restyles = 0;

  /** Redraws everything on screen in the look now worn (see `LayerSlot.restyle`), asking for a frame. */
  restyle(): void {
    this.restyles++;
    for (const layer of LAYER_NAMES) this.slots[layer].restyle();
    this.frames.request();
  }

  get animating(): boolean {
    return this.watermark.animating || LAYER_NAMES.some((l) => this.slots[l].animating);
  }

  /** CasparCG `next()`: every graphic on screen that steps through items (the ticker band) moves on. */
  next(): void {
    for (const l of LAYER_NAMES) this.slots[l].graphic?.next?.();
  }

  private refreshWatermark(): void {
    const on = showsTest(LAYER_NAMES.flatMap((l) => this.slots[l].onScreen()));
    if (on === this.watermarkOn) return;
    this.watermarkOn = on;
    const w = this.watermark;
    if (on) {
      w.visible = true;
      w.show();
      this.mirror.set('watermark', watermarkText);
      return;
    }
    void w.hide().then(() => {
      // Shown again meanwhile: it stays, and so does its mirror entry.
      if (this.watermarkOn) return;
      w.visible = false;
      this.mirror.set('watermark', null);
      this.frames.request();
    });
  }
}
