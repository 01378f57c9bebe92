import { Container } from 'pixi.js';
import type { LayerName } from '../../shared/index.js';
import type { Frames } from '../lib/frames.js';
import { LeadChangeAlert } from './graphics/LeadChangeAlert.js';
import { LowerThird } from './graphics/LowerThird.js';
import { TickerBand } from './graphics/TickerBand.js';
import type { Mirror } from './mirror.js';
import { LAYER_NAMES, resolveLayer, sameContent, type LayerContent, type OverlayState } from './state.js';

type AnyGraphic = LowerThird | LeadChangeAlert | TickerBand;

export type LayerCounts = Record<LayerName, number>;

export interface SceneDeps {
  frames: Frames;
  mirror: Mirror;
}

interface Entry {
  content: LayerContent;
  comp: AnyGraphic;
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
  private readonly leaving = new Set<AnyGraphic>();

  constructor(
    private readonly layer: LayerName,
    private readonly deps: SceneDeps,
    private readonly counts: { in: LayerCounts; out: LayerCounts },
  ) {}

  get animating(): boolean {
    if (this.leaving.size > 0) return true;
    return this.current !== null && (!this.current.shown || this.current.comp.animating);
  }

  get graphic(): AnyGraphic | null {
    return this.current?.comp ?? null;
  }

  /** Shows `content`; false when it is what the layer already draws (nothing to render). */
  set(content: LayerContent | null): boolean {
    const cur = this.current;
    if (sameContent(cur?.content ?? null, content)) return false;
    if (cur && content && cur.content.key === content.key) {
      cur.content = content;
      update(cur.comp, content);
      return true;
    }
    if (cur) this.retire(cur);
    this.current = null;
    if (content) {
      const comp = this.create(content);
      this.current = { content, comp, shown: false };
      this.container.addChild(comp);
      this.maybeShow();
    }
    this.refreshMirror();
    return true;
  }

  private create(content: LayerContent): AnyGraphic {
    // Graphics report their text while constructing, before `made` is assigned: only a shown one is mirrored.
    let made: AnyGraphic | null = null;
    const deps = {
      frames: this.deps.frames,
      onText: (text: string) => {
        if (made && this.current?.comp === made && this.current.shown) this.deps.mirror.set(this.layer, text);
      },
    };
    made =
      content.kind === 'race'
        ? new LowerThird(deps, content.race)
        : content.kind === 'leadChange'
          ? new LeadChangeAlert(deps, { leadChange: content.leadChange, race: content.race })
          : new TickerBand(deps, content.races);
    return made;
  }

  private retire(entry: Entry): void {
    if (!entry.shown) {
      entry.comp.destroy();
      return;
    }
    const comp = entry.comp;
    this.leaving.add(comp);
    this.counts.out[this.layer]++;
    void comp.hide().then(() => {
      this.leaving.delete(comp);
      comp.destroy();
      this.deps.frames.request();
      this.maybeShow();
      this.refreshMirror();
    });
  }

  private maybeShow(): void {
    const cur = this.current;
    if (!cur || cur.shown || this.leaving.size > 0) return;
    cur.shown = true;
    this.counts.in[this.layer]++;
    cur.comp.show();
  }

  private refreshMirror(): void {
    if (this.current?.shown) this.deps.mirror.set(this.layer, this.current.comp.text);
    else if (this.leaving.size === 0) this.deps.mirror.set(this.layer, null);
    // else: the leaving graphic is still on screen and its text stays mirrored until it has gone.
  }
}

function update(comp: AnyGraphic, content: LayerContent): void {
  if (content.kind === 'race' && comp instanceof LowerThird) comp.update(content.race);
  else if (content.kind === 'leadChange' && comp instanceof LeadChangeAlert)
    comp.update({ leadChange: content.leadChange, race: content.race });
  else if (content.kind === 'ticker' && comp instanceof TickerBand) comp.update(content.races);
}

/** Draws an OverlayState: each layer's graphic is created, updated in place, or animated out and destroyed. */
export class Scene extends Container {
  readonly inAnimations: LayerCounts = { lowerThird: 0, alert: 0, ticker: 0 };
  readonly outAnimations: LayerCounts = { lowerThird: 0, alert: 0, ticker: 0 };
  private readonly slots: Record<LayerName, LayerSlot>;
  private readonly frames: Frames;

  constructor(deps: SceneDeps) {
    super();
    this.frames = deps.frames;
    const counts = { in: this.inAnimations, out: this.outAnimations };
    this.slots = {
      lowerThird: new LayerSlot('lowerThird', deps, counts),
      alert: new LayerSlot('alert', deps, counts),
      ticker: new LayerSlot('ticker', deps, counts),
    };
    // Back to front: the ticker band, the lower third above it, alerts on top.
    this.addChild(this.slots.ticker.container, this.slots.lowerThird.container, this.slots.alert.container);
  }

  /** Draws `state`, asking for a frame only when a layer changed. */
  sync(state: OverlayState): void {
    let changed = false;
    for (const layer of LAYER_NAMES) changed = this.slots[layer].set(resolveLayer(state, layer)) || changed;
    if (changed) this.frames.request();
  }

  get animating(): boolean {
    return LAYER_NAMES.some((l) => this.slots[l].animating);
  }

  /** Advances the ticker band, if one is on. */
  next(): void {
    const g = this.slots.ticker.graphic;
    if (g instanceof TickerBand) g.next();
  }
}
