import { Container, Graphics, type Text } from 'pixi.js';
import type { RaceView } from '../../../../shared/index.js';
import { easeInOutCubic } from '../../../lib/tween.js';
import { COLORS, fitSideBySide, fitWidth, label } from '../../theme.js';
import { CandidateRow, toneColor, type RowMetrics } from '../parts/CandidateRow.js';
import { BODY_TOP, FRAME, Fullscreen, PAD } from '../parts/Fullscreen.js';
import type { GraphicDeps } from '../parts/Graphic.js';
import { PassBar } from '../parts/PassBar.js';
import { ShareBar } from '../parts/ShareBar.js';
import { TAG_STYLE } from '../parts/tagStyles.js';
import { boardModel, boardText, type BoardModel } from './model.js';

const ROLL_MS = 400;
const WIDTH = FRAME.width - 2 * PAD;
const FOOTER_H = 70;
const STRIP_H = 56;
const BAR_H = 12;
const BAR_GAP = 6;
const ROW_GAP = 12;
/** The rows' band: from under the header to above the footer, the strip and a measure's pass bar. */
const ROWS_BOTTOM = FRAME.height - PAD / 2 - STRIP_H - FOOTER_H - 16;

/** Row sizes for `n` rows in the band: two rows are big, eight still read from across a studio. */
function metrics(n: number, measure: boolean): RowMetrics & { step: number } {
  const band = ROWS_BOTTOM - BODY_TOP - (measure ? 70 : 0);
  const step = Math.min(180, Math.floor((band + ROW_GAP) / Math.max(n, 1)));
  const height = step - ROW_GAP - BAR_H - BAR_GAP;
  return {
    step,
    height,
    name: Math.round(height * 0.55),
    votes: Math.round(height * 0.5),
    pct: Math.round(height * 0.6),
    pctW: Math.round(height * 2.6),
    bar: 18,
    nameX: 44,
    nameMax: 980,
  };
}

interface BoardRow {
  row: CandidateRow;
  bar: ShareBar;
}

/**
 * The full-screen board of one race: a row per candidate, leader on top, with a share bar under each; the footer
 * says who leads and what is out; the strip what the runner-up needs and how much has reported. Numbers roll and
 * rows move to their new places as counts arrive; the board itself does not animate in again.
 */
export class Board extends Fullscreen<RaceView> {
  private readonly rows = new Map<string, BoardRow>();
  private metricsKey = '';
  private bar: PassBar | null = null;
  private readonly footer = new Container();
  private readonly leadLine: Text;
  private readonly countLine: Text;
  private readonly strip = new Container();
  private readonly needsLine: Text;
  private readonly reportingLine: Text;
  private readonly destinations = new WeakMap<Container, number>();

  constructor(deps: GraphicDeps, race: RaceView) {
    super(deps);
    const footerY = FRAME.height - PAD / 2 - STRIP_H - FOOTER_H;
    this.footer.position.set(PAD, footerY);
    this.footer.addChild(new Graphics().rect(0, 0, WIDTH, FOOTER_H).fill(COLORS.paper));
    this.leadLine = label('', 46, '700', COLORS.ink);
    this.leadLine.position.set(28, FOOTER_H / 2);
    this.countLine = label('', 38, '600', 0x34507f);
    this.countLine.anchor.set(1, 0.5);
    this.countLine.position.set(WIDTH - 28, FOOTER_H / 2);
    this.footer.addChild(this.leadLine, this.countLine);
    this.strip.position.set(PAD, footerY + FOOTER_H);
    this.strip.addChild(new Graphics().rect(0, 0, WIDTH, STRIP_H).fill(COLORS.navyDeep).rect(0, 0, 10, STRIP_H).fill(COLORS.yellow));
    this.needsLine = label('', 38, '600', COLORS.yellow);
    this.needsLine.position.set(32, STRIP_H / 2);
    this.reportingLine = label('', 36, '600', COLORS.muted);
    this.reportingLine.anchor.set(1, 0.5);
    this.reportingLine.position.set(WIDTH - 28, STRIP_H / 2);
    this.strip.addChild(this.needsLine, this.reportingLine);
    this.body.addChild(this.footer, this.strip);
    this.apply(boardModel(race), false);
  }

  update(race: RaceView): void {
    this.apply(boardModel(race), true);
  }

  private apply(m: BoardModel, animate: boolean): void {
    const text = boardText(m);
    if (animate && text === this.text) return;
    this.setHeader(m.jurisdiction, m.title, m.tags.map((t) => ({ text: t.text, style: TAG_STYLE[t.tone] })));
    const mm = metrics(m.rows.length, m.measure !== null);
    const key = `${m.rows.length}/${m.measure !== null}`;
    if (key !== this.metricsKey) {
      // Another number of rows is drawn at another size: start the rows afresh.
      this.metricsKey = key;
      for (const r of this.rows.values()) this.drop(r);
      this.rows.clear();
      animate = false;
    }
    const wanted = new Set(m.rows.map((r) => r.id));
    for (const [id, r] of this.rows) {
      if (wanted.has(id)) continue;
      this.rows.delete(id);
      this.drop(r);
    }
    const barW = WIDTH - mm.pctW;
    m.rows.forEach((model, i) => {
      const y = BODY_TOP + i * mm.step;
      let r = this.rows.get(model.id);
      if (!r) {
        const row = new CandidateRow(model, WIDTH, mm, { headshot: true });
        const bar = new ShareBar(barW, BAR_H);
        bar.y = mm.height + BAR_GAP;
        const holder = new Container();
        holder.addChild(row, bar);
        holder.position.set(PAD, y);
        this.destinations.set(holder, y);
        this.body.addChild(holder);
        r = { row, bar };
        this.rows.set(model.id, r);
        bar.set(model.pct / 100, toneColor(model), this.tweens, 0);
        return;
      }
      r.row.set(model, this.tweens, animate ? ROLL_MS : 0);
      r.bar.set(model.pct / 100, toneColor(model), this.tweens, animate ? ROLL_MS : 0);
      this.move(r.row.parent!, y, animate);
    });
    this.layoutBar(m, mm, animate);
    this.leadLine.text = m.measure ? `${m.measure.passMark} · ${m.measure.status}` : m.leadLine;
    this.countLine.text = m.countLine ?? '';
    fitSideBySide(this.leadLine, this.countLine, this.countLine.x - this.leadLine.x);
    this.needsLine.text = m.needsLine ?? '';
    this.reportingLine.text = m.reportingLine ?? '';
    fitWidth(this.needsLine, WIDTH - 64 - (m.reportingLine ? this.reportingLine.width + 40 : 0));
    this.strip.visible = m.needsLine !== null || m.reportingLine !== null;
    this.setText(text);
    this.frames.request();
  }

  private layoutBar(m: BoardModel, mm: ReturnType<typeof metrics>, animate: boolean): void {
    if (!m.measure) {
      this.bar?.destroy({ children: true });
      this.bar = null;
      return;
    }
    if (!this.bar) {
      this.bar = this.body.addChild(new PassBar(WIDTH, 56));
      animate = false;
    }
    this.bar.position.set(PAD, BODY_TOP + m.rows.length * mm.step);
    this.bar.set(m.measure.yesPct, m.measure.passPct, m.rows.some((r) => r.votes > 0), this.tweens, animate ? ROLL_MS : 0);
  }

  private drop(r: BoardRow): void {
    const holder = r.row.parent;
    this.tweens.kill(r.row);
    r.bar.stop(this.tweens);
    if (holder) {
      this.tweens.kill(holder);
      holder.destroy({ children: true });
    }
  }

  private move(target: Container, y: number, animate: boolean): void {
    if ((this.destinations.get(target) ?? target.y) === y) return;
    this.destinations.set(target, y);
    if (animate) void this.tweens.to(target, { y }, { duration: ROLL_MS, ease: easeInOutCubic });
    else {
      this.tweens.killKeys(target, ['y']);
      target.y = y;
    }
  }
}
