import { Container, Graphics, type Text } from 'pixi.js';
import { easeInCubic, easeOutCubic } from '../../../lib/tween.js';
import { COLORS, SAFE, fitWidth, label } from '../../theme.js';
import { BODY_TOP, FRAME, Fullscreen, PAD } from '../parts/Fullscreen.js';
import { Graphic, type GraphicDeps } from '../parts/Graphic.js';
import { Bars } from './Bars.js';
import type { BalanceContent } from './content.js';
import { balanceModel, balanceText, type BalanceModel } from './model.js';

const ROLL_MS = 400;

/** The balance over the whole frame: big bars, the target line, what is not yet called. */
class BalanceBoard extends Fullscreen<BalanceContent> {
  private readonly bars: Bars;
  private readonly footer: Text;
  private readonly baseLine: Text;

  constructor(deps: GraphicDeps, c: BalanceContent) {
    super(deps);
    this.bars = new Bars({ width: FRAME.width - 2 * PAD, rowH: 170, gap: 36, nameW: 460, totalW: 260 });
    this.bars.position.set(PAD, BODY_TOP + 110);
    this.footer = label('', 44, '600', COLORS.paper);
    this.baseLine = label('', 38, '500', COLORS.muted);
    this.body.addChild(this.bars, this.footer, this.baseLine);
    this.apply(c, false);
  }

  update(c: BalanceContent): void {
    this.apply(c, true);
  }

  private apply(c: BalanceContent, animate: boolean): void {
    const m = balanceModel(c.graphic, c.races);
    const text = balanceText(m, c.graphic.target);
    if (animate && text === this.text) return;
    this.setHeader(m.heading, '', []);
    this.bars.set(m, c.graphic.target, this.tweens, animate ? ROLL_MS : 0);
    const y = this.bars.y + this.bars.height + 50;
    this.footer.text = m.footer;
    this.footer.position.set(PAD, y);
    this.baseLine.text = m.baseLine ?? '';
    this.baseLine.position.set(PAD, y + 60);
    fitWidth(this.footer, FRAME.width - 2 * PAD);
    this.setText(text);
    this.frames.request();
  }

  protected override onDestroy(): void {
    this.bars.stop(this.tweens);
  }
}

const LT_WIDTH = 1080;
const LT_BOTTOM = SAFE.bottom - 48 - 16;
const LT_HEADER = 58;

/** The balance as a lower third: the same bars, compact, bottom-left where the race lower third stands. */
class BalanceStrip extends Graphic<BalanceContent> {
  private readonly inner = new Container();
  private readonly bg = new Graphics();
  private readonly heading: Text;
  private readonly footer: Text;
  private readonly bars: Bars;

  constructor(deps: GraphicDeps, c: BalanceContent) {
    super(deps);
    this.x = SAFE.left;
    this.heading = label('', 40, '700', COLORS.text, { letterSpacing: 0.5 });
    this.heading.position.set(24, LT_HEADER / 2 - 1);
    this.bars = new Bars({ width: LT_WIDTH - 32, rowH: 56, gap: 8, nameW: 230, totalW: 120 });
    this.bars.position.set(16, LT_HEADER + 36);
    this.footer = label('', 30, '600', COLORS.muted);
    this.inner.addChild(this.bg, this.heading, this.bars, this.footer);
    this.addChild(this.inner);
    this.alpha = 0;
    this.apply(c, false);
  }

  show(): void {
    this.tweens.finishAll();
    this.alpha = 0;
    this.inner.x = -40;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 250 });
    void this.tweens.to(this.inner, { x: 0 }, { duration: 450, ease: easeOutCubic });
  }

  settle(): void {
    this.tweens.finishAll();
    this.alpha = 1;
    this.inner.x = 0;
  }

  async hide(): Promise<void> {
    await this.tweens.to<Container>(this, { alpha: 0 }, { duration: 300, ease: easeInCubic });
  }

  update(c: BalanceContent): void {
    this.apply(c, true);
  }

  private apply(c: BalanceContent, animate: boolean): void {
    const m: BalanceModel = balanceModel(c.graphic, c.races);
    const text = balanceText(m, c.graphic.target);
    if (animate && text === this.text) return;
    this.heading.text = `${m.heading} · ${m.targetLabel}`;
    fitWidth(this.heading, LT_WIDTH - 48);
    this.bars.set(m, c.graphic.target, this.tweens, animate ? ROLL_MS : 0);
    const footerY = this.bars.y + this.bars.height + 12;
    this.footer.text = m.footer;
    this.footer.position.set(24, footerY + 20);
    fitWidth(this.footer, LT_WIDTH - 48);
    const height = footerY + 44;
    this.bg
      .clear()
      .rect(0, 0, LT_WIDTH, height)
      .fill(COLORS.navy)
      .rect(0, 0, LT_WIDTH, LT_HEADER)
      .fill(COLORS.navyDeep)
      .rect(0, LT_HEADER - 4, LT_WIDTH, 4)
      .fill(COLORS.amber);
    this.y = LT_BOTTOM - height;
    this.setText(text);
    this.frames.request();
  }

  protected override onDestroy(): void {
    this.bars.stop(this.tweens);
  }
}

/** The balance graphic in the layout of its layer. */
export const Balance = {
  make: (deps: GraphicDeps, c: BalanceContent): BalanceBoard | BalanceStrip =>
    c.layout === 'lowerThird' ? new BalanceStrip(deps, c) : new BalanceBoard(deps, c),
};
