import { Graphics, type Container } from 'pixi.js';
import { easeInCubic, easeOutCubic } from '../../../lib/tween.js';
import { COLORS, SAFE, label } from '../../theme.js';
import { WATERMARK, watermarkText } from '../../watermark.js';
import { Graphic, type GraphicDeps } from './Graphic.js';

const HEIGHT = 60;
const PAD = 18;

/**
 * "TEST | REHEARSAL DATA" in the top-right corner of the title-safe area, while a layer on this page shows a
 * race fed rehearsal data. It has no data of its own: the scene shows and hides it.
 */
export class Watermark extends Graphic<null> {
  constructor(deps: GraphicDeps) {
    super(deps);
    const tag = label(WATERMARK.label, 46, '700', COLORS.white, { letterSpacing: 3 });
    const detail = label(WATERMARK.detail, 30, '700', COLORS.white, { letterSpacing: 1.5 });
    const tagW = PAD + tag.width + PAD;
    const detailW = PAD + detail.width + PAD;
    tag.position.set(PAD, HEIGHT / 2 + 2);
    detail.position.set(tagW + PAD, HEIGHT / 2 + 2);
    const bg = new Graphics()
      .rect(0, 0, tagW, HEIGHT)
      .fill(COLORS.test)
      .rect(tagW, 0, detailW, HEIGHT)
      .fill({ color: COLORS.navyDeep, alpha: 0.92 })
      .rect(tagW, HEIGHT - 5, detailW, 5)
      .fill(COLORS.test);
    this.addChild(bg, tag, detail);
    this.pivot.x = tagW + detailW;
    this.position.set(SAFE.right, SAFE.top);
    this.alpha = 0;
    this.setText(watermarkText);
  }

  show(): void {
    this.tweens.killAll();
    this.y = SAFE.top - 12;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 250, ease: easeOutCubic });
    void this.tweens.to<Container>(this, { y: SAFE.top }, { duration: 300, ease: easeOutCubic });
  }

  async hide(): Promise<void> {
    await this.tweens.to<Container>(this, { alpha: 0 }, { duration: 250, ease: easeInCubic });
  }

  update(): void {}
}
