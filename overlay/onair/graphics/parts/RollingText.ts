import { Text, type TextOptions } from 'pixi.js';
import type { Tweens } from '../../../lib/tween.js';

/** A number drawn as text that rolls from its old value to a new one instead of jumping. */
export class RollingText extends Text {
  private readonly proxy: { v: number };

  constructor(
    private value: number,
    private readonly format: (n: number) => string,
    options: TextOptions,
  ) {
    super({ ...options, text: format(value) });
    this.proxy = { v: value };
  }

  /** Rolls to `value` over `duration` ms (or jumps when duration is 0). Resolves when it settles. */
  roll(value: number, tweens: Tweens, duration = 400): Promise<boolean> {
    if (value === this.value) return Promise.resolve(true);
    this.value = value;
    if (duration <= 0) {
      tweens.kill(this.proxy);
      this.proxy.v = value;
      this.text = this.format(value);
      return Promise.resolve(true);
    }
    return tweens.to(this.proxy, { v: value }, {
      duration,
      onUpdate: () => {
        if (!this.destroyed) this.text = this.format(this.proxy.v);
      },
    });
  }
}
