import type { LeadChange, RaceView } from '../../../../shared/index.js';
import { alertModel, alertText } from '../../models.js';
import { COLORS } from '../../theme.js';
import { Banner } from '../parts/Banner.js';
import type { GraphicDeps } from '../parts/Graphic.js';

export interface AlertData {
  leadChange: LeadChange;
  race: RaceView;
}

/** The lead-change banner: a yellow "LEAD CHANGE" block with a red stripe, and the detail. */
export class LeadChangeAlert extends Banner<AlertData> {
  constructor(deps: GraphicDeps, data: AlertData) {
    super(deps, { block: COLORS.yellow, stripe: COLORS.alert, labelColor: COLORS.onAccent, underline: COLORS.alert });
    this.update(data);
  }

  update(data: AlertData): void {
    const m = alertModel(data.leadChange, data.race);
    this.draw(
      m.label,
      [
        { text: m.jurisdiction, size: 46, weight: '700', color: COLORS.yellow },
        { text: `· ${m.detail}`, size: 46, weight: '600', color: COLORS.text },
      ],
      alertText(m),
    );
  }
}
