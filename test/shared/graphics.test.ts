import { describe, it, expect } from 'vitest';
import { air, clear, cue, EMPTY_GRAPHICS, EMPTY_LAYERS, NothingCued, take, type Graphic, type GraphicsState } from '../../shared/index.js';

const GA: Graphic = { type: 'race', raceId: 'ga-president-2020' };
const AZ: Graphic = { type: 'race', raceId: 'az-president-2020' };
const FLIP: Graphic = { type: 'leadChange', leadChangeId: 'ga-president-2020.r3' };
const TICKER: Graphic = { type: 'ticker', raceIds: ['ga-president-2020', 'az-president-2020'] };

describe('graphics', () => {
  it('starts with every layer of both channels empty at revision 0', () => {
    expect(EMPTY_GRAPHICS).toEqual({ program: EMPTY_LAYERS, preview: EMPTY_LAYERS, revision: 0 });
    expect(EMPTY_LAYERS).toEqual({ lowerThird: null, alert: null, ticker: null, fullscreen: null });
  });

  it.each([
    { does: 'cues a race on the preview lower third', layer: 'lowerThird', g: GA },
    { does: 'cues a lead change on the preview alert layer', layer: 'alert', g: FLIP },
    { does: 'cues a ticker on the preview ticker layer', layer: 'ticker', g: TICKER },
  ] as const)('$does', ({ layer, g }) => {
    expect(cue(EMPTY_GRAPHICS, layer, g)).toEqual({ program: EMPTY_LAYERS, preview: { ...EMPTY_LAYERS, [layer]: g }, revision: 1 });
  });

  it('replaces what was cued on a layer', () => {
    expect(cue(cue(EMPTY_GRAPHICS, 'lowerThird', GA), 'lowerThird', AZ).preview.lowerThird).toEqual(AZ);
  });

  it('takes the cued graphic to program and keeps it cued in preview', () => {
    const s = take(cue(EMPTY_GRAPHICS, 'lowerThird', GA), 'lowerThird');
    expect(s).toEqual({ program: { ...EMPTY_LAYERS, lowerThird: GA }, preview: { ...EMPTY_LAYERS, lowerThird: GA }, revision: 2 });
  });

  it('takes only the named layer', () => {
    const cued = cue(cue(EMPTY_GRAPHICS, 'lowerThird', GA), 'alert', FLIP);
    expect(take(cued, 'alert')).toEqual({ program: { ...EMPTY_LAYERS, alert: FLIP }, preview: { ...EMPTY_LAYERS, lowerThird: GA, alert: FLIP }, revision: 3 });
  });

  it.each([
    { does: 'refuses to take an empty preview lower third', s: EMPTY_GRAPHICS, layer: 'lowerThird' },
    { does: 'refuses to take an empty preview alert layer even when another layer is cued', s: cue(EMPTY_GRAPHICS, 'lowerThird', GA), layer: 'alert' },
    { does: 'refuses to take a preview layer that was cleared', s: clear(cue(EMPTY_GRAPHICS, 'ticker', TICKER), 'ticker', 'preview'), layer: 'ticker' },
    { does: 'refuses to take an empty preview layer even when program has the graphic', s: air(EMPTY_GRAPHICS, 'lowerThird', GA), layer: 'lowerThird' },
  ] as const)('$does', ({ s, layer }) => {
    expect(() => take(s, layer)).toThrow(NothingCued);
    expect(() => take(s, layer)).toThrow(`nothing is cued on the preview ${layer} layer`);
  });

  it('names the layer in the NothingCued error', () => {
    const error = (() => {
      try {
        take(EMPTY_GRAPHICS, 'alert');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error instanceof NothingCued && error instanceof Error && error.layer).toBe('alert');
  });

  it.each([
    { does: 'clears a program layer and leaves preview cued', channel: 'program', want: { program: EMPTY_LAYERS, preview: { ...EMPTY_LAYERS, lowerThird: GA } } },
    { does: 'clears a preview layer and leaves program on air', channel: 'preview', want: { program: { ...EMPTY_LAYERS, lowerThird: GA }, preview: EMPTY_LAYERS } },
  ] as const)('$does', ({ channel, want }) => {
    const onAir = take(cue(EMPTY_GRAPHICS, 'lowerThird', GA), 'lowerThird');
    expect(clear(onAir, 'lowerThird', channel)).toEqual({ ...want, revision: 3 });
  });

  it('counts clearing an already empty layer as a change of state', () => {
    expect(clear(EMPTY_GRAPHICS, 'alert', 'program')).toEqual({ ...EMPTY_GRAPHICS, revision: 1 });
  });

  it.each([
    { does: 'airs a race straight to program without touching preview', layer: 'lowerThird', g: GA },
    { does: 'airs a lead change straight to program without touching preview', layer: 'alert', g: FLIP },
  ] as const)('$does', ({ layer, g }) => {
    const cued: GraphicsState = cue(EMPTY_GRAPHICS, 'lowerThird', AZ);
    expect(air(cued, layer, g)).toEqual({ program: { ...EMPTY_LAYERS, [layer]: g }, preview: { ...EMPTY_LAYERS, lowerThird: AZ }, revision: 2 });
  });

  it('leaves the state it was given untouched', () => {
    const s = cue(EMPTY_GRAPHICS, 'lowerThird', GA);
    const copy = structuredClone(s);
    air(take(s, 'lowerThird'), 'alert', FLIP);
    clear(s, 'lowerThird', 'preview');
    expect([s, EMPTY_GRAPHICS]).toEqual([copy, { program: EMPTY_LAYERS, preview: EMPTY_LAYERS, revision: 0 }]);
  });
});
