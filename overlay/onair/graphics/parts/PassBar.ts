import { Container, Graphics } from 'pixi.js';
import type { Tweens } from '../../../lib/tween.js';
import { easeInOutCubic } from '../../../lib/tween.js';
import { COLORS } from '../../theme.js';

const PAD_X = 24;
const BAR_H = 16;
const TICK_H = 34;

/**
 * A measure's share of yes as one bar (yes from the left, no from the right) with a tick at its pass mark, so
 * the eye sees at once how far yes is from passing. Origin is its top-left; `height` tall.
 */
export class PassBar extends Container {
  private readonly track = new Graphics();
  private readonly yes = new Graphics();
  private readonly tick = new Graphics();
  private readonly span: number;
  private passPct = -1;
  private hasVotes: boolean | null = null;

  constructor(
    width: number,
    readonly barHeight: number,
  ) {
    super();
    this.span = width - 2 * PAD_X;
    const bg = new Graphics().rect(0, 0, width, barHeight).fill(COLORS.navyRow);
    const mid = barHeight / 2;
    this.track.position.set(PAD_X, mid - BAR_H / 2);
    this.yes.position.set(PAD_X, mid - BAR_H / 2);
    this.yes.rect(0, 0, this.span, BAR_H).fill(COLORS.yes);
    this.yes.scale.x = 0;
    this.tick.y = mid;
    this.addChild(bg, this.track, this.yes, this.tick);
  }

  /** Moves to a new share (rolling over `duration` ms like the numbers beside it). */
  set(yesPct: number, passPct: number, hasVotes: boolean, tweens: Tweens, duration: number): void {
    if (hasVotes !== this.hasVotes) {
      this.hasVotes = hasVotes;
      this.track.clear().rect(0, 0, this.span, BAR_H).fill(hasVotes ? COLORS.no : COLORS.navyLine);
    }
    if (passPct !== this.passPct) {
      this.passPct = passPct;
      const x = PAD_X + (this.span * passPct) / 100;
      this.tick
        .clear()
        .rect(x - 4, -TICK_H / 2 - 2, 8, TICK_H + 4)
        .fill(COLORS.navyDeep)
        .rect(x - 2, -TICK_H / 2, 4, TICK_H)
        .fill(COLORS.text);
    }
    const to = Math.max(0, Math.min(1, yesPct / 100));
    if (duration <= 0) {
      tweens.kill(this.yes.scale);
      this.yes.scale.x = to;
    } else if (to !== this.yes.scale.x) {
      void tweens.to(this.yes.scale, { x: to }, { duration, ease: easeInOutCubic });
    }
  }
}
