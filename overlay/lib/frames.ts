import { Ticker, UPDATE_PRIORITY, type Application } from 'pixi.js';

/**
 * How anything on the overlay asks to be drawn. A change that is drawn once (a new number, a resize) calls
 * `request()`; an animation holds frames for as long as it runs and releases them when done.
 */
export interface Frames {
  /** The clock animations step on. It runs only while frames are wanted. */
  readonly ticker: Ticker;
  /** Draws one frame soon; requests before that frame share it. */
  request(): void;
  /** Draws every display frame until the returned release is called (safe to call twice). */
  hold(): () => void;
}

/**
 * Render on demand on top of a pixi Ticker that is never started by itself (`Application` with
 * `autoStart: false`): the ticker runs while a frame is requested or held, its last listener draws, and
 * then it stops when nothing wants another frame. The page costs nothing between changes.
 *
 * Paused (an embedding page has scrolled the monitor away, the document is hidden), the ticker still steps
 * what is held, so animations finish and settle their promises, but nothing is drawn; resuming draws the
 * current scene once.
 */
export class RenderOnDemand implements Frames {
  private readonly holds = new Set<object>();
  private wanted = false;
  private paused = false;
  private dead = false;

  constructor(
    readonly ticker: Ticker,
    private readonly draw: () => void,
  ) {
    // Behind every other listener (tweens, the renderer's own hooks), so a frame shows this tick's changes.
    ticker.add(this.frame, this, UPDATE_PRIORITY.UTILITY);
  }

  /** True while frames are being produced (requested, held, or finishing the last one). */
  get running(): boolean {
    return this.ticker.started;
  }

  /** How many holds are open (each running animation keeps one). */
  get holding(): number {
    return this.holds.size;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  request(): void {
    if (this.dead) return;
    this.wanted = true;
    this.ticker.start();
  }

  hold(): () => void {
    if (this.dead) return () => {};
    const token = {};
    this.holds.add(token);
    this.ticker.start();
    return () => {
      if (!this.holds.delete(token)) return;
      // The step that ended the animation still has to be drawn.
      this.request();
    };
  }

  /** Stops or resumes drawing; what is held keeps stepping either way. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) this.request();
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.holds.clear();
    this.ticker.remove(this.frame, this);
    this.ticker.stop();
  }

  private frame(): void {
    const draw = this.wanted || this.holds.size > 0;
    this.wanted = false;
    if (draw && !this.paused) this.draw();
    // A request made while drawing (wanted again) keeps the ticker for one more frame.
    if (this.holds.size === 0 && !this.wanted) this.ticker.stop();
  }
}

/**
 * Turns an Application initialised with `autoStart: false` over to render on demand: the ticker plugin's own
 * render-every-tick hook is removed, and pixi's system ticker (its scheduler times texture GC), which would
 * run a frame loop of its own for ever, steps with the frames rendered instead. `rendered()` counts frames
 * (the renderer's postrender runner).
 */
export function renderOnDemand(app: Application): { frames: RenderOnDemand; rendered: () => number } {
  app.ticker.remove(app.render, app);
  const frames = new RenderOnDemand(app.ticker, () => app.render());
  Ticker.system.autoStart = false;
  Ticker.system.stop();
  app.ticker.add(() => Ticker.system.update(), undefined, UPDATE_PRIORITY.HIGH);
  // A GPU reset (the driver, the capture software's encoder) loses the canvas's context and pixi restores it: the
  // canvas is blank until the next frame, and at rest nothing else would ask for one.
  app.renderer.runners.contextChange.add({ contextChange: () => frames.request() });
  let count = 0;
  app.renderer.runners.postrender.add({ postrender: () => void count++ });
  return { frames, rendered: () => count };
}
