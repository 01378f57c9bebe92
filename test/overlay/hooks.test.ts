import { describe, expect, it } from 'vitest';
import { parseRenderMessage, renderMessage } from '../../overlay/lib/render-message.js';
import { installPlayoutHooks, parseUpdate, type PlayoutActions } from '../../overlay/onair/hooks.js';

const ID_64 = `a${'b'.repeat(63)}`;
const ID_65 = `a${'b'.repeat(64)}`;

describe('parseUpdate', () => {
  it.each([
    { does: 'reads a channel from an object', input: { channel: 'preview' }, want: { channel: 'preview' } },
    { does: 'reads a channel from a JSON string', input: '{"channel":"program"}', want: { channel: 'program' } },
    { does: 'reads a race to pin', input: { raceId: 'ga-president-2020' }, want: { raceId: 'ga-president-2020' } },
    { does: 'reads a null race as unpin', input: '{"raceId":null}', want: { raceId: null } },
    {
      does: 'reads channel and race together',
      input: '{"channel":"preview","raceId":"pa-president-2020"}',
      want: { channel: 'preview', raceId: 'pa-president-2020' },
    },
    { does: 'accepts a 64-character race id', input: { raceId: ID_64 }, want: { raceId: ID_64 } },
    { does: 'accepts a one-character race id', input: { raceId: '7' }, want: { raceId: '7' } },
    { does: 'ignores unknown keys next to known ones', input: { f0: 'x', layer: 1, channel: 'preview' }, want: { channel: 'preview' } },
    { does: 'ignores an unknown channel', input: { channel: 'air' }, want: {} },
    { does: 'ignores a channel in capitals', input: { channel: 'PROGRAM' }, want: {} },
    { does: 'ignores a race id with capitals and spaces', input: { raceId: 'GA President' }, want: {} },
    { does: 'ignores a race id starting with a hyphen', input: { raceId: '-ga' }, want: {} },
    { does: 'ignores a 65-character race id', input: { raceId: ID_65 }, want: {} },
    { does: 'ignores an empty race id', input: { raceId: '' }, want: {} },
    { does: 'ignores a numeric race id', input: { raceId: 42 }, want: {} },
    { does: 'keeps a valid channel when the race id is bad', input: { channel: 'preview', raceId: 'Bad!' }, want: { channel: 'preview' } },
    {
      does: 'ignores CasparCG XML templateData',
      input: '<templateData><componentData id="f0"><data id="text" value="x"/></componentData></templateData>',
      want: {},
    },
    { does: 'ignores broken JSON', input: '{"channel":', want: {} },
    { does: 'ignores an empty string', input: '', want: {} },
    { does: 'ignores JSON null', input: 'null', want: {} },
    { does: 'ignores a JSON number', input: '42', want: {} },
    { does: 'ignores a JSON string', input: '"preview"', want: {} },
    { does: 'ignores a JSON array', input: '["preview"]', want: {} },
    { does: 'ignores undefined', input: undefined, want: {} },
    { does: 'ignores null', input: null, want: {} },
    { does: 'ignores a number', input: 7, want: {} },
  ])('$does', ({ input, want }) => {
    expect(parseUpdate(input)).toEqual(want);
  });

  it('leaves out raceId entirely when none is given, so the pin is kept', () => {
    expect('raceId' in parseUpdate({ channel: 'preview' })).toBe(false);
  });
});

/** A stand-in for `window`: an EventTarget the hooks can hang `play`/`stop`/`next`/`update` on. */
function fakeWindow(): Window {
  return new EventTarget() as unknown as Window;
}

function recorder(): { calls: string[]; actions: PlayoutActions } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      play: () => calls.push('play'),
      stop: () => calls.push('stop'),
      next: () => calls.push('next'),
      setChannel: (c) => calls.push(`setChannel:${c}`),
      pinRace: (id) => calls.push(`pinRace:${id}`),
      refresh: () => calls.push('refresh'),
    },
  };
}

describe('installPlayoutHooks', () => {
  it.each([
    { does: 'play() plays', call: (w: Window) => w.play?.(), want: ['play'] },
    { does: 'stop() stops', call: (w: Window) => w.stop(), want: ['stop'] },
    { does: 'next() flips the ticker', call: (w: Window) => w.next?.(), want: ['next'] },
    { does: 'update() switches channel', call: (w: Window) => w.update?.('{"channel":"preview"}'), want: ['setChannel:preview'] },
    { does: 'update() pins a race', call: (w: Window) => w.update?.({ raceId: 'ga-president-2020' }), want: ['pinRace:ga-president-2020'] },
    { does: 'update() unpins with a null race', call: (w: Window) => w.update?.({ raceId: null }), want: ['pinRace:null'] },
    {
      does: 'update() switches channel before pinning',
      call: (w: Window) => w.update?.({ raceId: 'pa-president-2020', channel: 'program' }),
      want: ['setChannel:program', 'pinRace:pa-president-2020'],
    },
    { does: 'update() with XML templateData does nothing', call: (w: Window) => w.update?.('<templateData/>'), want: [] },
    {
      does: 'refreshes when the OBS source becomes visible',
      call: (w: Window) => w.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: true } })),
      want: ['refresh'],
    },
    {
      does: 'does not refresh when the OBS source is hidden',
      call: (w: Window) => w.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: false } })),
      want: [],
    },
    {
      does: 'refreshes when the OBS source becomes active',
      call: (w: Window) => w.dispatchEvent(new CustomEvent('obsSourceActiveChanged', { detail: { active: true } })),
      want: ['refresh'],
    },
    {
      does: 'does not refresh when the OBS source goes inactive',
      call: (w: Window) => w.dispatchEvent(new CustomEvent('obsSourceActiveChanged', { detail: { active: false } })),
      want: [],
    },
    {
      does: 'ignores an OBS event without detail',
      call: (w: Window) => w.dispatchEvent(new CustomEvent('obsSourceVisibleChanged')),
      want: [],
    },
  ])('$does', ({ call, want }) => {
    const win = fakeWindow();
    const { calls, actions } = recorder();
    installPlayoutHooks(win).attach(actions);
    call(win);
    expect(calls).toEqual(want);
  });

  it('holds what CasparCG calls before the page can act (update then play at load) and runs it in order once it can', () => {
    const win = fakeWindow();
    const { calls, actions } = recorder();
    const hooks = installPlayoutHooks(win);
    win.update?.('{"channel":"preview","raceId":"ga-president-2020"}');
    win.play?.();
    win.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: true } }));
    expect(calls).toEqual([]);
    hooks.attach(actions);
    expect(calls).toEqual(['setChannel:preview', 'pinRace:ga-president-2020', 'play']);
    win.stop();
    expect(calls.at(-1)).toBe('stop');
  });
});

describe('parseRenderMessage', () => {
  it.each([
    { does: 'reads a pause', input: { type: 'leadwire:render', paused: true }, want: { type: 'leadwire:render', paused: true } },
    { does: 'reads a resume', input: { type: 'leadwire:render', paused: false }, want: { type: 'leadwire:render', paused: false } },
    { does: 'ignores a paused flag that is not a boolean', input: { type: 'leadwire:render', paused: 'true' }, want: null },
    { does: 'ignores a missing paused flag', input: { type: 'leadwire:render' }, want: null },
    { does: 'ignores another type', input: { type: 'other', paused: true }, want: null },
    { does: 'ignores a string', input: 'leadwire:render', want: null },
    { does: 'ignores null', input: null, want: null },
    { does: 'ignores undefined', input: undefined, want: null },
  ])('$does', ({ input, want }) => {
    expect(parseRenderMessage(input)).toEqual(want);
  });

  it('reads back what renderMessage builds', () => {
    expect(parseRenderMessage(renderMessage(true))).toEqual(renderMessage(true));
  });
});
