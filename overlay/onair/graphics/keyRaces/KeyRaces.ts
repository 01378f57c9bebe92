import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS, fitWidth, label, partyColor } from '../../theme.js';
import { checkMark } from '../parts/CheckMark.js';
import { BODY_TOP, FRAME, Fullscreen, PAD } from '../parts/Fullscreen.js';
import type { GraphicDeps } from '../parts/Graphic.js';
import { rowMark } from '../parts/RowMark.js';
import type { KeyRacesContent } from './content.js';
import { CELL_MARK_TEXT, gridColumns, keyRacesModel, keyRacesText, type CellModel } from './model.js';

const GAP = 20;
const BAND = 14;

const toneColor = (c: CellModel): number => (c.tone === 'yes' ? COLORS.yes : c.tone === 'no' ? COLORS.no : c.name ? partyColor(c.party) : COLORS.navyLine);

/** One cell: place, title, the leader's band in party colour with the mark, the margin, the count. */
class Cell extends Container {
  private readonly band = new Graphics();
  private readonly place: Text;
  private readonly title: Text;
  private readonly who: Text;
  private readonly line: Text;
  private readonly count: Text;
  private mark: Container | null = null;
  private markKey = '';

  constructor(
    private readonly w: number,
    private readonly h: number,
  ) {
    super();
    const s = Math.min(1, h / 360);
    this.addChild(new Graphics().rect(0, 0, w, h).fill(COLORS.navyRow), this.band);
    this.place = label('', Math.round(52 * s), '700', COLORS.text, { letterSpacing: 0.5 });
    this.place.position.set(BAND + 24, Math.round(44 * s));
    this.title = label('', Math.round(38 * s), '500', COLORS.muted);
    this.title.position.set(BAND + 24, Math.round(94 * s));
    this.who = label('', Math.round(72 * s), '700', COLORS.text);
    this.who.position.set(BAND + 24, Math.round(178 * s));
    this.line = label('', Math.round(50 * s), '700', COLORS.amber);
    this.line.position.set(BAND + 24, Math.round(252 * s));
    this.count = label('', Math.round(34 * s), '600', COLORS.muted);
    this.count.position.set(BAND + 24, Math.round(314 * s));
    this.addChild(this.place, this.title, this.who, this.line, this.count);
  }

  set(c: CellModel): void {
    this.band.clear().rect(0, 0, BAND, this.h).fill(toneColor(c));
    this.place.text = c.ev ? `${c.place} · ${c.ev}` : c.place;
    this.title.text = c.title;
    this.line.text = c.line;
    this.count.text = c.count ?? '';
    const max = this.w - BAND - 48;
    fitWidth(this.place, max);
    fitWidth(this.title, max);
    fitWidth(this.line, max);
    fitWidth(this.count, max);
    const key = `${c.mark}`;
    if (key !== this.markKey) {
      this.markKey = key;
      this.mark?.destroy({ children: true });
      this.mark = this.addChild(this.markView(c));
    }
    const mark = this.mark!;
    this.who.text = c.name ?? CELL_MARK_TEXT[c.mark];
    const markW = c.name ? mark.width + 20 : 0;
    mark.visible = c.name !== null;
    fitWidth(this.who, max - markW);
    mark.position.set(this.who.x + this.who.width + 20, this.who.y);
  }

  private markView(c: CellModel): Container {
    const size = Math.round(Math.min(1, this.h / 360) * 56);
    if (c.mark === 'called') {
      // The check and the word: a called race is marked in shape and in words, not by colour.
      const v = new Container();
      const check = checkMark(size * 0.42);
      check.position.set(size * 0.42, 0);
      const word = label('CALLED', Math.round(size * 0.62), '700', COLORS.white, { letterSpacing: 0.5 });
      word.position.set(size * 0.84 + 10, 1);
      const bg = new Graphics().roundRect(-8, -size / 2, word.x + word.width + 16, size, 4).fill(COLORS.called);
      v.addChild(bg, check, word);
      return v;
    }
    return rowMark(c.mark === 'tied' ? 'tied' : 'leading', size);
  }
}

/** Key races: a grid of cells under the header; each cell follows its race in place. */
export class KeyRaces extends Fullscreen<KeyRacesContent> {
  private cells: Cell[] = [];

  constructor(deps: GraphicDeps, c: KeyRacesContent) {
    super(deps);
    const n = c.races.length;
    const cols = gridColumns(n);
    const rows = Math.ceil(n / cols);
    const w = Math.floor((FRAME.width - 2 * PAD - (cols - 1) * GAP) / cols);
    const h = Math.floor((FRAME.height - BODY_TOP - PAD - (rows - 1) * GAP) / rows);
    for (let i = 0; i < n; i++) {
      const cell = new Cell(w, Math.min(h, 380));
      cell.position.set(PAD + (i % cols) * (w + GAP), BODY_TOP + Math.floor(i / cols) * (h + GAP));
      this.cells.push(cell);
      this.body.addChild(cell);
    }
    this.update(c);
  }

  update(c: KeyRacesContent): void {
    const m = keyRacesModel(c.races, c.title);
    const text = keyRacesText(m);
    if (text === this.text) return;
    this.setHeader(m.heading, '', []);
    m.cells.forEach((cell, i) => this.cells[i]?.set(cell));
    this.setText(text);
    this.frames.request();
  }
}
