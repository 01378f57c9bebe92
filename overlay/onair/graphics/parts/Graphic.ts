import { Container, type DestroyOptions } from 'pixi.js';
import type { Frames } from '../../../lib/frames.js';
import { Tweens } from '../../../lib/tween.js';

export interface GraphicDeps {
  /** The clock and the frames: a change drawn without a tween asks for a frame itself. */
  frames: Frames;
  /** Called with the graphic's drawn text whenever it changes (the DOM mirror). */
  onText: (text: string) => void;
}

/**
 * One on-air graphic. `show()` animates in, `hide()` animates out and resolves when off screen,
 * `update(data)` changes values in place, `destroy()` (safe twice) stops its tweens and ticker hooks.
 */
export abstract class Graphic<D> extends Container {
  protected readonly tweens: Tweens;
  protected readonly frames: Frames;
  private readonly onText: (text: string) => void;
  private lastText = '';

  constructor(deps: GraphicDeps) {
    super();
    this.frames = deps.frames;
    this.onText = deps.onText;
    this.tweens = new Tweens(deps.frames);
  }

  abstract show(): void;
  abstract hide(): Promise<void>;
  abstract update(data: D): void;

  /** Everything this graphic draws, as text. */
  get text(): string {
    return this.lastText;
  }

  /** True while any tween of this graphic runs. */
  get animating(): boolean {
    return !this.destroyed && this.tweens.active;
  }

  protected setText(text: string): void {
    if (text === this.lastText) return;
    this.lastText = text;
    this.onText(text);
  }

  override destroy(options?: DestroyOptions): void {
    if (this.destroyed) return;
    this.tweens.destroy();
    this.onDestroy();
    super.destroy(options ?? { children: true });
  }

  /** Subclasses remove their own timers and listeners here. */
  protected onDestroy(): void {}
}
