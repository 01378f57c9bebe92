import { describe, expect, it } from 'vitest';
import type { Graphic, RundownRun, RundownStatus } from '../../shared/index.js';
import { describeRun } from '../../overlay/control/dock/rundown.js';

const T0 = Date.parse('2020-11-06T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const run = (o: Partial<RundownRun> = {}): RundownRun => ({
  rundownId: 'night',
  index: 0,
  itemStartedAt: at(0),
  pausedAt: null,
  items: [
    { layer: 'fullscreen', graphic: { type: 'board', raceId: 'ga' } },
    { layer: 'lowerThird', graphic: { type: 'race', raceId: 'pa' } },
    { layer: 'ticker', graphic: { type: 'ticker', raceIds: ['ga', 'pa'] } },
  ],
  loop: false,
  skipAwaiting: false,
  name: 'Night',
  ...o,
});
const status = (o: Partial<RundownStatus> = {}): RundownStatus => ({ channel: 'program', run: run(), nextIndex: 1, endsAt: at(8_000), ...o });
/** Names a graphic by its kind and first race, as the panel's describeGraphic would in words. */
const name = (g: Graphic) => `${g.type}:${'raceId' in g ? g.raceId : 'raceIds' in g && Array.isArray(g.raceIds) ? g.raceIds.join('+') : '?'}`;

describe('describeRun (the dock’s rundown now / next)', () => {
  it.each([
    {
      what: 'running, 2.2 s into an 8 s item (the countdown rounds up)',
      s: status(),
      now: T0 + 2_200,
      words: { name: 'Night', position: '1 of 3', now: 'FULL SCREEN · board:ga', next: 'LOWER THIRD · race:pa', timing: 'next in 6 s', paused: false, rundownId: 'night' },
    },
    {
      what: 'held: no countdown, PAUSED',
      s: status({ run: run({ pausedAt: at(1_000) }), endsAt: null }),
      now: T0 + 5_000,
      words: { timing: 'PAUSED', paused: true },
    },
    {
      what: 'the last item of a run that does not loop',
      s: status({ run: run({ index: 2 }), nextIndex: null }),
      now: T0,
      words: { position: '3 of 3', now: 'TICKER · ticker:ga+pa', next: 'nothing: the run ends after this item' },
    },
    {
      what: 'a loop back to the first item',
      s: status({ run: run({ index: 2, loop: true }), nextIndex: 0 }),
      now: T0,
      words: { next: 'FULL SCREEN · board:ga' },
    },
    {
      what: 'past endsAt on this page’s clock (the server has yet to move on): never negative',
      s: status(),
      now: T0 + 60_000,
      words: { timing: 'next in 0 s' },
    },
    {
      what: 'no endsAt from the server while running',
      s: status({ endsAt: null }),
      now: T0,
      words: { timing: '' },
    },
    {
      what: 'ended: why, as the server worded it',
      s: status({ run: null, nextIndex: null, endsAt: null, stopped: { reason: 'stop', message: '"Night" stopped by the producer on program', at: at(0) } }),
      now: T0,
      words: { rundownId: null, name: 'Ended', position: '', now: '', next: '', timing: '', stopped: '"Night" stopped by the producer on program' },
    },
    {
      what: 'nothing ever ran on the channel',
      s: status({ channel: 'preview', run: null, nextIndex: null, endsAt: null }),
      now: T0,
      words: { rundownId: null, channel: 'preview', stopped: '' },
    },
  ])('$what', ({ s, now, words }) => {
    expect(describeRun(s, name, now)).toMatchObject(words);
  });
});
