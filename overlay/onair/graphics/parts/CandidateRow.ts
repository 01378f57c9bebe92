import { Container, Graphics, type Text } from 'pixi.js';
import { formatRowShare, formatVotes } from '../../../../shared/format.js';
import type { Tweens } from '../../../lib/tween.js';
import type { RowMark, RowModel } from '../../models.js';
import { textOn } from '../../look/palette.js';
import { COLORS, FONT_FAMILY, fitWidth, label, partyColor } from '../../theme.js';
import { checkMark } from './CheckMark.js';
import { portrait } from './Portrait.js';
import { RollingText } from './RollingText.js';
import { rowMark } from './RowMark.js';

/** Sizes of a row: regular for two rows (the classic head-to-head), compact for three or four. */
export interface RowMetrics {
  height: number;
  name: number;
  votes: number;
  pct: number;
  pctW: number;
  bar: number;
  nameX: number;
  /** Room for the name, the called check and the mark together. */
  nameMax: number;
}

export const ROW_REGULAR: RowMetrics = { height: 80, name: 50, votes: 46, pct: 56, pctW: 196, bar: 16, nameX: 40, nameMax: 500 };
export const ROW_COMPACT: RowMetrics = { height: 56, name: 40, votes: 36, pct: 44, pctW: 168, bar: 12, nameX: 32, nameMax: 590 };

const VOTES_RIGHT_GAP = 28;

/** The colour of a row: its party, a measure's YES or NO, or the grey of "others". */
export function toneColor(row: Pick<RowModel, 'tone' | 'party'>): number {
  switch (row.tone) {
    case 'yes':
      return COLORS.yes;
    case 'no':
      return COLORS.no;
    case 'others':
      return COLORS.other;
    case 'party':
      return partyColor(row.party);
  }
}

/** One line of the lower third: colour bar, name (with its check and mark), votes, share. Origin is its top-left. */
export class CandidateRow extends Container {
  readonly id: string;
  private readonly bar = new Graphics();
  private readonly pctBox = new Graphics();
  private readonly nameText: Text;
  private readonly votes: RollingText;
  private readonly pct: RollingText;
  private readonly check: Graphics;
  private markView: Container | null = null;
  private mark: RowMark | null = null;
  private color: number;
  /** The headshot disc (boards only), before the name. */
  private face: Container | null = null;
  private readonly nameX: number;

  constructor(
    row: RowModel,
    private readonly rowWidth: number,
    readonly metrics: RowMetrics,
    opts: { headshot?: boolean } = {},
  ) {
    super();
    this.id = row.id;
    this.color = toneColor(row);
    const m = metrics;
    const faceSize = Math.round(m.height * 0.8);
    // A disc for each candidate of a party (not "Others", not a measure's YES / NO).
    this.nameX = opts.headshot && row.tone === 'party' && row.party ? m.nameX + faceSize + 18 : m.nameX;
    const mid = m.height / 2;
    const bg = new Graphics().rect(0, 0, rowWidth, m.height).fill(COLORS.navyRow);
    this.nameText = label(row.name, m.name, '700', row.tone === 'others' ? COLORS.muted : COLORS.text);
    this.nameText.position.set(m.nameX, mid + 1);
    this.votes = new RollingText(row.votes, formatVotes, {
      style: { fontFamily: [...FONT_FAMILY], fontSize: m.votes, fontWeight: '600', fill: COLORS.text },
    });
    this.votes.anchor.set(1, 0.5);
    this.votes.position.set(rowWidth - m.pctW - VOTES_RIGHT_GAP, mid + 1);
    const passPct = row.passPct;
    this.pct = new RollingText(row.pct, (n) => formatRowShare(n, passPct), {
      style: { fontFamily: [...FONT_FAMILY], fontSize: m.pct, fontWeight: '700', fill: textOn(this.color, COLORS.text) },
    });
    this.pct.anchor.set(0.5, 0.5);
    this.pct.position.set(rowWidth - m.pctW / 2, mid + 1);
    this.check = checkMark(Math.round(m.height * 0.21));
    this.addChild(bg, this.bar, this.pctBox, this.nameText, this.votes, this.pct, this.check);
    if (this.nameX !== m.nameX) {
      this.face = this.addChild(portrait(row.id, row.name, faceSize, this.color));
      this.face.position.set(m.nameX + faceSize / 2, mid);
    }
    this.drawColor();
    this.setMark(row.mark);
    this.check.visible = row.winner;
    this.placeName();
  }

  /** Moves to new values; numbers roll over `duration` ms. */
  set(row: RowModel, tweens: Tweens, duration: number): void {
    const color = toneColor(row);
    if (color !== this.color) {
      this.color = color;
      this.drawColor();
    }
    let relayout = row.winner !== this.check.visible || row.mark !== this.mark;
    if (row.name !== this.nameText.text) {
      this.nameText.text = row.name;
      relayout = true;
    }
    this.check.visible = row.winner;
    this.setMark(row.mark);
    if (relayout) this.placeName();
    void this.votes.roll(row.votes, tweens, duration);
    void this.pct.roll(row.pct, tweens, duration);
  }

  private setMark(mark: RowMark | null): void {
    if (mark === this.mark) return;
    this.mark = mark;
    this.markView?.destroy({ children: true });
    this.markView = mark ? this.addChild(rowMark(mark, Math.round(this.metrics.height * 0.6))) : null;
  }

  private drawColor(): void {
    const { bar, pctW, height } = this.metrics;
    this.bar.clear().rect(0, 0, bar, height).fill(this.color);
    this.pctBox.clear().rect(this.rowWidth - pctW, 0, pctW, height).fill(this.color);
    // The share reads on its party's colour whatever the theme (the theme's text, white or ink, whichever reads best).
    if (this.pct) this.pct.style.fill = textOn(this.color, COLORS.text);
  }

  /** Name, then the called check, then the mark; the name yields room so the marks are never squeezed. */
  private placeName(): void {
    const m = this.metrics;
    const mid = m.height / 2;
    const checkW = this.check.visible ? this.check.width + 24 : 0;
    const markW = this.markView ? this.markView.width + 20 : 0;
    const faceW = this.nameX - m.nameX;
    this.nameText.x = this.nameX;
    fitWidth(this.nameText, m.nameMax - faceW - checkW - markW);
    let x = this.nameX + this.nameText.width + 20;
    if (this.check.visible) {
      this.check.position.set(x + this.check.width / 2, mid);
      x += checkW;
    }
    this.markView?.position.set(x, mid);
  }
}
