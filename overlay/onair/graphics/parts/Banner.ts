import { Container, Graphics, type Text } from 'pixi.js';
import { easeInCubic, easeOutBack, easeOutCubic, linear } from '../../../lib/tween.js';
import { COLORS, SAFE, label } from '../../theme.js';
import { Graphic, type GraphicDeps } from './Graphic.js';

const HEIGHT = 96;
const STRIPE = 14;
const PAD = 28;
const PART_GAP = 14;
/** Leaves the top-right corner of the title-safe area to the TEST watermark. */
export const BANNER_MAX_WIDTH = SAFE.right - SAFE.left - 400;

/** The colours of one kind of banner. */
export interface BannerStyle {
  block: number;
  stripe: number;
  labelColor: number;
  /** The line under the detail; a banner may set it per update (the winner's party). */
  underline: number;
}

/** A run of text in the detail: its words and how they look. */
export interface BannerPart {
  text: string;
  size: number;
  weight: '500' | '600' | '700';
  color: number;
}

/**
 * An alert-layer banner at the top of the title-safe area: a coloured block with the label, then the detail on
 * navy. It opens from the middle, the detail wipes out from behind the block, and the block flashes twice.
 */
export abstract class Banner<D> extends Graphic<D> {
  private readonly block = new Container();
  private readonly blockBg = new Graphics();
  private readonly flash = new Graphics();
  private readonly labelText: Text;
  private readonly info = new Container();
  private readonly infoBg = new Graphics();
  private readonly infoMask = new Graphics();
  private parts: Text[] = [];
  private partKey = '';

  constructor(
    deps: GraphicDeps,
    private readonly style: BannerStyle,
  ) {
    super(deps);
    this.position.set(SAFE.left, SAFE.top + 16);
    this.labelText = label('', 60, '700', style.labelColor, { letterSpacing: 1 });
    this.block.addChild(this.blockBg, this.labelText, this.flash);
    this.info.addChild(this.infoBg);
    this.info.mask = this.infoMask;
    this.addChild(this.info, this.infoMask, this.block);
    this.alpha = 0;
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

  settle(): void {
    this.tweens.killAll();
    this.alpha = 1;
    this.block.scale.set(1, 1);
    this.block.alpha = 1;
    this.infoMask.scale.x = 1;
    this.flash.alpha = 0;
  }

  async hide(): Promise<void> {
    this.tweens.killAll();
    this.flash.alpha = 0;
    const info = this.tweens.to(this.infoMask.scale, { x: 0 }, { duration: 300, ease: easeInCubic });
    const block = this.tweens.to(this.block.scale, { y: 0 }, { duration: 250, delay: 200, ease: easeInCubic });
    const fade = this.tweens.to<Container>(this, { alpha: 0 }, { duration: 150, delay: 300, ease: linear });
    await Promise.all([info, block, fade]);
  }

  private async pulse(): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const up = await this.tweens.to(this.flash, { alpha: 0.55 }, { duration: 120, delay: i === 0 ? 420 : 80, ease: linear });
      if (!up) return;
      if (!(await this.tweens.to(this.flash, { alpha: 0 }, { duration: 220, ease: linear }))) return;
    }
  }

  /** Lays out the label and the detail's parts, squeezing the detail to fit; `text` is what the mirror reads. */
  protected draw(labelText: string, parts: readonly BannerPart[], text: string, underline = this.style.underline): void {
    this.labelText.text = labelText;
    this.labelText.scale.x = 1;
    if (this.labelText.width > 600) this.labelText.scale.x = 600 / this.labelText.width;
    const key = parts.map((p) => `${p.size}/${p.weight}/${p.color}`).join('|');
    if (key !== this.partKey) {
      this.partKey = key;
      for (const t of this.parts) t.destroy();
      this.parts = parts.map((p) => this.info.addChild(label('', p.size, p.weight, p.color)));
    }
    parts.forEach((p, i) => {
      const t = this.parts[i]!;
      t.text = p.text;
      t.scale.x = 1;
    });

    const blockW = STRIPE + PAD + this.labelText.width + PAD;
    this.blockBg.clear().rect(0, 0, blockW, HEIGHT).fill(this.style.block).rect(0, 0, STRIPE, HEIGHT).fill(this.style.stripe);
    this.flash.clear().rect(0, 0, blockW, HEIGHT).fill(COLORS.white);
    this.labelText.position.set(STRIPE + PAD, HEIGHT / 2 + 2);
    // Scale the block about its vertical centre so it opens from the middle.
    this.block.pivot.set(0, HEIGHT / 2);
    this.block.y = HEIGHT / 2;

    const infoX = blockW;
    const maxText = BANNER_MAX_WIDTH - infoX - 2 * PAD;
    const natural = this.parts.reduce((w, t) => w + t.width, 0) + PART_GAP * (this.parts.length - 1);
    const squeeze = natural > maxText ? maxText / natural : 1;
    let x = infoX + PAD;
    for (const t of this.parts) {
      t.scale.x = squeeze;
      t.position.set(x, HEIGHT / 2 + 2);
      x += t.width + PART_GAP * squeeze;
    }
    const infoW = x - PART_GAP * squeeze + PAD - infoX;
    this.infoBg.clear().rect(infoX, 0, infoW, HEIGHT).fill(COLORS.navy).rect(infoX, HEIGHT - 6, infoW, 6).fill(underline);
    this.infoMask.clear().rect(infoX, 0, infoW, HEIGHT).fill(0xffffff);
    this.infoMask.pivot.x = infoX;
    this.infoMask.x = infoX;
    this.setText(text);
  }
}
