import { Container, Graphics, type Text } from 'pixi.js';
import type { RaceView } from '../../../shared/index.js';
import { easeInCubic, easeInOutCubic, easeOutCubic } from '../../lib/tween.js';
import { lowerThirdModel, lowerThirdText, type LowerThirdModel } from '../models.js';
import { COLORS, SAFE, fitWidth, label } from '../theme.js';
import { CandidateRow, ROW_HEIGHT } from './CandidateRow.js';
import { Graphic, type GraphicDeps } from './Graphic.js';
import { tag } from './Tag.js';

const WIDTH = 1080;
const HEADER_H = 58;
const GAP = 4;
const FOOTER_H = 52;
const HEIGHT = HEADER_H + 2 * (ROW_HEIGHT + GAP) + GAP + FOOTER_H;
/** Bottom edge: leaves the bottom band of the title-safe area to the ticker. */
const BOTTOM = SAFE.bottom - 48 - 16;
const ROLL_MS = 400;

const rowY = (i: number): number => HEADER_H + GAP + i * (ROW_HEIGHT + GAP);

/**
 * The race lower third: header (jurisdiction, title, tags), the top two candidates, and a footer with who
 * leads and what is still out. Updates move only what changed.
 */
export class LowerThird extends Graphic<RaceView> {
  private readonly body = new Container();
  private readonly wipe = new Graphics().rect(0, 0, WIDTH, HEIGHT).fill(0xffffff);
  private readonly jurisdiction: Text;
  private readonly title: Text;
  private readonly tags = new Container();
  private readonly rows = new Map<string, CandidateRow>();
  private readonly leadLine: Text;
  private readonly countLine: Text;
  private model: LowerThirdModel;
  private tagKey = '';

  constructor(deps: GraphicDeps, race: RaceView) {
    super(deps);
    this.model = lowerThirdModel(race);
    this.position.set(SAFE.left, BOTTOM - HEIGHT);

    const header = new Graphics()
      .rect(0, 0, WIDTH, HEADER_H)
      .fill(COLORS.navyDeep)
      .rect(0, HEADER_H - 4, WIDTH, 4)
      .fill(COLORS.navyLine);
    this.jurisdiction = label('', 40, '700', COLORS.white, { letterSpacing: 0.5 });
    this.title = label('', 40, '500', COLORS.muted, { letterSpacing: 0.5 });
    this.jurisdiction.position.set(24, HEADER_H / 2 - 1);
    this.title.y = HEADER_H / 2 - 1;
    this.tags.y = HEADER_H / 2 - 2;

    const footerY = HEIGHT - FOOTER_H;
    const footer = new Graphics().rect(0, footerY, WIDTH, FOOTER_H).fill(COLORS.paper);
    this.leadLine = label('', 34, '700', COLORS.ink);
    this.leadLine.position.set(24, footerY + FOOTER_H / 2);
    this.countLine = label('', 30, '600', 0x34507f);
    this.countLine.anchor.set(1, 0.5);
    this.countLine.position.set(WIDTH - 22, footerY + FOOTER_H / 2);

    this.body.addChild(header, this.jurisdiction, this.title, this.tags, footer, this.leadLine, this.countLine);
    this.body.mask = this.wipe;
    this.addChild(this.body, this.wipe);
    this.alpha = 0;
    this.apply(this.model, false);
  }

  show(): void {
    this.tweens.killAll();
    this.alpha = 0;
    this.wipe.scale.x = 0;
    this.body.x = -40;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 200 });
    void this.tweens.to(this.wipe.scale, { x: 1 }, { duration: 500, ease: easeOutCubic });
    void this.tweens.to(this.body, { x: 0 }, { duration: 500, ease: easeOutCubic });
  }

  async hide(): Promise<void> {
    // Rolling numbers and row moves finish while it leaves; the in-tweens are overwritten property by property.
    const wipe = this.tweens.to(this.wipe.scale, { x: 0 }, { duration: 350, ease: easeInCubic });
    const fade = this.tweens.to<Container>(this, { alpha: 0 }, { duration: 250, delay: 150, ease: easeInCubic });
    await Promise.all([wipe, fade]);
  }

  update(race: RaceView): void {
    this.apply(lowerThirdModel(race), true);
  }

  private apply(m: LowerThirdModel, animate: boolean): void {
    this.model = m;
    this.jurisdiction.text = m.jurisdiction;
    this.title.text = m.title;
    this.title.x = this.jurisdiction.x + this.jurisdiction.width + 14;
    this.layoutTags(m);
    this.layoutRows(m, animate);
    this.leadLine.text = m.leadLine;
    this.countLine.text = m.countLine ?? '';
    fitWidth(this.countLine, WIDTH - 22 - (24 + this.leadLine.width + 40));
    this.setText(lowerThirdText(m));
  }

  private layoutTags(m: LowerThirdModel): void {
    const key = [m.electoralVotes, m.recount, m.called].join('|');
    if (key !== this.tagKey) {
      this.tagKey = key;
      for (const child of this.tags.removeChildren()) child.destroy({ children: true });
      const h = 38;
      const made = [
        m.electoralVotes && tag(m.electoralVotes, h, { bg: COLORS.navyLine, fg: COLORS.white, weight: '600' }),
        m.recount && tag(m.recount, h, { bg: COLORS.amber, fg: COLORS.ink, weight: '700' }),
        m.called && tag(m.called, h, { bg: COLORS.called, fg: COLORS.white, weight: '700', check: true }),
      ].filter((t): t is Container => Boolean(t));
      let x = 0;
      for (const t of made) {
        t.x = x;
        x += t.width + 10;
        this.tags.addChild(t);
      }
    }
    this.tags.x = WIDTH - 14 - Math.max(0, this.tags.width);
    // The header title yields to the tags rather than running under them.
    const room = this.tags.x - 24 - this.title.x;
    fitWidth(this.title, Math.max(60, room));
  }

  private layoutRows(m: LowerThirdModel, animate: boolean): void {
    const wanted = new Set(m.rows.map((r) => r.id));
    for (const [id, row] of this.rows) {
      if (wanted.has(id)) continue;
      this.rows.delete(id);
      if (!animate) {
        this.tweens.kill(row);
        row.destroy({ children: true });
        continue;
      }
      void this.tweens.to(row, { alpha: 0 }, { duration: 200 }).then(() => row.destroy({ children: true }));
    }
    m.rows.forEach((r, i) => {
      const y = rowY(i);
      let row = this.rows.get(r.id);
      if (!row) {
        row = new CandidateRow(r, WIDTH);
        row.y = y;
        this.rows.set(r.id, row);
        this.body.addChildAt(row, 1);
        if (animate) {
          row.alpha = 0;
          void this.tweens.to(row, { alpha: 1 }, { duration: 250, delay: 150 });
        }
        return;
      }
      row.set(r, this.tweens, animate ? ROLL_MS : 0);
      if (row.y !== y) {
        if (animate) void this.tweens.to(row, { y }, { duration: ROLL_MS, ease: easeInOutCubic });
        else row.y = y;
      }
    });
  }
}
