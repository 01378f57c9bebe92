import type { Ticker } from 'pixi.js';

/** Maps linear progress 0..1 to eased progress. */
export type Ease = (t: number) => number;

export const linear: Ease = (t) => t;
export const easeOutCubic: Ease = (t) => 1 - (1 - t) ** 3;
export const easeInCubic: Ease = (t) => t * t * t;
export const easeInOutCubic: Ease = (t) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);
export const easeOutBack: Ease = (t) => {
  const c = 1.4;
  return 1 + (c + 1) * (t - 1) ** 3 + c * (t - 1) ** 2;
};

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

interface Running {
  target: Record<string, number>;
  from: Record<string, number>;
  to: Record<string, number>;
  elapsed: number;
  delay: number;
  duration: number;
  ease: Ease;
  onUpdate: ((p: number) => void) | undefined;
  /** true when it ran to the end, false when it was killed. */
  resolve: (completed: boolean) => void;
}

/**
 * A tiny tween engine driven by one pixi Ticker hook. Each graphic owns one; `destroy()` removes the hook and
 * settles every pending promise (as not completed), so nothing awaits forever.
 */
export class Tweens {
  private running: Running[] = [];
  private hooked = false;
  private dead = false;

  constructor(private readonly ticker: Ticker) {}

  /** True while any tween is running or waiting for its delay. */
  get active(): boolean {
    return this.running.length > 0;
  }

  /**
   * Tweens numeric properties of `target` to the given values. A running tween of the same target and
   * property is killed first (the new one starts from the current value). Resolves true when it completes.
   */
  to<T extends object>(target: T, props: Partial<Record<NumericKeys<T>, number>>, opts: TweenOptions = {}): Promise<boolean> {
    if (this.dead) return Promise.resolve(false);
    const t = target as unknown as Record<string, number>;
    const keys = Object.keys(props);
    this.killProps(t, keys);
    const from: Record<string, number> = {};
    const to: Record<string, number> = {};
    for (const k of keys) {
      from[k] = t[k] ?? 0;
      to[k] = (props as Record<string, number>)[k] ?? 0;
    }
    return new Promise<boolean>((resolve) => {
      this.running.push({
        target: t,
        from,
        to,
        elapsed: 0,
        delay: opts.delay ?? 0,
        duration: Math.max(1, opts.duration ?? 400),
        ease: opts.ease ?? easeOutCubic,
        onUpdate: opts.onUpdate,
        resolve,
      });
      this.hook();
    });
  }

  /** Waits `ms` on the ticker clock (killed by `killAll`). */
  wait(ms: number): Promise<boolean> {
    return this.to({ v: 0 }, { v: 1 }, { duration: ms, ease: linear });
  }

  /** Stops every tween of `target` where it is. */
  kill(target: object): void {
    this.killWhere((r) => r.target === target);
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

  private killProps(target: Record<string, number>, keys: string[]): void {
    for (const r of this.running) {
      if (r.target !== target) continue;
      for (const k of keys) {
        delete r.from[k];
        delete r.to[k];
      }
    }
    this.killWhere((r) => r.target === target && Object.keys(r.to).length === 0 && keys.length > 0);
  }

  private killWhere(pred: (r: Running) => boolean): void {
    const killed = this.running.filter(pred);
    if (killed.length === 0) return;
    this.running = this.running.filter((r) => !pred(r));
    for (const r of killed) r.resolve(false);
    if (this.running.length === 0) this.unhook();
  }

  private tick(ticker: Ticker): void {
    const dt = ticker.deltaMS;
    const done: Running[] = [];
    for (const r of this.running) {
      // A display object destroyed mid-tween must not be touched again (its transform is gone).
      const destroyed: unknown = Reflect.get(r.target as object, 'destroyed');
      if (destroyed === true) {
        done.push(r);
        continue;
      }
      r.elapsed += dt;
      const local = r.elapsed - r.delay;
      if (local < 0) continue;
      const p = Math.min(1, local / r.duration);
      const e = r.ease(p);
      for (const k of Object.keys(r.to)) {
        const a = r.from[k] ?? 0;
        const b = r.to[k] ?? 0;
        r.target[k] = p >= 1 ? b : a + (b - a) * e;
      }
      r.onUpdate?.(p >= 1 ? 1 : e);
      if (p >= 1) done.push(r);
    }
    if (done.length === 0) return;
    this.running = this.running.filter((r) => !done.includes(r));
    for (const r of done) r.resolve(true);
    if (this.running.length === 0) this.unhook();
  }

  private hook(): void {
    if (this.hooked || this.dead) return;
    this.ticker.add(this.tick, this);
    this.hooked = true;
  }

  private unhook(): void {
    if (!this.hooked) return;
    this.ticker.remove(this.tick, this);
    this.hooked = false;
  }
}
