import { Easing, Group, Tween } from '@tweenjs/tween.js';
import type { Ticker } from 'pixi.js';
import type { Frames } from './frames.js';

/** Maps linear progress 0..1 to eased progress. */
export type Ease = (t: number) => number;

export const linear: Ease = Easing.Linear.None;
export const easeOutCubic: Ease = Easing.Cubic.Out;
export const easeInCubic: Ease = Easing.Cubic.In;
export const easeInOutCubic: Ease = Easing.Cubic.InOut;
export const easeOutBack: Ease = Easing.Back.Out;

type NumericKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

export interface TweenOptions {
  /** @default 400 */
  duration?: number;
  /** @default 0 */
  delay?: number;
  /** @default easeOutCubic */
  ease?: Ease;
  /** Called after every step with the eased progress, e.g. to redraw a rolling number. */
  onUpdate?: (progress: number) => void;
}

interface Job {
  target: object;
  keys: string[];
  tween: Tween;
}

/**
 * tween.js animations driven by one pixi Ticker hook. While any tween runs it holds frames (the overlay
 * renders on demand) and releases them when the last one ends. Each graphic owns one; `destroy()` removes
 * the hook, releases its frames and settles every pending promise (as not completed), so nothing awaits
 * forever.
 */
export class Tweens {
  private readonly group = new Group();
  private readonly jobs = new Set<Job>();
  /** The group's clock: advanced by the ticker's deltaMS so animations follow the pixi ticker (speed, pauses). */
  private clock = 0;
  private release: (() => void) | null = null;
  private dead = false;

  constructor(private readonly frames: Frames) {}

  /** True while any tween is running or waiting for its delay. */
  get active(): boolean {
    return this.jobs.size > 0;
  }

  /**
   * Tweens numeric properties of `target` to the given values, from their current values. A running tween of
   * the same target sharing any of these properties is killed first (whole, as tween.js cannot drop one
   * property). Resolves true when it completes, false when killed, destroyed, or its target is destroyed.
   */
  to<T extends object>(target: T, props: Partial<Record<NumericKeys<T>, number>>, opts: TweenOptions = {}): Promise<boolean> {
    if (this.dead) return Promise.resolve(false);
    const keys = Object.keys(props);
    this.killWhere((j) => j.target === target && j.keys.some((k) => keys.includes(k)));
    const ease = opts.ease ?? easeOutCubic;
    const onUpdate = opts.onUpdate;
    return new Promise<boolean>((resolve) => {
      const tween = new Tween(target as Record<string, number>)
        .to(props, Math.max(1, opts.duration ?? 400))
        .delay(opts.delay ?? 0)
        .easing(ease);
      const job: Job = { target, keys, tween };
      const settle = (completed: boolean): void => {
        this.group.remove(tween);
        this.jobs.delete(job);
        if (this.jobs.size === 0) this.unhook();
        resolve(completed);
      };
      // tween.js hands onUpdate the linear progress; callers want it eased, as the properties are.
      if (onUpdate) tween.onUpdate((_, progress) => onUpdate(ease(progress)));
      tween
        .onComplete(() => {
          // Land exactly on the target: start + (end - start) * 1 can be off by a rounding error.
          Object.assign(target, props);
          settle(true);
        })
        .onStop(() => settle(false));
      this.jobs.add(job);
      this.group.add(tween);
      tween.start(this.clock);
      this.hook();
    });
  }

  /** Waits `ms` on the ticker clock (killed by `killAll`). */
  wait(ms: number): Promise<boolean> {
    return this.to({ v: 0 }, { v: 1 }, { duration: ms, ease: linear });
  }

  /** Stops every tween of `target` where it is. */
  kill(target: object): void {
    this.killWhere((j) => j.target === target);
  }

  /** Stops the tweens of `target` that move any of `keys`, where they are; its other tweens run on. */
  killKeys(target: object, keys: readonly string[]): void {
    this.killWhere((j) => j.target === target && j.keys.some((k) => keys.includes(k)));
  }

  /**
   * Ends every tween at once on its end values, as if it had run its course (each resolves true). A graphic coming
   * on uses it: what changed while it waited to come on (a rolling number, a row moving, a row fading in) stands
   * where it was going, never frozen half-way.
   */
  finishAll(): void {
    // end() settles synchronously (onComplete), which edits `jobs`: iterate over a copy.
    for (const j of [...this.jobs]) j.tween.end();
  }

  /** Stops everything where it is. */
  killAll(): void {
    this.killWhere(() => true);
  }

  destroy(): void {
    if (this.dead) return;
    this.killAll();
    this.unhook();
    this.dead = true;
  }

  private killWhere(pred: (j: Job) => boolean): void {
    // stop() settles synchronously (onStop), which edits `jobs`: iterate over a copy.
    for (const j of [...this.jobs]) if (pred(j)) j.tween.stop();
  }

  private tick(ticker: Ticker): void {
    // A display object destroyed mid-tween must not be touched again (its transform is gone).
    this.killWhere((j) => Reflect.get(j.target, 'destroyed') === true);
    this.clock += ticker.deltaMS;
    this.group.update(this.clock);
  }

  private hook(): void {
    if (this.release || this.dead) return;
    this.frames.ticker.add(this.tick, this);
    this.release = this.frames.hold();
  }

  private unhook(): void {
    if (!this.release) return;
    this.frames.ticker.remove(this.tick, this);
    const release = this.release;
    this.release = null;
    release();
  }
}
