import { Container, Graphics, type Text } from 'pixi.js';
import { easeInCubic, easeOutCubic } from '../../../lib/tween.js';
import { COLORS, SAFE, fitWidth, label } from '../../theme.js';
import { Graphic, type GraphicDeps } from './Graphic.js';
import { logoBug } from './LogoBug.js';
import { tag, type TagStyle } from './Tag.js';

/** The frame of a full-screen graphic: the whole title-safe area. */
export const FRAME = { x: SAFE.left, y: SAFE.top, width: SAFE.right - SAFE.left, height: SAFE.bottom - SAFE.top } as const;
export const HEADER_H = 120;
export const PAD = 40;
/** Where the body starts, from the frame's top. */
export const BODY_TOP = HEADER_H + 28;

export interface HeaderTag {
  text: string;
  style: TagStyle;
}

/**
 * A full-screen graphic: a navy panel over the title-safe area with a header (a heading, a subheading, tags on
 * the right) and a body its subclass lays out. It fades up into place and fades out; a lower third, the ticker
 * and alerts stand over it.
 */
export abstract class Fullscreen<D> extends Graphic<D> {
  protected readonly body = new Container();
  private readonly panel = new Graphics();
  private readonly heading: Text;
  private readonly subheading: Text;
  private readonly tags = new Container();
  private tagKey = '';
  /** Where the header's right-hand side ends: before the logo bug when there is one. */
  private readonly headerRight: number;

  constructor(deps: GraphicDeps) {
    super(deps);
    this.position.set(FRAME.x, FRAME.y);
    this.panel
      .rect(0, 0, FRAME.width, FRAME.height)
      .fill({ color: COLORS.navy, alpha: 0.97 })
      .rect(0, 0, FRAME.width, HEADER_H)
      .fill(COLORS.navyDeep)
      .rect(0, HEADER_H - 6, FRAME.width, 6)
      .fill(COLORS.amber);
    this.heading = label('', 72, '700', COLORS.text, { letterSpacing: 1 });
    this.heading.position.set(PAD, HEADER_H / 2 - 2);
    this.subheading = label('', 52, '500', COLORS.muted, { letterSpacing: 0.5 });
    this.subheading.y = HEADER_H / 2 - 2;
    this.tags.y = HEADER_H / 2 - 3;
    this.addChild(this.panel, this.heading, this.subheading, this.tags, this.body);
    const bug = logoBug(HEADER_H - 40, 320);
    this.headerRight = FRAME.width - PAD - (bug ? bug.width + 24 : 0);
    if (bug) {
      bug.position.set(FRAME.width - PAD - bug.width, (HEADER_H - 6 - bug.height) / 2);
      this.addChild(bug);
    }
    this.alpha = 0;
  }

  settle(): void {
    this.tweens.finishAll();
    this.alpha = 1;
    this.body.y = 0;
  }

  show(): void {
    this.tweens.finishAll();
    this.alpha = 0;
    this.body.y = 24;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 300, ease: easeOutCubic });
    void this.tweens.to(this.body, { y: 0 }, { duration: 450, delay: 100, ease: easeOutCubic });
  }

  async hide(): Promise<void> {
    await this.tweens.to<Container>(this, { alpha: 0 }, { duration: 300, ease: easeInCubic });
  }

  /** Sets the header; tags are rebuilt only when they read differently. */
  protected setHeader(heading: string, subheading: string, tags: readonly HeaderTag[]): void {
    this.heading.text = heading;
    this.subheading.text = subheading;
    const key = tags.map((t) => `${t.style.bg}:${t.text}`).join('|');
    if (key !== this.tagKey) {
      this.tagKey = key;
      for (const c of this.tags.removeChildren()) c.destroy({ children: true });
      let x = 0;
      for (const t of tags) {
        const made = tag(t.text, 52, t.style);
        made.x = x;
        x += made.width + 14;
        this.tags.addChild(made);
      }
    }
    this.tags.x = this.headerRight - Math.max(0, this.tags.width);
    fitWidth(this.heading, Math.max(200, this.tags.x - PAD - 40 - PAD));
    this.subheading.x = this.heading.x + this.heading.width + 24;
    fitWidth(this.subheading, Math.max(60, this.tags.x - 32 - this.subheading.x));
    this.subheading.visible = subheading !== '';
  }
}
