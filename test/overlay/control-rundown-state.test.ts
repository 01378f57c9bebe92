import { describe, expect, it } from 'vitest';
import type { ControlSnapshot, Layers, Rundown, RundownRun, RundownStatus } from '../../shared/index.js';
import { ControlState } from '../../overlay/control/state.js';

const EMPTY: Layers = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
const item = (raceId: string) => ({ layer: 'lowerThird' as const, graphic: { type: 'race' as const, raceId } });
const rundown = (id: string, name: string): Rundown => ({ id, name, items: [item('ga')], loop: false, skipAwaiting: false, updatedAt: '2020-11-06T10:00:00.000Z' });
const run = (o: Partial<RundownRun> = {}): RundownRun => ({
  rundownId: 'night',
  index: 0,
  itemStartedAt: '2020-11-06T10:00:00.000Z',
  pausedAt: null,
  items: [item('ga'), item('az')],
  loop: false,
  skipAwaiting: false,
  name: 'Night',
  ...o,
});
const running = (channel: 'program' | 'preview', o: Partial<RundownRun> = {}): RundownStatus => ({ channel, run: run(o), nextIndex: 1, endsAt: '2020-11-06T10:00:08.000Z' });
const stopped = (channel: 'program' | 'preview', at: string, message = '"Night" stopped: a graphic was put up by hand on the program lower third'): RundownStatus => ({
  channel,
  run: null,
  nextIndex: null,
  endsAt: null,
  stopped: { reason: 'take', message, at },
});
const snapshot = (rundowns?: ControlSnapshot['rundowns']): ControlSnapshot => ({
  graphics: { program: EMPTY, preview: EMPTY },
  races: {},
  leadChanges: {},
  alerts: [],
  revision: 1,
  feeds: [],
  calls: [],
  ...(rundowns ? { rundowns } : {}),
});
const settle = () => new Promise<void>((r) => queueMicrotask(r));

describe('the control panel’s rundowns state', () => {
  it('takes the list (by name) and each channel’s run from the snapshot; an older server sends none', () => {
    const s = new ControlState(() => 0);
    s.applySnapshot(snapshot({ list: [rundown('b', 'Zulu'), rundown('a', 'Alpha')], runs: [running('preview')] }));
    expect(s.rundowns.map((r) => r.name)).toEqual(['Alpha', 'Zulu']);
    expect(s.runs.get('preview')?.run?.rundownId).toBe('night');
    expect(s.runs.has('program')).toBe(false);
    s.applySnapshot(snapshot());
    expect(s.rundowns).toEqual([]);
    expect(s.runs.size).toBe(0);
  });

  it.each([
    { what: 'program’s run first', runs: [running('preview', { name: 'Late' }), running('program')], active: 'program' },
    { what: 'preview’s when program runs none', runs: [stopped('program', '2020-11-06T10:00:01.000Z'), running('preview')], active: 'preview' },
    { what: 'none when nothing runs', runs: [stopped('program', '2020-11-06T10:00:01.000Z')], active: null },
  ])('steers $what with the keys', ({ runs, active }) => {
    const s = new ControlState(() => 0);
    for (const r of runs) s.applyRundownStatus(r);
    expect(s.activeRun()?.channel ?? null).toBe(active);
  });

  it('says once in the action log why a run ended, in the run’s own words', async () => {
    const s = new ControlState(() => 5);
    s.applyRundownStatus(running('program'));
    expect(s.log).toEqual([]);
    s.applyRundownStatus(stopped('program', '2020-11-06T10:00:03.000Z'));
    s.applyRundownStatus(stopped('program', '2020-11-06T10:00:03.000Z'));
    expect(s.log.map((l) => l.text)).toEqual(['Rundown program: "Night" stopped: a graphic was put up by hand on the program lower third']);
    s.applyRundownStatus(stopped('program', '2020-11-06T10:09:00.000Z', '"Night" stopped by the producer on program'));
    expect(s.log.map((l) => l.text)[0]).toBe('Rundown program: "Night" stopped by the producer on program');
    await settle();
  });

  it('replaces a saved rundown by its id, and forgets everything on reset', () => {
    const s = new ControlState(() => 0);
    s.applyRundowns([rundown('night', 'Night'), rundown('day', 'Day')]);
    s.applyRundown({ ...rundown('night', 'Night'), items: [item('ga'), item('pa')] });
    expect(s.rundowns.map((r) => [r.id, r.items.length])).toEqual([
      ['day', 1],
      ['night', 2],
    ]);
    s.applyRundownStatus(running('program'));
    s.reset();
    expect(s.rundowns).toEqual([]);
    expect(s.runs.size).toBe(0);
  });
});
