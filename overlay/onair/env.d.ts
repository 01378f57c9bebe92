import type { LayerCounts } from './scene.js';
import type { OverlayState } from './state.js';

/** Test and debugging handle on the overlay page. */
export interface LeadwireDebug {
  /** The state being drawn. */
  state(): OverlayState;
  /** True while any graphic is animating in, out, or rolling numbers. */
  animating(): boolean;
  /** In-animations started per layer since the page loaded. */
  readonly inAnimations: Readonly<LayerCounts>;
  /** Out-animations started per layer since the page loaded. */
  readonly outAnimations: Readonly<LayerCounts>;
  /** pixi renderer in use: "webgl", "webgpu" or "canvas". */
  readonly renderer: string;
  /** Frames rendered since the page loaded (the page renders only when something on it changes). */
  readonly framesRendered: number;
  /** True while the page is producing frames: something was requested or an animation runs. */
  readonly rendering: boolean;
  /** True while drawing is paused (document hidden, or paused by the embedding page). */
  readonly paused: boolean;
  /** The text of every visible text object on the stage, as drawn (rolling numbers included). */
  drawnText(): string[];
  /** Each visible text with the width it is drawn at, in 1920×1080 stage pixels. */
  drawnTextWidths(): [text: string, width: number][];
  /** How many times a new look was put on under graphics already drawn (0: drawn in the station's look from the start). */
  readonly restyles: number;
}

declare global {
  interface Window {
    leadwire?: LeadwireDebug;
    /** CasparCG template hooks (see hooks.ts); `stop()` is the DOM's own `Window.stop`, reassigned. */
    play?: () => void;
    next?: () => void;
    update?: (data: unknown) => void;
  }
  interface WindowEventMap {
    obsSourceVisibleChanged: CustomEvent<{ visible: boolean } | undefined>;
    obsSourceActiveChanged: CustomEvent<{ active: boolean } | undefined>;
  }
}
