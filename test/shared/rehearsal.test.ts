import { describe, expect, it } from 'vitest';
import type { Graphic, LeadChange, RaceView } from '../../shared/index.js';
import { showsRehearsalData } from '../../shared/graphics/rehearsal.js';

const race = (id: string, test: boolean) => ({ id, test }) as RaceView;
const RACES: Record<string, RaceView> = { ga: race('ga', true), pa: race('pa', false), az: race('az', false) };
const LEAD_CHANGES: Record<string, LeadChange> = {
  'pa.r3': { id: 'pa.r3', raceId: 'pa' } as LeadChange,
  'pa.r2': { id: 'pa.r2', raceId: 'pa', test: true } as LeadChange,
  'ga.r4': { id: 'ga.r4', raceId: 'ga' } as LeadChange,
};
const lookup = { race: (id: string) => RACES[id], leadChange: (id: string) => LEAD_CHANGES[id] };

describe('showsRehearsalData (the TEST mark the overlay draws, for the control panel)', () => {
  it.each<{ does: string; g: Graphic; want: boolean }>([
    { does: 'marks the lower third of a test race', g: { type: 'race', raceId: 'ga' }, want: true },
    { does: 'leaves the lower third of a live race', g: { type: 'race', raceId: 'pa' }, want: false },
    { does: 'marks a ticker with one test race among live ones', g: { type: 'ticker', raceIds: ['pa', 'ga', 'az'] }, want: true },
    { does: 'leaves a ticker of live races', g: { type: 'ticker', raceIds: ['pa', 'az'] }, want: false },
    { does: 'marks a board of a test race', g: { type: 'board', raceId: 'ga' }, want: true },
    { does: 'marks a lead change of a race now in test', g: { type: 'leadChange', leadChangeId: 'ga.r4' }, want: true },
    { does: 'marks a lead change detected in rehearsal batches though its race is live now', g: { type: 'leadChange', leadChangeId: 'pa.r2' }, want: true },
    { does: 'leaves a live lead change of a live race', g: { type: 'leadChange', leadChangeId: 'pa.r3' }, want: false },
    { does: 'leaves a race this page does not know', g: { type: 'race', raceId: 'nv' }, want: false },
  ])('$does', ({ g, want }) => {
    expect(showsRehearsalData(g, lookup)).toBe(want);
  });
});
