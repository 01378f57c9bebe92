import { Container, Graphics, type Text } from 'pixi.js';
import { formatVotes } from '../../../../shared/format.js';
import type { Tweens } from '../../../lib/tween.js';
import { COLORS, FONT_FAMILY, fitWidth, label, partyColor } from '../../theme.js';
import { RollingText } from '../parts/RollingText.js';
import { ShareBar } from '../parts/ShareBar.js';
import { tag } from '../parts/Tag.js';
import { reachedText, type BalanceModel } from './model.js';

export interface BarsSize {
  width: number;
  rowH: number;
  gap: number;
  /** Room on the left for the party's name. */
  nameW: number;
  /** Room on the right for the total. */
  totalW: number;
}

interface Row {
  view: Container;
  name: Text;
  total: RollingText;
  bar: ShareBar;
  mark: Container | null;
}

/**
 * A row per party (name, bar toward the target, total) and the target line across them, labelled "270 TO WIN".
 * Totals roll and bars ease to new values; rows are fixed in place, so nothing moves but what changed.
 */
export class Bars extends Container {
  private readonly rows = new Map<string, Row>();
  private readonly line = new Graphics();
  private readonly lineLabel: Text;
  private readonly barW: number;

  constructor(private readonly size: BarsSize) {
    super();
    this.barW = size.width - size.nameW - size.totalW;
    this.lineLabel = label('', Math.round(size.rowH * 0.36), '700', COLORS.text, { letterSpacing: 0.5 });
    this.lineLabel.anchor.set(0.5, 1);
    this.addChild(this.line, this.lineLabel);
  }

  get height(): number {
    return this.rows.size * (this.size.rowH + this.size.gap);
  }

  set(m: BalanceModel, target: number, tweens: Tweens, duration: number): void {
    const { rowH, gap, nameW } = this.size;
    const wanted = new Set(m.rows.map((r) => r.party));
    for (const [party, row] of this.rows) {
      if (wanted.has(party)) continue;
      row.bar.stop(tweens);
      row.view.destroy({ children: true });
      this.rows.delete(party);
    }
    m.rows.forEach((r, i) => {
      let row = this.rows.get(r.party);
      if (!row) {
        row = this.makeRow(r.party, r.total);
        this.rows.set(r.party, row);
        this.addChildAt(row.view, 0);
        duration = 0;
      }
      row.view.y = i * (rowH + gap);
      row.name.text = r.name;
      fitWidth(row.name, nameW - 28);
      void row.total.roll(r.total, tweens, duration);
      row.bar.set(r.share, partyColor(r.party), tweens, duration);
      const want = r.reached;
      if (want !== (row.mark !== null)) {
        row.mark?.destroy({ children: true });
        row.mark = null;
        if (want) {
          row.mark = tag(reachedText(target), Math.round(rowH * 0.5), { bg: COLORS.called, fg: COLORS.white, weight: '700', check: true });
          row.mark.position.set(nameW + 16, rowH / 2);
          row.view.addChild(row.mark);
        }
      }
    });
    const x = nameW + this.barW * Math.min(1, m.targetAt);
    const h = m.rows.length * (rowH + gap) - gap;
    this.line.clear().rect(x - 3, -10, 6, h + 20).fill(COLORS.text);
    this.lineLabel.text = m.targetLabel;
    this.lineLabel.position.set(Math.min(x, this.size.width - this.lineLabel.width / 2), -14);
  }

  private makeRow(party: string, total: number): Row {
    const { rowH, nameW, width } = this.size;
    const view = new Container();
    const bg = new Graphics().rect(0, 0, width, rowH).fill(COLORS.navyRow).rect(0, 0, 12, rowH).fill(partyColor(party));
    const name = label('', Math.round(rowH * 0.5), '700', COLORS.text);
    name.position.set(28, rowH / 2);
    const bar = new ShareBar(this.barW, Math.round(rowH * 0.56));
    bar.position.set(nameW, Math.round(rowH * 0.22));
    const t = new RollingText(total, formatVotes, {
      style: { fontFamily: [...FONT_FAMILY], fontSize: Math.round(rowH * 0.66), fontWeight: '700', fill: COLORS.text },
    });
    t.anchor.set(1, 0.5);
    t.position.set(width - 24, rowH / 2 + 1);
    view.addChild(bg, bar, name, t);
    return { view, name, total: t, bar, mark: null };
  }

  stop(tweens: Tweens): void {
    for (const r of this.rows.values()) r.bar.stop(tweens);
  }
}
