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
