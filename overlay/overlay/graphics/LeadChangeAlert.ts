import { Container, Graphics, type Text } from 'pixi.js';
import type { LeadChange, RaceView } from '../../../shared/index.js';
import { easeInCubic, easeOutBack, easeOutCubic, linear } from '../../lib/tween.js';
import { alertModel, alertText, type AlertModel } from '../models.js';
import { COLORS, SAFE, fitWidth, label } from '../theme.js';
import { Graphic, type GraphicDeps } from './Graphic.js';

export interface AlertData {
  leadChange: LeadChange;
  race: RaceView;
}

const HEIGHT = 96;
const STRIPE = 14;
const PAD = 28;
const MAX_WIDTH = SAFE.right - SAFE.left;

/** The lead-change banner at the top of the title-safe area: a yellow "LEAD CHANGE" block and the detail. */
export class LeadChangeAlert extends Graphic<AlertData> {
  private readonly block = new Container();
  private readonly blockBg = new Graphics();
  private readonly flash = new Graphics();
  private readonly labelText: Text;
  private readonly info = new Container();
  private readonly infoBg = new Graphics();
  private readonly infoMask = new Graphics();
  private readonly jurisdiction: Text;
  private readonly detail: Text;

  constructor(deps: GraphicDeps, data: AlertData) {
    super(deps);
    this.position.set(SAFE.left, SAFE.top + 16);
    this.labelText = label('', 60, '700', COLORS.ink, { letterSpacing: 1 });
    this.jurisdiction = label('', 46, '700', COLORS.yellow, { letterSpacing: 1 });
    this.detail = label('', 46, '600', COLORS.white);
    this.block.addChild(this.blockBg, this.labelText, this.flash);
    this.info.addChild(this.infoBg, this.jurisdiction, this.detail);
    this.info.mask = this.infoMask;
    this.addChild(this.info, this.infoMask, this.block);
    this.alpha = 0;
    this.apply(alertModel(data.leadChange, data.race));
  }

  show(): void {
    this.tweens.killAll();
    this.alpha = 1;
    this.block.scale.set(0.6, 0);
    this.block.alpha = 0;
    this.infoMask.scale.x = 0;
    this.flash.alpha = 0;
    void this.tweens.to(this.block, { alpha: 1 }, { duration: 120 });
    void this.tweens.to(this.block.scale, { x: 1, y: 1 }, { duration: 360, ease: easeOutBack });
    void this.tweens.to(this.infoMask.scale, { x: 1 }, { duration: 450, delay: 220, ease: easeOutCubic });
    // Two white flashes over the block: unmistakable, then still.
    void this.pulse();
  }

  async hide(): Promise<void> {
    this.tweens.killAll();
    this.flash.alpha = 0;
    const info = this.tweens.to(this.infoMask.scale, { x: 0 }, { duration: 300, ease: easeInCubic });
    const block = this.tweens.to(this.block.scale, { y: 0 }, { duration: 250, delay: 200, ease: easeInCubic });
    const fade = this.tweens.to<Container>(this, { alpha: 0 }, { duration: 150, delay: 300, ease: linear });
    await Promise.all([info, block, fade]);
  }

  update(data: AlertData): void {
    this.apply(alertModel(data.leadChange, data.race));
  }

  private async pulse(): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const up = await this.tweens.to(this.flash, { alpha: 0.55 }, { duration: 120, delay: i === 0 ? 420 : 80, ease: linear });
      if (!up) return;
      if (!(await this.tweens.to(this.flash, { alpha: 0 }, { duration: 220, ease: linear }))) return;
    }
  }

  private apply(m: AlertModel): void {
    this.labelText.text = m.label;
    this.jurisdiction.text = m.jurisdiction;
    this.detail.text = `· ${m.detail}`;

    const blockW = STRIPE + PAD + this.labelText.width + PAD;
    this.blockBg.clear().rect(0, 0, blockW, HEIGHT).fill(COLORS.yellow).rect(0, 0, STRIPE, HEIGHT).fill(COLORS.red);
    this.flash.clear().rect(0, 0, blockW, HEIGHT).fill(COLORS.white);
    this.labelText.position.set(STRIPE + PAD, HEIGHT / 2 + 2);
    // Scale the block about its vertical centre so it opens from the middle.
    this.block.pivot.set(0, HEIGHT / 2);
    this.block.y = HEIGHT / 2;

    const infoX = blockW;
    const maxText = MAX_WIDTH - infoX - 2 * PAD;
    this.jurisdiction.scale.x = 1;
    this.detail.scale.x = 1;
    const natural = this.jurisdiction.width + 14 + this.detail.width;
    const squeeze = natural > maxText ? maxText / natural : 1;
    this.jurisdiction.scale.x = squeeze;
    this.detail.scale.x = squeeze;
    this.jurisdiction.position.set(infoX + PAD, HEIGHT / 2 + 2);
    this.detail.position.set(this.jurisdiction.x + this.jurisdiction.width + 14 * squeeze, HEIGHT / 2 + 2);
    const infoW = PAD + this.jurisdiction.width + 14 * squeeze + this.detail.width + PAD;
    this.infoBg
      .clear()
      .rect(infoX, 0, infoW, HEIGHT)
      .fill(COLORS.navy)
      .rect(infoX, HEIGHT - 6, infoW, 6)
      .fill(COLORS.red);
    this.infoMask.clear().rect(infoX, 0, infoW, HEIGHT).fill(0xffffff);
    this.infoMask.pivot.x = infoX;
    this.infoMask.x = infoX;
    fitWidth(this.labelText, 600);
    this.setText(alertText(m));
  }
}
