import { describe, expect, it } from 'vitest';
import { applyDefinition, buildRaceView, definitionIssues, leadChangeText, RaceDefinitionInput } from '../../shared/index.js';
import { afterBatches, applied, defineRace, NOW } from './fixtures.js';

const fresh = (body: object, id = 'race') => {
  const out = applyDefinition(null, defineRace(id, body), NOW);
  if (out.kind !== 'created') throw new Error(out.kind);
  return out.record;
};
const at = (h: number) => `2020-11-03T1${h}:00:00.000Z`;

const BOARD = {
  title: 'School Board',
  jurisdiction: 'Hamilton County',
  seats: 3,
  candidates: ['adams', 'baker', 'clark', 'davis', 'evans'].map((id) => ({ id, name: id })),
};
const BOND = {
  title: 'Bond Referendum',
  jurisdiction: 'Chattanooga',
  kind: 'measure',
  passPct: 60,
  candidates: [
    { id: 'yes', name: 'Yes' },
    { id: 'no', name: 'No' },
  ],
};
const SENATE = {
  title: 'U.S. Senate (Special)',
  jurisdiction: 'Georgia',
  runoff: { thresholdPct: 50 },
  candidates: [
    { id: 'warnock', name: 'Raphael Warnock', party: 'DEM' },
    { id: 'loeffler', name: 'Kelly Loeffler', party: 'REP' },
    { id: 'collins', name: 'Doug Collins', party: 'REP' },
  ],
};

describe('race kinds: definitions', () => {
  it.each([
    { does: 'a measure without yes and no', body: { ...BOND, candidates: [{ id: 'for', name: 'For' }, { id: 'against', name: 'Against' }] }, path: 'candidates' },
    { does: 'a pass share on a candidate race', body: { ...SENATE, passPct: 60 }, path: 'passPct' },
    { does: 'more seats than candidates', body: { ...BOARD, seats: 6 }, path: 'seats' },
    { does: 'a measure with two seats', body: { ...BOND, seats: 2 }, path: 'seats' },
  ])('refuses $does, naming $path', ({ body, path }) => {
    expect(definitionIssues(RaceDefinitionInput.parse(body)).map((i) => i.path)).toEqual([path]);
  });

  it.each([BOARD, BOND, SENATE])('accepts $title', (body) => expect(definitionIssues(RaceDefinitionInput.parse(body))).toEqual([]));

  it('counts a change of seats or pass share as a redefinition', () => {
    const r = fresh(BOARD);
    expect(applyDefinition(r, defineRace('race', BOARD), NOW).kind).toBe('unchanged');
    expect(applyDefinition(r, defineRace('race', { ...BOARD, seats: 2 }), NOW).kind).toBe('updated');
  });
});

describe('race kinds: views and lead changes', () => {
  it('shows a 60% bond measure passing at exactly 60%', () => {
    const view = buildRaceView(afterBatches(fresh(BOND), [{ asOf: at(1), votes: { yes: 600, no: 400 } }]));
    expect(view).toMatchObject({ kind: 'measure', measure: { yesPct: 60, passPct: 60, passing: true }, winning: ['yes'] });
    const short = buildRaceView(afterBatches(fresh(BOND), [{ asOf: at(1), votes: { yes: 599, no: 401 } }]));
    expect(short.measure).toMatchObject({ passing: false });
  });

  it('shows the winning set of a vote-for-3, ties at the cut-off together', () => {
    const tie = buildRaceView(afterBatches(fresh(BOARD), [{ asOf: at(1), votes: { adams: 50, baker: 40, clark: 30, davis: 30, evans: 10 } }]));
    expect(tie).toMatchObject({ seats: 3, winning: ['adams', 'baker', 'clark', 'davis'] });
  });

  it('records a vote-for-3 lead change when the winning set changes, naming who left and who entered', () => {
    const r = afterBatches(fresh(BOARD), [{ asOf: at(1), votes: { adams: 50, baker: 40, clark: 30, davis: 20, evans: 10 } }]);
    const tie = applied(r, { asOf: at(2), votes: { adams: 50, baker: 40, clark: 30, davis: 30, evans: 10 } });
    expect(tie.leadChange).toBeNull(); // a tie at the cut-off is not a change
    const out = applied(tie.record, { asOf: at(3), votes: { adams: 50, baker: 40, clark: 30, davis: 35, evans: 10 } });
    // The margin is the one who entered over the one who left (35 − 30), not the top of the field over the second.
    expect(out.leadChange).toMatchObject({ from: 'clark', to: 'davis', fromSet: ['clark'], toSet: ['davis'], margin: 5, marginPct: (100 * 5) / 165 });
    expect(applied(out.record, { asOf: at(4), votes: { adams: 90, baker: 40, clark: 30, davis: 35, evans: 10 } }).leadChange).toBeNull();
  });

  it('words a vote-for-3 lead change by the two it names, live while the one who entered stays in and the one who left stays out', () => {
    const r = afterBatches(fresh(BOARD), [{ asOf: at(1), votes: { adams: 500, baker: 400, clark: 300, davis: 299, evans: 10 } }]);
    const out = applied(r, { asOf: at(2), votes: { adams: 500, baker: 400, clark: 300, davis: 310, evans: 10 } });
    const lc = out.leadChange!;
    expect(leadChangeText(lc, buildRaceView(out.record))).toBe('LEAD CHANGE\nHAMILTON COUNTY · davis overtakes clark · leads by 10');
    const wider = applied(out.record, { asOf: at(3), votes: { adams: 900, baker: 400, clark: 300, davis: 325, evans: 10 } });
    expect(leadChangeText(lc, buildRaceView(wider.record))).toBe('LEAD CHANGE\nHAMILTON COUNTY · davis overtakes clark · leads by 25');
    const back = applied(wider.record, { asOf: at(4), votes: { adams: 900, baker: 400, clark: 330, davis: 325, evans: 10 } });
    expect(leadChangeText(lc, buildRaceView(back.record))).toBe('LEAD CHANGE\nHAMILTON COUNTY · davis overtook clark by 10');
  });

  it('says a runoff is likely while nobody exceeds 50%, exactly 50% included', () => {
    const half = buildRaceView(afterBatches(fresh(SENATE), [{ asOf: at(1), votes: { warnock: 500, loeffler: 300, collins: 200 } }]));
    expect(half.runoffLikely).toBe(true);
    const over = buildRaceView(afterBatches(fresh(SENATE), [{ asOf: at(1), votes: { warnock: 501, loeffler: 299, collins: 200 } }]));
    expect(over.runoffLikely).toBe(false);
  });

  it('tells what the runner-up needs of the outstanding ballots', () => {
    const view = buildRaceView(
      afterBatches(fresh(SENATE), [{ asOf: at(1), votes: { warnock: 1000, loeffler: 900, collins: 100 }, outstanding: { ballots: 300, label: 'provisional' } }]),
    );
    // Loeffler needs more than (100 + 300) / 2 = 200 of the 300: 201.
    expect(view.needs).toEqual({ candidate: 'loeffler', pctOfRemaining: 67 });
  });
});
