import { Container, Graphics } from 'pixi.js';
import { MARK_TEXT, type RowMark } from '../../models.js';
import { COLORS, label } from '../../theme.js';

const STYLE: Record<RowMark, { bg: number; fg: number }> = {
  winning: { bg: COLORS.called, fg: COLORS.white },
  tied: { bg: COLORS.mark, fg: COLORS.ink },
  advancing: { bg: COLORS.runoff, fg: COLORS.white },
  leading: { bg: COLORS.mark, fg: COLORS.ink },
};

/** The glyph of a mark as a shape (fonts differ in what symbols they carry; a shape reads the same everywhere). */
function glyph(mark: RowMark, size: number, color: number): Graphics {
  const s = size / 2;
  const g = new Graphics();
  const stroke = { width: size * 0.2, color, cap: 'round', join: 'round' } as const;
  if (mark === 'winning') {
    g.moveTo(-s * 0.8, 0).lineTo(-s * 0.25, s * 0.6).lineTo(s * 0.85, -s * 0.65).stroke(stroke);
  } else if (mark === 'tied') {
    g.moveTo(-s * 0.75, -s * 0.32).lineTo(s * 0.75, -s * 0.32).moveTo(-s * 0.75, s * 0.32).lineTo(s * 0.75, s * 0.32).stroke(stroke);
  } else if (mark === 'leading') {
    g.moveTo(0, -s * 0.7).lineTo(s * 0.8, s * 0.6).lineTo(-s * 0.8, s * 0.6).closePath().fill(color);
  } else {
    g.moveTo(-s * 0.85, 0).lineTo(s * 0.75, 0).moveTo(s * 0.15, -s * 0.6).lineTo(s * 0.8, 0).lineTo(s * 0.15, s * 0.6).stroke(stroke);
  }
  return g;
}

/** "✓ WINNING", "= TIED", "→ RUNOFF", "▲ LEADS" as a pill beside a candidate's name; origin at its left-middle. */
export function rowMark(mark: RowMark, height: number): Container {
  const { bg, fg } = STYLE[mark];
  const c = new Container();
  const pad = Math.round(height * 0.28);
  const g = glyph(mark, height * 0.5, fg);
  g.position.set(pad + height * 0.25, 0);
  const word = label(MARK_TEXT[mark].word, Math.round(height * 0.66), '700', fg, { letterSpacing: 0.5 });
  word.position.set(pad + height * 0.5 + 8, 1);
  const w = word.x + word.width + pad;
  c.addChild(new Graphics().roundRect(0, -height / 2, w, height, 4).fill(bg), g, word);
  return c;
}
