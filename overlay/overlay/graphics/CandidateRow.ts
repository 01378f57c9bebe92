import { Container, Graphics, type Text } from 'pixi.js';
import { formatPct, formatVotes } from '../../../shared/format.js';
import type { Tweens } from '../../lib/tween.js';
import type { RowModel } from '../models.js';
import { COLORS, FONT_FAMILY, fitWidth, label, partyColor } from '../theme.js';
import { checkMark } from './CheckMark.js';
import { RollingText } from './RollingText.js';

export const ROW_HEIGHT = 80;
const BAR_W = 16;
const PCT_W = 196;
const VOTES_RIGHT_GAP = 28;
const NAME_X = 40;
const NAME_MAX = 470;

/** One candidate line of the lower third: party bar, name, votes, share. Origin is its top-left. */
export class CandidateRow extends Container {
  readonly id: string;
  private readonly bar = new Graphics();
  private readonly pctBox = new Graphics();
  private readonly nameText: Text;
  private readonly votes: RollingText;
  private readonly pct: RollingText;
  private readonly check = checkMark(17);
  private party: string | null;

  constructor(
    row: RowModel,
    private readonly rowWidth: number,
  ) {
    super();
    this.id = row.id;
    this.party = row.party;
    const mid = ROW_HEIGHT / 2;
    const bg = new Graphics().rect(0, 0, rowWidth, ROW_HEIGHT).fill(COLORS.navyRow);
    this.nameText = label(row.name, 50, '700', COLORS.white);
    this.nameText.position.set(NAME_X, mid + 1);
    this.votes = new RollingText(row.votes, formatVotes, {
      style: { fontFamily: FONT_FAMILY, fontSize: 46, fontWeight: '600', fill: COLORS.white },
    });
    this.votes.anchor.set(1, 0.5);
    this.votes.position.set(rowWidth - PCT_W - VOTES_RIGHT_GAP, mid + 1);
    this.pct = new RollingText(row.pct, formatPct, {
      style: { fontFamily: FONT_FAMILY, fontSize: 56, fontWeight: '700', fill: COLORS.white },
    });
    this.pct.anchor.set(0.5, 0.5);
    this.pct.position.set(rowWidth - PCT_W / 2, mid + 1);
    this.addChild(bg, this.bar, this.pctBox, this.nameText, this.votes, this.pct, this.check);
    this.drawParty();
    this.placeName();
    this.check.visible = row.winner;
  }

  /** Moves to new values; numbers roll over `duration` ms. */
  set(row: RowModel, tweens: Tweens, duration: number): void {
    if (row.party !== this.party) {
      this.party = row.party;
      this.drawParty();
    }
    if (row.name !== this.nameText.text) {
      this.nameText.text = row.name;
      this.placeName();
    }
    this.check.visible = row.winner;
    void this.votes.roll(row.votes, tweens, duration);
    void this.pct.roll(row.pct, tweens, duration);
  }

  private drawParty(): void {
    const color = partyColor(this.party);
    this.bar.clear().rect(0, 0, BAR_W, ROW_HEIGHT).fill(color);
    this.pctBox.clear().rect(this.rowWidth - PCT_W, 0, PCT_W, ROW_HEIGHT).fill(color);
  }

  private placeName(): void {
    fitWidth(this.nameText, NAME_MAX);
    this.check.position.set(NAME_X + this.nameText.width + 30, ROW_HEIGHT / 2);
  }
}
