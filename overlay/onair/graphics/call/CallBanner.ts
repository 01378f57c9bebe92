import type { RaceView } from '../../../../shared/index.js';
import { callBannerModel, callBannerText } from '../../models.js';
import { COLORS, partyColor } from '../../theme.js';
import { Banner } from '../parts/Banner.js';
import type { GraphicDeps } from '../parts/Graphic.js';

/**
 * The projected-winner banner: a green "PROJECTED WINNER" block, the place, and the winner's full name over a
 * line in their party's colour. It follows its race; the scene takes it off once the race has no call.
 */
export class CallBanner extends Banner<RaceView> {
  constructor(deps: GraphicDeps, race: RaceView) {
    super(deps, { block: COLORS.called, stripe: COLORS.white, labelColor: COLORS.white, underline: COLORS.called });
    this.update(race);
  }

  update(race: RaceView): void {
    const m = callBannerModel(race);
    // A race without a call never resolves to this banner; should one arrive anyway, keep what is drawn.
    if (!m) return;
    const line = m.tone === 'yes' ? COLORS.yes : m.tone === 'no' ? COLORS.no : partyColor(m.party);
    this.draw(
      m.label,
      [
        { text: `${m.place} ·`, size: 44, weight: '600', color: COLORS.soft },
        { text: m.winner, size: 58, weight: '700', color: COLORS.text },
      ],
      callBannerText(m),
      m.party === null && m.tone === 'party' ? COLORS.called : line,
    );
  }
}
