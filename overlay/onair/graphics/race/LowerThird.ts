import { Container, Graphics, type Text } from 'pixi.js';
import type { RaceView } from '../../../../shared/index.js';
import { easeInCubic, easeInOutCubic, easeOutCubic } from '../../../lib/tween.js';
import { lowerThirdModel, lowerThirdText, type LowerThirdModel } from '../../models.js';
import { COLORS, SAFE, fitSideBySide, fitWidth, label } from '../../theme.js';
import { CandidateRow, ROW_COMPACT, ROW_REGULAR, type RowMetrics } from '../parts/CandidateRow.js';
import { Graphic, type GraphicDeps } from '../parts/Graphic.js';
import { logoBug } from '../parts/LogoBug.js';
import { PassBar } from '../parts/PassBar.js';
import { tag } from '../parts/Tag.js';
import { TAG_STYLE } from '../parts/tagStyles.js';

const WIDTH = 1080;
/** Bottom edge: leaves the bottom band of the title-safe area to the ticker. */
const BOTTOM = SAFE.bottom - 48 - 16;
const ROLL_MS = 400;
const STRIP_FADE_MS = 250;

/** Heights of the bands around the rows: regular beside two rows, compact beside three or four. */
interface Bands {
  header: number;
  gap: number;
  bar: number;
  footer: number;
  strip: number;
  row: RowMetrics;
}
const REGULAR: Bands = { header: 58, gap: 4, bar: 44, footer: 52, strip: 40, row: ROW_REGULAR };
const COMPACT: Bands = { header: 52, gap: 3, bar: 40, footer: 46, strip: 36, row: ROW_COMPACT };

/** Where each band sits, from the graphic's top. */
interface Layout {
  bands: Bands;
  rowY: (i: number) => number;
  barY: number;
  footerY: number;
  stripY: number;
  height: number;
}

function layout(m: LowerThirdModel): Layout {
  const bands = m.rows.length > 2 ? COMPACT : REGULAR;
  const step = bands.row.height + bands.gap;
  const rowsEnd = bands.header + bands.gap + m.rows.length * step;
  const barY = rowsEnd;
  const footerY = rowsEnd + (m.measure ? bands.bar + bands.gap : 0);
  const stripY = footerY + bands.footer;
  const strip = m.needsLine !== null || m.reportingLine !== null;
  return {
    bands,
    rowY: (i) => bands.header + bands.gap + i * step,
    barY,
    footerY,
    stripY,
    height: stripY + (strip ? bands.strip : 0),
  };
}


/**
 * The race lower third: header (jurisdiction, title, tags), up to four rows leader first, a measure's pass bar,
 * a footer with who leads (or the pass mark) and what is still out, and a strip with what the runner-up needs
 * and how much has reported. Bottom-anchored: it grows upward. Updates move only what changed.
 */
export class LowerThird extends Graphic<RaceView> {
  private readonly body = new Container();
  /** Taller than any layout, so the strip or a row can come and go while the wipe stays a pure x-scale. */
  private readonly wipe = new Graphics().rect(0, -40, WIDTH, 720).fill(0xffffff);
  private readonly header = new Graphics();
  private readonly jurisdiction: Text;
  private readonly title: Text;
  private readonly tags = new Container();
  private readonly rows = new Map<string, CandidateRow>();
  private readonly footer = new Container();
  private readonly footerBg = new Graphics();
  private readonly leadLine: Text;
  private readonly status: Text;
  private readonly countLine: Text;
  private readonly strip = new Container();
  private readonly stripBg = new Graphics();
  private readonly needsLine: Text;
  private readonly reportingLine: Text;
  private bar: PassBar | null = null;
  private bands: Bands | null = null;
  private stripOn = false;
  private tagKey = '';
  private readonly destinations = new WeakMap<Container, number>();

  constructor(deps: GraphicDeps, race: RaceView) {
    super(deps);
    this.x = SAFE.left;
    this.jurisdiction = label('', 40, '700', COLORS.text, { letterSpacing: 0.5 });
    this.title = label('', 40, '500', COLORS.muted, { letterSpacing: 0.5 });
    this.leadLine = label('', 34, '700', COLORS.ink);
    this.status = label('', 34, '700', COLORS.yes, { letterSpacing: 0.5 });
    this.countLine = label('', 30, '600', 0x34507f);
    this.countLine.anchor.set(1, 0.5);
    this.footer.addChild(this.footerBg, this.leadLine, this.status, this.countLine);
    this.needsLine = label('', 30, '600', COLORS.yellow);
    this.reportingLine = label('', 28, '600', COLORS.muted);
    this.reportingLine.anchor.set(1, 0.5);
    this.strip.addChild(this.stripBg, this.needsLine, this.reportingLine);
    this.strip.visible = false;
    this.strip.alpha = 0;
    this.body.addChild(this.header, this.jurisdiction, this.title, this.tags, this.footer, this.strip);
    this.body.mask = this.wipe;
    this.addChild(this.body, this.wipe);
    // The station's bug stands on the header's right end, outside the wipe, and comes and goes with the graphic.
    const bug = logoBug(52, 240);
    if (bug) {
      bug.position.set(WIDTH - bug.width, -bug.height - 6);
      this.addChild(bug);
    }
    this.alpha = 0;
    this.apply(lowerThirdModel(race), false);
  }

  show(): void {
    this.tweens.finishAll();
    this.alpha = 0;
    this.wipe.scale.x = 0;
    this.body.x = -40;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 200 });
    void this.tweens.to(this.wipe.scale, { x: 1 }, { duration: 500, ease: easeOutCubic });
    void this.tweens.to(this.body, { x: 0 }, { duration: 500, ease: easeOutCubic });
  }

  settle(): void {
    this.tweens.finishAll();
    this.alpha = 1;
    this.wipe.scale.x = 1;
    this.body.x = 0;
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
    const l = layout(m);
    if (l.bands !== this.bands) {
      // Two rows and three or four are drawn at different sizes: start the rows and bands afresh.
      this.bands = l.bands;
      for (const row of this.rows.values()) {
        this.tweens.kill(row);
        row.destroy({ children: true });
      }
      this.rows.clear();
      this.drawBands(l.bands);
      animate = false;
    }
    this.layoutHeader(m, l.bands);
    this.layoutRows(m, l, animate);
    this.layoutBar(m, l, animate);
    this.layoutFooter(m, l, animate);
    const stripLeaves = this.layoutStrip(m, l, animate);
    // A leaving strip fades before the graphic settles down over where it was, so it never dips toward the ticker.
    this.move(this, { y: BOTTOM - l.height }, animate, stripLeaves ? STRIP_FADE_MS : 0);
    this.setText(lowerThirdText(m));
  }

  private drawBands(b: Bands): void {
    this.header.clear().rect(0, 0, WIDTH, b.header).fill(COLORS.navyDeep).rect(0, b.header - 4, WIDTH, 4).fill(COLORS.navyLine);
    const size = b === COMPACT ? 36 : 40;
    this.jurisdiction.style.fontSize = size;
    this.title.style.fontSize = size;
    this.jurisdiction.position.set(24, b.header / 2 - 1);
    this.title.y = b.header / 2 - 1;
    this.tags.y = b.header / 2 - 2;
    this.tagKey = '';
    this.footerBg.clear().rect(0, 0, WIDTH, b.footer).fill(COLORS.paper);
    for (const t of [this.leadLine, this.status]) t.y = b.footer / 2;
    this.countLine.position.set(WIDTH - 22, b.footer / 2);
    this.leadLine.x = 24;
    this.stripBg.clear().rect(0, 0, WIDTH, b.strip).fill(COLORS.navyDeep).rect(0, 0, 8, b.strip).fill(COLORS.yellow);
    this.needsLine.position.set(28, b.strip / 2);
    this.reportingLine.position.set(WIDTH - 22, b.strip / 2);
  }

  private layoutHeader(m: LowerThirdModel, b: Bands): void {
    this.jurisdiction.text = m.jurisdiction;
    this.title.text = m.title;
    this.title.x = this.jurisdiction.x + this.jurisdiction.width + 14;
    const key = m.tags.map((t) => `${t.tone}:${t.text}`).join('|');
    if (key !== this.tagKey) {
      this.tagKey = key;
      for (const child of this.tags.removeChildren()) child.destroy({ children: true });
      const h = b.header - 20;
      let x = 0;
      for (const t of m.tags) {
        const made = tag(t.text, h, TAG_STYLE[t.tone]);
        made.x = x;
        x += made.width + 10;
        this.tags.addChild(made);
      }
    }
    this.tags.x = WIDTH - 14 - Math.max(0, this.tags.width);
    // The header title yields to the tags rather than running under them.
    fitWidth(this.title, Math.max(60, this.tags.x - 24 - this.title.x));
  }

  private layoutRows(m: LowerThirdModel, l: Layout, animate: boolean): void {
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
      const y = l.rowY(i);
      let row = this.rows.get(r.id);
      if (!row) {
        row = new CandidateRow(r, WIDTH, l.bands.row);
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
      this.move(row, { y }, animate);
    });
  }

  private layoutBar(m: LowerThirdModel, l: Layout, animate: boolean): void {
    if (!m.measure) {
      this.bar?.destroy({ children: true });
      this.bar = null;
      return;
    }
    if (!this.bar || this.bar.barHeight !== l.bands.bar) {
      this.bar?.destroy({ children: true });
      this.bar = this.body.addChildAt(new PassBar(WIDTH, l.bands.bar), 1);
      animate = false;
    }
    this.bar.y = l.barY;
    const hasVotes = m.rows.some((r) => r.votes > 0);
    this.bar.set(m.measure.yesPct, m.measure.passPct, hasVotes, this.tweens, animate ? ROLL_MS : 0);
  }

  private layoutFooter(m: LowerThirdModel, l: Layout, animate: boolean): void {
    this.move(this.footer, { y: l.footerY }, animate);
    const measure = m.measure;
    // A measure's line is its pass mark, then its status in the colour of where it stands.
    this.leadLine.text = measure ? `${measure.passMark} ·` : m.leadLine;
    this.status.text = measure ? measure.status : '';
    this.status.style.fill = measure?.outcome === 'fail' ? COLORS.no : measure?.outcome === 'pass' ? COLORS.yes : 0x34507f;
    this.status.x = this.leadLine.x + this.leadLine.width + 10;
    this.countLine.text = m.countLine ?? '';
    if (measure) fitWidth(this.countLine, WIDTH - 22 - (this.status.x + this.status.width + 40));
    else fitSideBySide(this.leadLine, this.countLine, this.countLine.x - this.leadLine.x);
  }

  /** Shows or hides the needs-and-reporting strip; true when it is fading out on air. */
  private layoutStrip(m: LowerThirdModel, l: Layout, animate: boolean): boolean {
    const on = m.needsLine !== null || m.reportingLine !== null;
    this.needsLine.text = m.needsLine ?? '';
    this.reportingLine.text = m.reportingLine ?? '';
    fitWidth(this.needsLine, WIDTH - 60 - (m.reportingLine ? this.reportingLine.width + 40 : 0));
    this.move(this.strip, { y: l.stripY }, animate && this.stripOn && on);
    if (on === this.stripOn) return false;
    this.stripOn = on;
    if (!animate) {
      this.tweens.kill(this.strip);
      this.strip.alpha = on ? 1 : 0;
      this.strip.visible = on;
      return false;
    }
    this.strip.visible = true;
    void this.tweens.to(this.strip, { alpha: on ? 1 : 0 }, { duration: STRIP_FADE_MS, delay: on ? 150 : 0 }).then((done) => {
      if (done && !this.stripOn && !this.destroyed) this.strip.visible = false;
    });
    return !on;
  }

  /** Sets a y at once, or eases to it while on air. */
  private move(target: Container, to: { y: number }, animate: boolean, delay = 0): void {
    // Where each part is going (not where a running ease has it now): an unchanged layout starts no tween.
    if ((this.destinations.get(target) ?? target.y) === to.y) return;
    this.destinations.set(target, to.y);
    if (animate) void this.tweens.to(target, to, { duration: ROLL_MS, delay, ease: easeInOutCubic });
    else {
      this.tweens.killKeys(target, ['y']);
      target.y = to.y;
    }
  }
}
