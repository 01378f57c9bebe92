import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  DEFAULT_THEME,
  mostReadable,
  relativeLuminance,
  Theme,
  themeAssetRefs,
  themeContrastIssues,
  toIssues,
} from '../../shared/index.js';

const colors = { panel: '#0a1d3f', text: '#ffffff', accent: '#ffd400', alert: '#e0191f' };
const issuesOf = (body: unknown) => {
  const r = Theme.safeParse(body);
  return r.success ? [] : toIssues(r.error);
};

describe('relative luminance and contrast (WCAG 2.x)', () => {
  it.each([
    { does: 'black is 0', hex: '#000000', want: 0 },
    { does: 'white is 1', hex: '#ffffff', want: 1 },
    { does: 'upper case is read too', hex: '#FFFFFF', want: 1 },
    { does: 'mid grey #777777 is about 0.184', hex: '#777777', want: 0.1845 },
    { does: 'pure red weighs 0.2126', hex: '#ff0000', want: 0.2126 },
    { does: 'pure green weighs 0.7152', hex: '#00ff00', want: 0.7152 },
    { does: 'pure blue weighs 0.0722', hex: '#0000ff', want: 0.0722 },
    { does: 'a channel under the 0.04045 knee is linear', hex: '#0a0a0a', want: 10 / 255 / 12.92 },
  ])('$does', ({ hex, want }) => {
    expect(relativeLuminance(hex)).toBeCloseTo(want, 3);
  });

  it.each([
    { does: 'black on white is 21:1', a: '#000000', b: '#ffffff', want: 21 },
    { does: 'the order does not matter', a: '#ffffff', b: '#000000', want: 21 },
    { does: 'a colour on itself is 1:1', a: '#1f5fd1', b: '#1f5fd1', want: 1 },
    { does: '#777777 on white is just under 4.5 (4.48)', a: '#777777', b: '#ffffff', want: 4.48 },
    { does: '#767676 on white is just over 4.5 (4.54)', a: '#767676', b: '#ffffff', want: 4.54 },
  ])('$does', ({ a, b, want }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(want, 2);
  });

  it('refuses something that is not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });

  it.each([
    { does: 'white on navy', bg: '#0a1d3f', want: '#ffffff' },
    { does: 'ink on yellow', bg: '#ffd400', want: '#0a1a36' },
    { does: 'ink on white', bg: '#ffffff', want: '#0a1a36' },
  ])('picks the readable text: $does', ({ bg, want }) => {
    expect(mostReadable(bg, ['#ffffff', '#0a1a36'])).toBe(want);
  });
});

describe('themeContrastIssues', () => {
  it('passes today’s look: every pair of the default theme reaches 4.5:1', () => {
    expect(themeContrastIssues(DEFAULT_THEME)).toEqual([]);
  });

  it.each([
    { does: 'grey text on the navy panel', t: { colors: { ...colors, text: '#33415c' } }, paths: ['colors.text'] },
    { does: 'white text on a white panel', t: { colors: { ...colors, panel: '#ffffff', accent: '#0a1d3f' } }, paths: ['colors.text'] },
    { does: 'a navy accent on the navy panel', t: { colors: { ...colors, accent: '#1f3a70' } }, paths: ['colors.accent'] },
    { does: 'a light alert colour is fine (it is never behind text)', t: { colors: { ...colors, alert: '#ff8fa3' } }, paths: [] },
    { does: 'white on a yellow party', t: { colors, parties: { LIB: '#fed105', DEM: '#1f5fd1' } }, paths: ['parties.LIB'] },
    { does: 'dark text on a light panel is fine', t: { colors: { panel: '#f4f4f4', text: '#111111', accent: '#8a1c00', alert: '#ffb0b0' }, parties: { DEM: '#9cc3ff' } }, paths: [] },
    { does: '#767676 text on white passes at 4.54', t: { colors: { panel: '#ffffff', text: '#767676', accent: '#000000', alert: '#ffffff' } }, paths: [] },
    { does: '#777777 text on white fails at 4.48', t: { colors: { panel: '#ffffff', text: '#777777', accent: '#000000', alert: '#ffffff' } }, paths: ['colors.text'] },
  ])('$does', ({ t, paths }) => {
    const issues = themeContrastIssues(t as Parameters<typeof themeContrastIssues>[0]);
    expect(issues.map((i) => i.path)).toEqual(paths);
    for (const i of issues) expect(i.message).toMatch(/contrast of \d+\.\d\d:1; it must be at least 4.5:1/);
  });
});

describe('Theme schema', () => {
  it('accepts the default and stores colours lower-case', () => {
    expect(Theme.parse(DEFAULT_THEME)).toEqual(DEFAULT_THEME);
    const t = Theme.parse({ colors: { ...colors, panel: '#0A1D3F' }, parties: { DEM: '#1F5FD1' } });
    expect(t.colors.panel).toBe('#0a1d3f');
    expect(t.parties.DEM).toBe('#1f5fd1');
  });

  it('lets parties default to none', () => {
    expect(Theme.parse({ colors }).parties).toEqual({});
  });

  it.each([
    { does: 'a colour that is not #rrggbb', body: { colors: { ...colors, panel: 'navy' } }, path: 'colors.panel' },
    { does: 'a three-digit colour', body: { colors: { ...colors, accent: '#fd0' } }, path: 'colors.accent' },
    { does: 'a missing colour', body: { colors: { panel: '#000000', text: '#ffffff', accent: '#ffffff' } }, path: 'colors.alert' },
    { does: 'an unknown colour field', body: { colors: { ...colors, border: '#000000' } }, path: 'colors.border' },
    { does: 'an unknown top-level field', body: { colors, background: '#000000' }, path: 'background' },
    { does: 'a party colour that is not a colour', body: { colors, parties: { DEM: 'blue' } }, path: 'parties.DEM' },
    { does: 'a party code with a space', body: { colors, parties: { 'D E M': '#1f5fd1' } }, path: 'parties.D E M' },
    { does: 'a logo that is not an asset name', body: { colors, logo: '../etc/passwd' }, path: 'logo' },
    { does: 'a font name with a slash', body: { colors, font: 'fonts/a.woff2' }, path: 'font' },
    { does: 'a headshot of a candidate id that is not a slug', body: { colors, headshots: { Biden: 'b.png' } }, path: 'headshots.Biden' },
    { does: 'a headshot that is not an asset name', body: { colors, headshots: { biden: 'a b.png' } }, path: 'headshots.biden' },
    { does: 'unreadable text', body: { colors: { ...colors, text: '#0b1e40' } }, path: 'colors.text' },
  ])('refuses $does, naming $path', ({ body, path }) => {
    expect(issuesOf(body).map((i) => i.path)).toContain(path);
  });
});

describe('themeAssetRefs', () => {
  it.each([
    { does: 'names nothing for the default', t: DEFAULT_THEME, want: [] },
    {
      does: 'names each asset with its field and kind',
      t: { font: 'f.woff2', logo: 'logo.png', headshots: { biden: 'biden.jpg', trump: 'trump.webp' } },
      want: [
        { path: 'font', name: 'f.woff2', kind: 'font' },
        { path: 'logo', name: 'logo.png', kind: 'image' },
        { path: 'headshots.biden', name: 'biden.jpg', kind: 'image' },
        { path: 'headshots.trump', name: 'trump.webp', kind: 'image' },
      ],
    },
  ])('$does', ({ t, want }) => {
    expect(themeAssetRefs(t as Parameters<typeof themeAssetRefs>[0])).toEqual(want);
  });
});
