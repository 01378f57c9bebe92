import { describe, expect, it } from 'vitest';
import { EMPTY_GRAPHICS, GraphicsState, RundownBody, type Graphic, type Rundown, type RundownItem, type RundownRun } from '../../shared/index.js';
import {
  dwellMs,
  endRun,
  endedRunEvents,
  firstIndex,
  isAwaiting,
  isDue,
  itemEndsAt,
  moveRun,
  newRun,
  pauseRun,
  resumeRun,
  rundownStatus,
  runsOf,
  startRun,
  stepIndex,
  stopByHand,
  type HasVotes,
} from '../../shared/domain/rundown.js';

const T0 = new Date('2020-11-06T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const race = (raceId: string): Graphic => ({ type: 'race', raceId });
const item = (raceId: string, extra: Partial<RundownItem> = {}): RundownItem => ({ layer: 'lowerThird', graphic: race(raceId), ...extra });
const plan = (ids: string[], o: { loop?: boolean; skipAwaiting?: boolean } = {}) => ({
  items: ids.map((id) => item(id)),
  loop: o.loop ?? false,
  skipAwaiting: o.skipAwaiting ?? false,
});
const votes = (...ids: string[]): HasVotes => (id) => ids.includes(id);
const all: HasVotes = () => true;

const rundown = (items: RundownItem[], o: Partial<Rundown> = {}): Rundown => ({
  id: 'night',
  name: 'Night',
  items,
  loop: false,
  skipAwaiting: false,
  updatedAt: T0.toISOString(),
  ...o,
});

describe('rundown: which item airs next', () => {
  it.each([
    { does: 'goes to the next item', ids: ['a', 'b', 'c'], from: 0, step: 1, o: {}, has: all, want: 1 },
    { does: 'ends after the last item of a rundown that does not loop', ids: ['a', 'b', 'c'], from: 2, step: 1, o: {}, has: all, want: null },
    { does: 'wraps round to the first item of a loop', ids: ['a', 'b', 'c'], from: 2, step: 1, o: { loop: true }, has: all, want: 0 },
    { does: 'skips a race with no votes when skipping', ids: ['a', 'b', 'c'], from: 0, step: 1, o: { skipAwaiting: true }, has: votes('a', 'c'), want: 2 },
    { does: 'airs a race with no votes when not skipping', ids: ['a', 'b', 'c'], from: 0, step: 1, o: {}, has: votes('a', 'c'), want: 1 },
    { does: 'ends when only races with no votes are left', ids: ['a', 'b', 'c'], from: 0, step: 1, o: { skipAwaiting: true }, has: votes('a'), want: null },
    { does: 'skips round a loop to the first race with votes', ids: ['a', 'b', 'c'], from: 1, step: 1, o: { loop: true, skipAwaiting: true }, has: votes('a', 'b'), want: 0 },
    { does: 'stands again in a loop where no other race has votes', ids: ['a', 'b', 'c'], from: 1, step: 1, o: { loop: true, skipAwaiting: true }, has: votes('b'), want: 1 },
    { does: 'ends a loop where no race has votes any more', ids: ['a', 'b'], from: 0, step: 1, o: { loop: true, skipAwaiting: true }, has: votes(), want: null },
    { does: 'stands again in a loop of one item', ids: ['a'], from: 0, step: 1, o: { loop: true }, has: all, want: 0 },
    { does: 'goes back one item', ids: ['a', 'b', 'c'], from: 2, step: -1, o: {}, has: all, want: 1 },
    { does: 'has nothing before the first item of a rundown that does not loop', ids: ['a', 'b', 'c'], from: 0, step: -1, o: {}, has: all, want: null },
    { does: 'goes back round a loop to the last item', ids: ['a', 'b', 'c'], from: 0, step: -1, o: { loop: true }, has: all, want: 2 },
    { does: 'goes back past a race with no votes when skipping', ids: ['a', 'b', 'c'], from: 2, step: -1, o: { skipAwaiting: true }, has: votes('a', 'c'), want: 0 },
  ] as const)('$does', ({ ids, from, step, o, has, want }) => {
    expect(stepIndex(plan([...ids], o), from, has, step)).toBe(want);
  });

  it.each([
    { does: 'starts at the first item', o: {}, has: votes(), want: 0 },
    { does: 'starts at the first race with votes when skipping', o: { skipAwaiting: true }, has: votes('c'), want: 2 },
    { does: 'has nothing to start with when no race has votes and it skips them', o: { skipAwaiting: true }, has: votes(), want: null },
  ])('$does', ({ o, has, want }) => {
    expect(firstIndex(plan(['a', 'b', 'c'], o), has)).toBe(want);
  });

  it.each([
    { does: 'a race with no votes is awaiting', it: item('a'), has: votes(), want: true },
    { does: 'a race with votes is not', it: item('a'), has: votes('a'), want: false },
    { does: 'key races are awaiting only when none has votes', it: { layer: 'fullscreen', graphic: { type: 'keyRaces', raceIds: ['a', 'b'] } }, has: votes('b'), want: false },
    { does: 'key races with no votes anywhere are awaiting', it: { layer: 'fullscreen', graphic: { type: 'keyRaces', raceIds: ['a', 'b'] } }, has: votes(), want: true },
    { does: 'a lead change names no race: never awaiting', it: { layer: 'alert', graphic: { type: 'leadChange', leadChangeId: 'a.r1' } }, has: votes(), want: false },
  ] as { does: string; it: RundownItem; has: HasVotes; want: boolean }[])('$does', ({ it: i, has, want }) => {
    expect(isAwaiting(i, has)).toBe(want);
  });
});

describe('rundown: dwell, pause and resume', () => {
  const run = (o: Partial<RundownRun> = {}): RundownRun => ({ ...newRun(rundown([item('a', { dwellSeconds: 5 }), item('b')]), 0, T0), ...o });

  it.each([
    { does: 'an item says its own dwell', it: item('a', { dwellSeconds: 12 }), want: 12_000 },
    { does: 'an item that does not say stands 8 s', it: item('a'), want: 8_000 },
  ])('$does', ({ it: i, want }) => expect(dwellMs(i)).toBe(want));

  it.each([
    { does: 'is not due a moment before its dwell is over', ms: 4_999, want: false },
    { does: 'is due when its dwell is over', ms: 5_000, want: true },
    { does: 'is due long after', ms: 60_000, want: true },
  ])('$does', ({ ms, want }) => {
    expect(isDue(run(), at(ms))).toBe(want);
    expect(itemEndsAt(run())).toEqual(at(5_000));
  });

  it('holds: no end while paused, and a paused run is never due', () => {
    const held = pauseRun(run(), at(2_000));
    expect(held.pausedAt).toBe(at(2_000).toISOString());
    expect(itemEndsAt(held)).toBeNull();
    expect(isDue(held, at(3_600_000))).toBe(false);
    expect(pauseRun(held, at(3_000))).toBe(held);
  });

  it.each([
    { does: 'resumes with the rest of its dwell (held 10 s after 2 s)', pause: 2_000, resume: 12_000, ends: 15_000 },
    { does: 'resumes at once with the whole rest (held 0 s)', pause: 1_000, resume: 1_000, ends: 5_000 },
    { does: 'resumes with the rest after a long break (held an hour at 4.9 s)', pause: 4_900, resume: 3_604_900, ends: 3_605_000 },
  ])('$does', ({ pause, resume, ends }) => {
    const back = resumeRun(pauseRun(run(), at(pause)), at(resume));
    expect(back.pausedAt).toBeNull();
    expect(itemEndsAt(back)).toEqual(at(ends));
    expect(isDue(back, at(ends - 1))).toBe(false);
  });

  it('leaves a running run as it is on resume', () => {
    const r = run();
    expect(resumeRun(r, at(1_000))).toBe(r);
  });
});

describe('rundown: as a change of the graphics state', () => {
  const items = [item('a'), item('b'), { layer: 'fullscreen', graphic: { type: 'board', raceId: 'c' } } as RundownItem];
  const started = startRun(EMPTY_GRAPHICS, 'program', newRun(rundown(items), 0, T0));

  it('reads as no run on either channel in a state stored before runs', () => {
    expect(runsOf(GraphicsState.parse({ program: EMPTY_GRAPHICS.program, preview: EMPTY_GRAPHICS.preview, revision: 3 }))).toMatchObject({ program: null, preview: null });
  });

  it('airs the first item on its layer of its channel and keeps the run', () => {
    expect(started.program.lowerThird).toEqual(race('a'));
    expect(started.preview.lowerThird).toBeNull();
    expect(started.revision).toBe(1);
    expect(runsOf(started).program).toMatchObject({ rundownId: 'night', index: 0, itemStartedAt: T0.toISOString(), pausedAt: null });
    expect(GraphicsState.parse(JSON.parse(JSON.stringify(started)))).toEqual(started);
  });

  it('moves on: the next item on its layer, and the one before off its own layer when that is another', () => {
    const b = moveRun(started, 'program', 1, at(8_000));
    expect(b.program.lowerThird).toEqual(race('b'));
    const c = moveRun(b, 'program', 2, at(16_000));
    expect(c.program.fullscreen).toEqual({ type: 'board', raceId: 'c' });
    expect(c.program.lowerThird).toBeNull();
    expect(runsOf(c).program).toMatchObject({ index: 2, itemStartedAt: at(16_000).toISOString() });
    expect(c.revision).toBe(3);
  });

  it('leaves a graphic a producer put on the old layer since', () => {
    const byHand = { ...started, program: { ...started.program, lowerThird: race('z') } };
    expect(moveRun(byHand, 'program', 2, at(8_000)).program.lowerThird).toEqual(race('z'));
  });

  it('keeps a held run held when it moves, with the whole dwell of the new item', () => {
    const held = { ...started, runs: { ...started.runs!, program: pauseRun(runsOf(started).program!, at(3_000)) } };
    const b = runsOf(moveRun(held, 'program', 1, at(5_000))).program!;
    expect(b.pausedAt).toBe(at(5_000).toISOString());
    expect(itemEndsAt(resumeRun(b, at(7_000)))).toEqual(at(15_000));
  });

  it.each([
    { reason: 'stop', offAir: true },
    { reason: 'end', offAir: true },
    { reason: 'deleted', offAir: true },
  ] as const)('ends on $reason, taking its graphic off air, and says why', ({ reason, offAir }) => {
    const s = endRun(started, 'program', reason, 'why', at(1_000));
    expect(s.program.lowerThird).toEqual(offAir ? null : race('a'));
    expect(runsOf(s).program).toBeNull();
    expect(rundownStatus(s, 'program', all)).toEqual({
      channel: 'program',
      run: null,
      nextIndex: null,
      endsAt: null,
      stopped: { reason, message: 'why', at: at(1_000).toISOString(), rundownId: 'night' },
    });
  });

  it.each([
    { does: 'a take on the layer it airs stops it and leaves the take on air', channel: 'program', layer: 'lowerThird', reason: 'take', stops: true },
    { does: 'a clear on the layer it airs stops it', channel: 'program', layer: 'lowerThird', reason: 'clear', stops: true },
    { does: 'a take on another layer does not', channel: 'program', layer: 'fullscreen', reason: 'take', stops: false },
    { does: 'a change on the other channel does not', channel: 'preview', layer: 'lowerThird', reason: 'take', stops: false },
  ] as const)('$does', ({ channel, layer, reason, stops }) => {
    const taken = { ...started, program: { ...started.program, lowerThird: race('z') }, revision: started.revision + 1 };
    const s = stopByHand(taken, channel, layer, reason, at(2_000));
    expect(runsOf(s).program === null).toBe(stops);
    expect(s.program.lowerThird).toEqual(race('z'));
    if (stops) {
      expect(rundownStatus(s, 'program', all).stopped).toMatchObject({ reason, message: expect.stringContaining('by hand on the program lower third') });
      expect(endedRunEvents(taken, s)).toEqual([{ type: 'rundown', data: { rundown: 'night', action: 'stop', channel: 'program', index: 0, reason, message: expect.any(String) } }]);
    } else expect(s).toBe(taken);
  });

  it('replaces a run already on the channel, its graphic off unless the new one covers the layer', () => {
    const other = newRun(rundown([{ layer: 'fullscreen', graphic: { type: 'board', raceId: 'c' } }], { id: 'boards', name: 'Boards' }), 0, at(1_000));
    const s = startRun(started, 'program', other);
    expect(runsOf(s).program?.rundownId).toBe('boards');
    expect(s.program.lowerThird).toBeNull();
    expect(s.program.fullscreen).toEqual({ type: 'board', raceId: 'c' });
  });

  it('says what comes next and when in its status', () => {
    expect(rundownStatus(started, 'program', all)).toMatchObject({ channel: 'program', nextIndex: 1, endsAt: at(8_000).toISOString() });
    expect(rundownStatus(started, 'preview', all)).toEqual({ channel: 'preview', run: null, nextIndex: null, endsAt: null });
  });

  it('takes a rundown body with its defaults: no loop, no skipping', () => {
    expect(RundownBody.parse({ name: 'N', items: [item('a')] })).toMatchObject({ loop: false, skipAwaiting: false });
  });
});
