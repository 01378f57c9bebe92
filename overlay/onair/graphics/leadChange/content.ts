/** The lead-change alert on air: what it draws (pure). */
import type { GraphicOf, LeadChange, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { alertModel, alertText } from './model.js';

export interface LeadChangeContent {
  kind: 'leadChange';
  key: string;
  leadChange: LeadChange;
  race: RaceView;
}

export const leadChangeKind = defineContent<GraphicOf<'leadChange'>, LeadChangeContent>({
  resolve: (g, s) => {
    const lc = s.leadChanges[g.leadChangeId];
    const race = lc ? s.races[lc.raceId] : undefined;
    return lc && race ? { kind: 'leadChange', key: `leadChange:${lc.id}`, leadChange: lc, race } : null;
  },
  races: (c) => [c.race],
  rehearsal: (c) => c.leadChange.test === true,
  text: (c) => alertText(alertModel(c.leadChange, c.race)),
});
