import { Container, Graphics } from 'pixi.js';
import { easeInOutCubic, type Tweens } from '../../../lib/tween.js';
import { COLORS } from '../../theme.js';

/** A horizontal bar filled to a share (0–1) over a dark track; it eases to a new share like the numbers roll. */
export class ShareBar extends Container {
  private readonly fill = new Graphics();
  private color = -1;
  private share = -1;

  constructor(
    private readonly barWidth: number,
    private readonly barHeight: number,
  ) {
    super();
    this.addChild(new Graphics().rect(0, 0, barWidth, barHeight).fill(COLORS.navyLine), this.fill);
    this.fill.scale.x = 0;
  }

  set(share: number, color: number, tweens: Tweens, duration: number): void {
    if (color !== this.color) {
      this.color = color;
      this.fill.clear().rect(0, 0, this.barWidth, this.barHeight).fill(color);
    }
    const to = Math.max(0, Math.min(1, share));
    if (to === this.share) return;
    this.share = to;
    if (duration <= 0) {
      tweens.kill(this.fill.scale);
      this.fill.scale.x = to;
    } else {
      void tweens.to(this.fill.scale, { x: to }, { duration, ease: easeInOutCubic });
    }
  }

  /** Stops its ease (before it is destroyed). */
  stop(tweens: Tweens): void {
    tweens.kill(this.fill.scale);
  }
}
